package chronicle.sim.internal;

import chronicle.api.strategy.Context;
import chronicle.api.strategy.Liquidity;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.RejectReason;
import chronicle.api.strategy.TimeInForce;
import chronicle.protocol.api.Side;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static chronicle.api.strategy.OrderEventType.ACCEPTED;
import static chronicle.api.strategy.OrderEventType.CANCELLED;
import static chronicle.api.strategy.OrderEventType.FILLED;
import static chronicle.api.strategy.OrderEventType.PARTIALLY_FILLED;
import static chronicle.api.strategy.OrderEventType.REJECTED;
import static chronicle.sim.internal.Tape.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders that take liquidity: IOC, FOK, market and post-only as defined, at recorded prices, never twice against
 * the same displayed size, never on a stale book; latency decides which book an order meets; a modify keeps or
 * loses the order's place as an exchange would.
 */
@Timeout(60)
class MatchingTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private static long send(Context ctx, Side side, OrderType type, TimeInForce tif, long price, long quantity) {
        return ctx.send(ctx.newOrder().instrument(0).side(side).type(type).timeInForce(tif).price(price)
                .quantity(quantity));
    }

    private static List<OrderEventType> typesOf(Script s, long orderId) {
        return s.events.stream().filter(e -> e.orderId() == orderId).map(Script.Event::type).toList();
    }

    private static List<String> fillsOf(Script s, long orderId) {
        return s.events.stream().filter(e -> e.orderId() == orderId && e.type().isFill())
                .map(e -> e.lastQuantity() + "@" + e.lastPrice() + " " + e.liquidity()).toList();
    }

    @Test
    void iocFokMarketAndPostOnlyBehaveAsDefined() {
        Path root = dir.resolve("types");
        try (Tape tape = new Tape(root)) {
            tape.snapshot(T0 + MS, Side.BID, 10_000, 5, Side.BID, 9_900, 5, Side.ASK, 10_100, 5, Side.ASK, 10_200, 5)
                    .diff(T0 + 2 * MS, Side.BID, 9_800, 1)
                    .diff(T0 + 3 * MS, Side.BID, 9_700, 1);
        }
        long[] ids = new long[7];
        Script script = new Script()
                .afterBook(1, ctx -> ids[0] = send(ctx, Side.BID, OrderType.LIMIT, TimeInForce.IOC, 10_100, 8))
                .afterBook(2, ctx -> {
                    ids[1] = send(ctx, Side.BID, OrderType.LIMIT, TimeInForce.FOK, 10_100, 8);
                    ids[2] = send(ctx, Side.BID, OrderType.LIMIT, TimeInForce.FOK, 10_200, 8);
                    ids[3] = send(ctx, Side.BID, OrderType.MARKET, TimeInForce.IOC, 0, 5);
                })
                .afterBook(3, ctx -> {
                    ids[4] = send(ctx, Side.BID, OrderType.LIMIT, TimeInForce.POST_ONLY, 10_100, 1);
                    ids[5] = send(ctx, Side.BID, OrderType.LIMIT, TimeInForce.POST_ONLY, 10_050, 1);
                    ids[6] = send(ctx, Side.ASK, OrderType.LIMIT, TimeInForce.GTC, 9_900, 7);
                });
        script.run(root);
        // IOC: what is there at once, the rest cancelled
        assertEquals(List.of(ACCEPTED, PARTIALLY_FILLED, CANCELLED), typesOf(script, ids[0]));
        assertEquals(List.of("5@10100 TAKER"), fillsOf(script, ids[0]));
        // FOK: all or nothing
        assertEquals(List.of(REJECTED), typesOf(script, ids[1]));
        assertEquals(RejectReason.CANNOT_FILL, script.events.stream().filter(e -> e.orderId() == ids[1])
                .findFirst().orElseThrow().reason());
        assertEquals(List.of(ACCEPTED, PARTIALLY_FILLED, FILLED), typesOf(script, ids[2]));
        assertEquals(List.of("5@10100 TAKER", "3@10200 TAKER"), fillsOf(script, ids[2]));
        // the market order meets only what the FOK left of the displayed book: 2 at 10200, no more
        assertEquals(List.of("2@10200 TAKER"), fillsOf(script, ids[3]));
        assertEquals(List.of(ACCEPTED, PARTIALLY_FILLED, CANCELLED), typesOf(script, ids[3]));
        // post-only: refused if it would take, else it rests
        assertEquals(List.of(REJECTED), typesOf(script, ids[4]));
        assertEquals(RejectReason.WOULD_TAKE, script.events.stream().filter(e -> e.orderId() == ids[4])
                .findFirst().orElseThrow().reason());
        assertEquals(List.of(ACCEPTED), typesOf(script, ids[5]));
        // a GTC limit order takes what crosses and rests with the rest
        assertEquals(List.of("5@10000 TAKER", "2@9900 TAKER"), fillsOf(script, ids[6]));
        assertEquals(List.of(ACCEPTED, PARTIALLY_FILLED, FILLED), typesOf(script, ids[6]));
    }

    @Test
    void nothingTradesOnAStaleBook() {
        Path root = dir.resolve("stale");
        try (Tape tape = new Tape(root)) {
            tape.snapshot(T0 + MS, Side.BID, 10_000, 5, Side.ASK, 10_100, 5)
                    .gapDiff(T0 + 2 * MS, Side.BID, 10_000, 6)     // a gap: the book waits for a snapshot
                    .trade(T0 + 3 * MS, 9_000, 1, Side.ASK)         // would go through the resting bid
                    .snapshot(T0 + 4 * MS, Side.BID, 10_000, 5, Side.ASK, 10_100, 5);
        }
        long[] ids = new long[3];
        Script script = new Script()
                .afterBook(1, ctx -> ids[0] = ctx.send(ctx.newOrder().limit(0, Side.BID, 10_000, 1)))
                .afterBook(2, ctx -> ids[1] = send(ctx, Side.BID, OrderType.MARKET, TimeInForce.IOC, 0, 1))
                .afterBook(3, ctx -> ids[2] = send(ctx, Side.BID, OrderType.MARKET, TimeInForce.IOC, 0, 1));
        script.run(root);
        assertEquals(List.of(ACCEPTED), typesOf(script, ids[0]), "no fill from a trade while stale");
        assertEquals(List.of(REJECTED), typesOf(script, ids[1]));
        assertEquals(RejectReason.NO_LIQUIDITY, script.events.stream().filter(e -> e.orderId() == ids[1])
                .findFirst().orElseThrow().reason());
        assertEquals(List.of("1@10100 TAKER"), fillsOf(script, ids[2]), "whole again after the snapshot");
    }

    @Test
    void latencyDecidesWhichBookAnOrderMeets() {
        Path root = dir.resolve("latency");
        try (Tape tape = new Tape(root)) {
            tape.snapshot(T0 + MS, Side.BID, 10_000, 5, Side.ASK, 10_100, 5)
                    .diff(T0 + 6 * MS, Side.ASK, 10_100, 0)
                    .diff(T0 + 7 * MS, Side.ASK, 10_200, 5);
        }
        java.util.function.Supplier<Script> ioc = () -> new Script().afterBook(1,
                ctx -> send(ctx, Side.BID, OrderType.LIMIT, TimeInForce.IOC, 10_100, 5));
        Script fast = ioc.get();
        fast.run(root, QueueModel.riskAverse(), LatencyModel.none(), FeeModel.NONE);
        assertEquals(5, fast.filled());
        assertEquals(T0 + MS, fast.events.getFirst().time());

        Script slow = ioc.get();
        slow.run(root, QueueModel.riskAverse(), LatencyModel.constant(Duration.ofMillis(10), Duration.ofMillis(3)),
                FeeModel.NONE);
        assertEquals(0, slow.filled(), "the ask was gone when the order arrived");
        assertEquals(List.of(ACCEPTED, CANCELLED), slow.types());
        assertEquals(T0 + 14 * MS, slow.events.getFirst().time(), "sent at 1 ms, at the exchange at 11, known at 14");

        Script recorded = ioc.get();
        recorded.run(root, QueueModel.riskAverse(), LatencyModel.recorded(), FeeModel.NONE);
        assertEquals(5, recorded.filled(), "2 ms of recorded feed latency: in time");
        assertEquals(T0 + 5 * MS, recorded.events.getFirst().time());
    }

    @Test
    void aModifyLosesItsPlaceOnASizeIncreaseOrNewPriceAndKeepsItOnADecrease() {
        Path sameLevel = dir.resolve("modify");
        Path lowerLevel = dir.resolve("reprice");
        for (Path root : List.of(sameLevel, lowerLevel)) {
            try (Tape tape = new Tape(root)) {
                tape.snapshot(T0 + MS, Side.BID, 10_000, 10, Side.BID, 9_900, 3, Side.ASK, 10_100, 10)
                        .trade(T0 + 2 * MS, 10_000, 4, Side.ASK)         // 6 ahead now
                        .diff(T0 + 3 * MS, Side.ASK, 10_200, 1)
                        .trade(T0 + 4 * MS, 10_000, 7, Side.ASK);
                if (root == lowerLevel) {
                    tape.trade(T0 + 5 * MS, 9_900, 4, Side.ASK);
                }
            }
        }
        Script decrease = modifying(sameLevel, 10_000, 3);
        assertEquals(List.of(1L), decrease.fills(), "kept its place: 7 traded past 6 ahead");
        assertTrue(decrease.types().contains(OrderEventType.MODIFIED));
        assertEquals(List.of(), modifying(sameLevel, 10_000, 8).fills(), "back of the queue: 10 ahead again");
        Script repriced = modifying(lowerLevel, 9_900, 5);
        assertEquals(List.of(1L), repriced.fills(), "at 9900 behind its 3: the trade of 4 reaches 1");
        assertEquals(Liquidity.MAKER, repriced.events.getLast().liquidity());
    }

    private Script modifying(Path root, long price, long quantity) {
        long[] id = new long[1];
        Script script = new Script()
                .afterBook(1, ctx -> id[0] = ctx.send(ctx.newOrder().limit(0, Side.BID, 10_000, 5)))
                .afterBook(2, ctx -> assertEquals(0, ctx.modify(id[0], price, quantity)));
        script.run(root);
        return script;
    }
}
