package chronicle.etl.api;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.EventFlags;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.SyntheticMarket;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** A raw multiplexed queue of named demo markets, and reading queues back, for the refinery's tests. */
final class RawFixture {

    static final String VENUE = "demo";
    static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD");
    /** 2026-11-22T00:00Z. */
    static final long START = 1_795_305_600_000_000_000L;

    /** One record as read. */
    record Row(int type, long sequence, long timestamp, byte[] bytes) {

        EventHeader header() {
            return new EventHeader().wrap(new UnsafeBuffer(bytes), 0);
        }

        boolean injected() {
            return (header().flags() & EventFlags.SYNTHETIC) != 0;
        }
    }

    private RawFixture() {
    }

    /** @return the raw queue of a bus root, its markets registered in the root's registry. */
    static Path rawQueue(Path root) {
        return root.resolve("streams").resolve("raw").resolve(VENUE).resolve("queue");
    }

    /** Registers the symbols; @return venue id, then the market ids in order. */
    static long[] register(Path root) {
        MarketRegistry registry = MarketRegistry.open(root);
        long[] ids = new long[SYMBOLS.size() + 1];
        for (int i = 0; i < SYMBOLS.size(); i++) {
            MarketIds.Ids assigned = registry.assign(VENUE, SYMBOLS.get(i));
            ids[0] = assigned.venueId();
            ids[i + 1] = assigned.marketId();
        }
        return ids;
    }

    /**
     * Appends synthetic events of the registered markets.
     *
     * @param queue         the raw queue.
     * @param ids           {@link #register}'s result.
     * @param events        how many.
     * @param step          journal (and exchange) time between events, ns.
     * @param snapshotEvery events of a symbol between two venue snapshots.
     * @param drop          events not written (a lost diff), by index.
     */
    static void write(Path queue, long[] ids, int events, long step, int snapshotEvery, IntPredicate drop) {
        write(queue, ids, 0, events, step, snapshotEvery, drop);
    }

    /** The same, the events' times starting {@code after} steps after {@link #START} (a feed that restarted). */
    static void write(Path queue, long[] ids, int after, int events, long step, int snapshotEvery,
                      IntPredicate drop) {
        SyntheticMarket market = new SyntheticMarket((int) ids[0], java.util.Arrays.copyOfRange(ids, 1, ids.length),
                snapshotEvery, 11);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = q.createWriter()) {
            for (int i = 0; i < events; i++) {
                long now = START + (after + i) * step;
                int length = market.next(buffer, 0, now);
                if (!drop.test(i)) {
                    writer.append(market.lastType(), now, buffer, 0, length);
                }
            }
        }
    }

    static List<Row> read(Path queue) {
        List<Row> rows = new ArrayList<>();
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            while (reader.poll((type, sequence, timestamp, buffer, offset, length) -> {
                byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                rows.add(new Row(type, sequence, timestamp, bytes));
            }, 256) > 0) {
                // until the tail
            }
        }
        return rows;
    }

    /** The clean queue of a symbol's stream on the fixture's day. */
    static Path clean(Path sink, String symbol, String stream) {
        return sink.resolve(VENUE).resolve(symbol).resolve("2026-11-22").resolve(stream).resolve("queue");
    }
}
