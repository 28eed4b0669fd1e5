package chronicle.sim.internal;

import chronicle.api.strategy.OrderEventType;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.Side;
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

/**
 * A resting order fills only once the queue ahead of it is consumed, as each queue-position model estimates that
 * queue: hand-built books written to a real archive and replayed.
 */
@Timeout(60)
class QueueModelTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private static Script joinBidAt10000(long quantity, int afterBook) {
        return new Script().afterBook(afterBook, ctx -> ctx.send(ctx.newOrder().limit(0, Side.BID, 10_000, quantity)));
    }

    private List<Long> fills(Path root, QueueModel model, Script script) {
        script.run(root, model, LatencyModel.none(), FeeModel.NONE);
        return script.fills();
    }

    @Test
    void riskAverseFillsOnlyAfterTradesAtThePriceConsumedTheQueueAhead() {
        Path root = dir.resolve("a");
        try (Tape tape = new Tape(root)) {
            tape.snapshot(T0 + MS, Side.BID, 10_000, 10, Side.ASK, 10_100, 10)
                    .trade(T0 + 2 * MS, 10_000, 6, Side.ASK)   // 10 ahead: 4 left
                    .trade(T0 + 3 * MS, 10_000, 5, Side.ASK)   // 1 reaches us
                    .trade(T0 + 4 * MS, 10_100, 9, Side.BID)   // the other side: nothing for a bid
                    .trade(T0 + 5 * MS, 10_000, 3, Side.ASK);  // the last 1
        }
        Script script = joinBidAt10000(2, 1);
        assertEquals(List.of(1L, 1L), fills(root, QueueModel.riskAverse(), script));
        assertEquals(List.of(OrderEventType.ACCEPTED, OrderEventType.PARTIALLY_FILLED, OrderEventType.FILLED),
                script.types());
        assertEquals(T0 + 3 * MS, script.events.get(1).time(), "filled by the second trade");
    }

    @Test
    void riskAverseTakesALevelThatShrankBelowItsPlaceAsCancelsAhead() {
        Path root = dir.resolve("b");
        try (Tape tape = new Tape(root)) {
            tape.snapshot(T0 + MS, Side.BID, 10_000, 10, Side.ASK, 10_100, 10)
                    .diff(T0 + 2 * MS, Side.BID, 10_000, 4)
                    .trade(T0 + 3 * MS, 10_000, 5, Side.ASK);
        }
        assertEquals(List.of(1L), fills(root, QueueModel.riskAverse(), joinBidAt10000(2, 1)));
    }

    @Test
    void probabilisticModelsSplitCancelsBetweenAheadAndBehindByTheirFunction() {
        Path root = dir.resolve("c");
        try (Tape tape = new Tape(root)) {
            tape.snapshot(T0 + MS, Side.BID, 10_000, 10, Side.ASK, 10_100, 10)
                    .diff(T0 + 2 * MS, Side.BID, 10_000, 40)     // 30 join behind us
                    .diff(T0 + 3 * MS, Side.BID, 10_000, 20)     // 20 cancelled: ahead or behind?
                    .trade(T0 + 4 * MS, 10_000, 3, Side.ASK)
                    .trade(T0 + 5 * MS, 10_000, 6, Side.ASK);
        }
        // risk-averse: every cancel was behind (10 ahead, 9 traded): no fill
        assertEquals(List.of(), fills(root, QueueModel.riskAverse(), joinBidAt10000(5, 1)));
        // x^2: share ahead 100 / (100 + 900) = 0.1 of 20: 8 ahead; 3 then 6 traded: 1 reaches us
        assertEquals(List.of(1L), fills(root, QueueModel.power(2), joinBidAt10000(5, 1)));
        // ln(1 + x): share ahead ln 11 / (ln 11 + ln 31) = 0.411: 1.78 ahead; 1 fills, then the rest
        assertEquals(List.of(1L, 4L), fills(root, QueueModel.log(), joinBidAt10000(5, 1)));
    }

    @Test
    void l3FifoStandsBehindExactlyTheOrdersThereOnArrival() {
        Path root = dir.resolve("d");
        try (Tape tape = new Tape(root)) {
            tape.l3(T0 + MS, true, L3Action.ADD, Side.BID, 1, 10_000, 5)
                    .l3(T0 + 2 * MS, false, L3Action.ADD, Side.BID, 2, 10_000, 5)
                    .l3(T0 + 3 * MS, false, L3Action.ADD, Side.BID, 3, 10_000, 5)           // behind us
                    .l3(T0 + 4 * MS, false, L3Action.EXECUTE_VISIBLE, Side.BID, 1, 10_000, 5) // ahead: 5 left
                    .l3(T0 + 5 * MS, false, L3Action.DELETE, Side.BID, 2, 10_000, 0)          // ahead: none left
                    .l3(T0 + 6 * MS, false, L3Action.EXECUTE_VISIBLE, Side.BID, 3, 10_000, 3); // reaches us first
        }
        Script fifo = joinBidAt10000(2, 2);
        assertEquals(List.of(2L), fills(root, QueueModel.l3Fifo(), fifo));
        assertEquals(T0 + 6 * MS, fifo.events.getLast().time());
        // the same data by price level alone: the cancel might have been behind us, so nothing fills
        assertEquals(List.of(), fills(root, QueueModel.riskAverse(), joinBidAt10000(2, 2)));
    }

    @Test
    void aTradeThroughTheOrdersPriceFillsItWhateverTheQueue() {
        Path root = dir.resolve("e");
        try (Tape tape = new Tape(root)) {
            tape.snapshot(T0 + MS, Side.BID, 10_000, 50, Side.BID, 9_900, 5, Side.ASK, 10_100, 10)
                    .trade(T0 + 2 * MS, 9_900, 1, Side.ASK);
        }
        assertEquals(List.of(3L), fills(root, QueueModel.riskAverse(), joinBidAt10000(3, 1)));
    }
}
