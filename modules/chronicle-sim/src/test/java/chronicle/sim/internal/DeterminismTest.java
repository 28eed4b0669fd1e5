package chronicle.sim.internal;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.OrderView;
import chronicle.api.strategy.Strategy;
import chronicle.protocol.api.Side;
import chronicle.sim.api.BacktestJson;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestRunner;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

import static chronicle.sim.internal.Tape.T0;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same archive and settings give the same result, byte for byte. */
@Timeout(120)
class DeterminismTest {

    @TempDir
    Path dir;

    /** Joins the best bid and ask when it has no open order, and pulls its quotes every 50 ms. */
    static final class Quoter implements Strategy {
        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(ctx.now() + 50_000_000L);
        }

        @Override
        public void onBook(Context ctx, BookView book) {
            if (!ctx.openOrders().isEmpty() || !book.isTwoSided() || book.isStale()) {
                return;
            }
            long bid = book.bestBid();
            long ask = book.bestAsk();
            ctx.send(ctx.newOrder().limit(0, Side.BID, bid, 1));
            ctx.send(ctx.newOrder().limit(0, Side.ASK, ask, 1));
        }

        @Override
        public void onTimer(Context ctx, long timerId) {
            for (OrderView o : ctx.openOrders()) {
                ctx.cancel(o.orderId());
            }
            ctx.setTimer(ctx.now() + 50_000_000L);
        }
    }

    private static void randomDay(Path root, int events) {
        randomDay(root, events, false);
    }

    private static void randomDay(Path root, int events, boolean tradesInBook) {
        SplittableRandom random = new SplittableRandom(11);
        long mid = 10_000;
        try (Tape tape = new Tape(root, tradesInBook)) {
            long t = T0 + 1_000_000L;
            tape.snapshot(t, Side.BID, mid - 1, 10, Side.BID, mid - 2, 10, Side.ASK, mid + 1, 10, Side.ASK, mid + 2,
                    10);
            long bidSize = 10;
            long askSize = 10;
            for (int i = 0; i < events; i++) {
                t += 1_000_000L + random.nextInt(5_000_000);
                int dice = random.nextInt(10);
                if (dice < 3) {
                    boolean buy = random.nextBoolean();
                    tape.trade(t, buy ? mid + 1 : mid - 1, 1 + random.nextInt(6), buy ? Side.BID : Side.ASK);
                } else if (dice < 6) {
                    bidSize = 1 + random.nextInt(20);
                    tape.diff(t, Side.BID, mid - 1, bidSize);
                } else if (dice < 9) {
                    askSize = 1 + random.nextInt(20);
                    tape.diff(t, Side.ASK, mid + 1, askSize);
                } else {
                    mid += random.nextBoolean() ? 1 : -1;
                    tape.snapshot(t, Side.BID, mid - 1, bidSize, Side.BID, mid - 2, 10, Side.ASK, mid + 1, askSize,
                            Side.ASK, mid + 2, 10);
                }
            }
        }
    }

    private static String run(Path root, QueueModel model) {
        return run(root, model, T0 + 3_600_000_000_000L);
    }

    private static String run(Path root, QueueModel model, long to) {
        BacktestResult result = BacktestRunner.builder().archive(root).venue(Tape.VENUE).symbol(Tape.SYMBOL)
                .from(T0).to(to).queueModel(model)
                .latency(LatencyModel.constant(Duration.ofMillis(1), Duration.ofMillis(2)))
                .fees(new FeeModel(-0.0001, 0.0004, FeeModel.Basis.VALUE)).initialCash(10_000)
                .strategy("quoter", Map.of("k", "v"), new Quoter()).build().run();
        assertTrue(result.summary().fills() > 10, "the run traded: " + result.summary());
        assertTrue(result.equity().size() > 10);
        return BacktestJson.full(result);
    }

    @Test
    void twoRunsOfTheSameInputsGiveIdenticalResults() {
        Path root = dir.resolve("day");
        randomDay(root, 20_000);
        String first = run(root, QueueModel.power(2));
        String second = run(root, QueueModel.power(2));
        assertTrue(first.equals(second), "two runs differ");
        assertFalse(first.equals(run(root, QueueModel.riskAverse())), "a different model gives a different run");
    }

    /**
     * A market whose trades are in its book stream is read straight from that one stream, without the merge of a
     * book and a trades stream: the run is the same, to the byte, also when the end falls inside the day.
     */
    @Test
    void oneStreamGivesTheSameRunAsTheSameEventsMergedFromTwo() {
        Path merged = dir.resolve("merged");
        Path single = dir.resolve("single");
        randomDay(merged, 20_000);
        randomDay(single, 20_000, true);
        String whole = run(single, QueueModel.power(2));
        assertTrue(whole.equals(run(merged, QueueModel.power(2))), "one stream and two merged streams differ");
        long middle = T0 + 20_000 * 2_000_000L;
        String half = run(single, QueueModel.power(2), middle);
        assertTrue(half.equals(run(merged, QueueModel.power(2), middle)), "the runs to the middle of the day differ");
        assertFalse(half.equals(whole), "the end cut the run");
    }
}
