package chronicle.sim.internal;

import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.TimeInForce;
import chronicle.protocol.api.Side;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static chronicle.sim.internal.Tape.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cash plus positions at mid is equity; PnL is realized plus unrealized less fees; fees are charged per fill. */
@Timeout(60)
class AccountingTest {

    private static final long MS = 1_000_000L;
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    @Test
    void averageCostAccountingKeepsItsIdentities() {
        Accountant a = new Accountant(List.of(new Instrument(0, "v", "s", 1, 1, -2, 0)), 10_000);
        a.fill(0, true, 10_000, 2, 0.08);      // buy 2 at 100.00, fee 0.08
        a.mark(0, 101);
        assertEquals(10_000 - 200 - 0.08, a.cash(), EPS);
        assertEquals(a.cash() + 2 * 101, a.equity(), EPS);
        assertEquals(100, a.averagePrice(0), EPS);
        assertEquals(2, a.unrealized(0), EPS);
        a.fill(0, false, 10_200, 3, -0.0306);  // sell 3 at 102.00, a rebate: closes 2, opens 1 short
        a.mark(0, 101);
        assertEquals(-1, a.position(0));
        assertEquals(4, a.realized(0), EPS);
        assertEquals(102, a.averagePrice(0), EPS);
        assertEquals(1, a.unrealized(0), EPS);
        assertEquals(0.08 - 0.0306, a.fees(), EPS);
        assertEquals(a.cash() - 101, a.equity(), EPS);
        assertEquals(a.equity() - 10_000, a.realized(0) + a.unrealized(0) - a.fees(0), EPS);
        assertEquals(200 + 306, a.volume(), EPS);
    }

    @Test
    void aRunChargesEachFillItsSidesRateAndItsEquityIsCashPlusPositions() {
        Path root = dir.resolve("fees");
        try (Tape tape = new Tape(root)) {
            tape.snapshot(T0 + MS, Side.BID, 10_000, 5, Side.ASK, 10_100, 5)
                    .trade(T0 + 2 * MS, 10_000, 9, Side.ASK)               // fills our resting bid (maker)
                    .diff(T0 + 3 * MS, Side.BID, 10_050, 2)
                    .diff(T0 + 4 * MS, Side.ASK, 10_150, 4);
        }
        FeeModel fees = new FeeModel(-0.0001, 0.0004, FeeModel.Basis.VALUE);
        Script script = new Script()
                .afterBook(1, ctx -> {
                    ctx.send(ctx.newOrder().limit(0, Side.BID, 10_000, 3));                       // maker
                    ctx.send(ctx.newOrder().limit(0, Side.BID, 10_100, 2).timeInForce(TimeInForce.IOC)); // taker
                })
                .afterBook(2, ctx -> ctx.send(ctx.newOrder().instrument(0).side(Side.ASK).type(OrderType.MARKET)
                        .timeInForce(TimeInForce.IOC).quantity(1)));
        BacktestResult result = script.run(root, QueueModel.power(1), LatencyModel.none(), fees);
        BacktestResult.Summary s = result.summary();
        assertEquals(3, s.fills());
        double feeSum = 0;
        for (BacktestResult.FillRecord f : result.fills()) {
            double rate = f.maker() ? -0.0001 : 0.0004;
            assertEquals(rate * f.price() * f.quantity(), f.fee(), EPS, "fee of " + f);
            feeSum += f.fee();
        }
        assertEquals(feeSum, s.fees(), EPS);
        // bought 2 at 101 (taker), 3 at 100 (maker); sold 1 at 100.50 (taker)
        double cash = 10_000 - 2 * 101 - 3 * 100 + 100.5 - feeSum;
        BacktestResult.EquityPoint last = result.equity().getLast();
        assertEquals(cash, last.cash(), EPS);
        double mid = (100.5 + 101) / 2;
        assertEquals(cash + 4 * mid, last.equity(), EPS, "cash + position at mid");
        assertEquals(s.finalEquity(), last.equity(), EPS);
        assertEquals(s.finalEquity() - 10_000, s.pnl(), EPS);
        assertEquals(4, result.positions().getLast().position(), EPS);
        assertEquals(2 * 101 + 3 * 100 + 100.5, s.volume(), EPS);
        assertEquals(1.0, s.fillRatio(), EPS);
    }
}
