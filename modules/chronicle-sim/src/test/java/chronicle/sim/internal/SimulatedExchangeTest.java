package chronicle.sim.internal;

import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.TimeInForce;
import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.Side;
import chronicle.sim.api.ExchangeReport;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import chronicle.sim.api.SimulatedExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static chronicle.sim.internal.Tape.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated exchange outside a backtest ({@link SimulatedExchange}, what the paper venue trades against): fed
 * with archived market records and orders at the caller's times, it matches as in a backtest (a marketable order
 * walks the book at recorded prices, a resting one fills once the queue ahead is traded away) and reports at once,
 * with fees and the response latency the report is due after.
 */
@Timeout(60)
class SimulatedExchangeTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldMatchAndReportAsTheBacktestExchangeDoes() {
        Path root = dir.resolve("archive");
        try (Tape tape = new Tape(root)) {
            tape.snapshot(T0 + MS, Side.BID, 10_000, 5, Side.BID, 9_900, 5, Side.ASK, 10_100, 5, Side.ASK, 10_200, 5)
                    .trade(T0 + 3 * MS, 10_000, 6, Side.ASK)
                    .diff(T0 + 4 * MS, Side.BID, 10_000, 4);
        }
        MarketIds.Ids ids = MarketIds.assign(root, Tape.VENUE, Tape.SYMBOL);
        List<String> reports = new ArrayList<>();
        SimulatedExchange exchange = new SimulatedExchange(LatencyModel.constant(Duration.ofNanos(5_000),
                Duration.ofNanos(7_000)), QueueModel.riskAverse(), new FeeModel(-0.001, 0.002, FeeModel.Basis.VALUE),
                (ExchangeReport r) -> reports.add(r.orderId() + " " + r.type() + (r.type().isFill() ? " "
                        + r.lastQuantity() + "@" + r.lastPrice() + " " + r.liquidity() + " fee " + String.format(java.util.Locale.ROOT, "%.4f", r.fee()) : "")
                        + " at " + (r.time() - T0) + " due +" + r.responseLatency() + (r.closesOrder() ? " closes"
                        : "")));
        assertEquals(5_000, exchange.entryLatency(ids.venueId(), ids.marketId()));

        List<Path> queues = List.of(stream(root, "book"), stream(root, "trades"));
        deliverBetween(queues, 0, T0 + MS, exchange);
        long taker = exchange.submit(ids.venueId(), ids.marketId(), Side.BID, OrderType.LIMIT, TimeInForce.IOC,
                10_200, 8, 0, T0 + 2 * MS);
        long maker = exchange.submit(ids.venueId(), ids.marketId(), Side.BID, OrderType.LIMIT, TimeInForce.GTC,
                10_000, 2, 0, T0 + 2 * MS);
        assertEquals(List.of(
                taker + " ACCEPTED at 2000000 due +7000",
                taker + " PARTIALLY_FILLED 5@10100 TAKER fee 1.0100 at 2000000 due +7000",
                taker + " FILLED 3@10200 TAKER fee 0.6120 at 2000000 due +7000 closes",
                maker + " ACCEPTED at 2000000 due +7000"), reports.subList(0, 4));
        assertEquals(1, exchange.openOrders(), "the resting bid");

        deliverBetween(queues, T0 + MS, T0 + 10 * MS, exchange);
        // risk-averse: the trade of 6 at 10000 takes the 5 ahead first, then 1 of ours; the rest waits
        assertEquals(List.of(maker + " PARTIALLY_FILLED 1@10000 MAKER fee -0.1000 at 3000000 due +7000"),
                reports.subList(4, reports.size()));
        assertTrue(exchange.cancel(maker, T0 + 11 * MS));
        assertEquals(maker + " CANCELLED at 11000000 due +7000 closes", reports.getLast());
        assertFalse(exchange.cancel(maker, T0 + 12 * MS), "closed orders are forgotten");
        assertFalse(exchange.modify(999, 10_000, 1, T0 + 12 * MS), "an id the exchange never gave");
        assertEquals(0, exchange.openOrders());
    }

    private static Path stream(Path root, String stream) {
        return new BusLayout(root, root).importQueue(Tape.VENUE, Tape.SYMBOL, Tape.DAY, stream);
    }

    /** Delivers the records of the queues stamped after {@code after} up to {@code upTo}, in time order. */
    private static void deliverBetween(List<Path> queues, long after, long upTo, SimulatedExchange exchange) {
        record Held(int type, long timestamp, byte[] body) {
        }
        List<Held> all = new ArrayList<>();
        for (Path q : queues) {
            try (ChronicleQueue queue = ChronicleQueue.openExisting(q);
                 QueueReader reader = queue.createReader(StartPosition.earliest())) {
                while (reader.poll((type, seq, ts, buf, off, len) -> {
                    byte[] body = new byte[len];
                    buf.getBytes(off, body);
                    all.add(new Held(type, ts, body));
                }, 100) > 0) {
                    // read them all
                }
            }
        }
        all.sort(java.util.Comparator.comparingLong(Held::timestamp));
        for (Held h : all) {
            if (h.timestamp() > after && h.timestamp() <= upTo) {
                exchange.onRecord(h.type(), 0, h.timestamp(), new org.agrona.concurrent.UnsafeBuffer(h.body()), 0,
                        h.body().length);
            }
        }
    }
}
