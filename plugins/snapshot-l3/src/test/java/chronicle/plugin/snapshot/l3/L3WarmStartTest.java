package chronicle.plugin.snapshot.l3;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.RecordSource;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import chronicle.pluginhost.api.PluginHost;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.L3Book;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import chronicle.replay.api.SnapshotHeader;
import chronicle.replay.api.SnapshotInjector;
import chronicle.replay.api.SnapshotPlanner;
import chronicle.replay.api.SnapshotStore;
import chronicle.replay.api.Snapshotter;
import chronicle.replay.api.WarmStart;
import chronicle.replay.spi.SnapshotCodec;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real order-by-order data (the first 500 messages of LOBSTER's AAPL sample, see the SOURCES.md beside it) written
 * to an archive queue as L3 records, interleaved with a second market; the snapshotter follows the queue and writes
 * an {@code l3} snapshot every 50 records of the market; a warm start at any time T (newest snapshot at or before
 * T, then replay to T) gives the same book, order queues included, as a full replay from the start to T.
 */
@Timeout(120)
class L3WarmStartTest {

    private static final String MESSAGES = "/lobster/AAPL_2012-06-21_34200000_57600000_message_10.csv";
    private static final long MIDNIGHT = 1_340_236_800_000_000_000L; // 2012-06-21T00:00Z
    private static final int VENUE = 4;
    private static final long MARKET = 1;
    /** Another market in the same queue: the same messages with other ids and prices, which must not leak in. */
    private static final long OTHER = 2;
    private static final long OTHER_ID_OFFSET = 1_000_000_000L;
    private static final long OTHER_PRICE_OFFSET = 100_000L;
    private static final int EVERY_RECORDS = 50;

    @TempDir
    static Path dir;
    static Path queue;
    static SnapshotStore store;
    static Function<String, SnapshotCodec> codecs;
    static TreeSet<Long> messageTimes = new TreeSet<>();

    @BeforeAll
    static void lobsterStreamWithSnapshots() {
        queue = dir.resolve("archive/market_data/queue/lobster");
        List<String> lines = resourceLines(MESSAGES);
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = q.createWriter()) {
            L3RecordWriter records = new L3RecordWriter(writer);
            long opening = MIDNIGHT + nanosAfterMidnight(lines.getFirst());
            records.openingSnapshot(MARKET, opening); // LOBSTER's book before 09:30 is unknown: an empty book
            records.openingSnapshot(OTHER, opening);
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                long time = MIDNIGHT + nanosAfterMidnight(lines.get(i));
                long orderId = Long.parseLong(f[2]);
                long size = Long.parseLong(f[3]);
                long price = Long.parseLong(f[4]);
                Side side = f[5].equals("1") ? Side.BID : Side.ASK;
                L3Action action = action(Integer.parseInt(f[1]), i + 1);
                // The two markets take turns going first, so a snapshot's record is followed now by a record of
                // its own market, now by one of the other.
                for (long market : i % 2 == 0 ? new long[] {MARKET, OTHER} : new long[] {OTHER, MARKET}) {
                    boolean other = market == OTHER;
                    records.message(market, time, i + 1, action, side, other ? orderId + OTHER_ID_OFFSET : orderId,
                            other ? price + OTHER_PRICE_OFFSET : price, size);
                }
                messageTimes.add(time);
            }
        }
        PluginHost host = PluginHost.of(dir.resolve("no-drop-ins"));
        codecs = name -> host.find(SnapshotCodec.class, name).map(p -> p.instance()).orElse(null);
        store = SnapshotStore.of(dir.resolve("archive/snapshots"), VENUE, MARKET);
        try (Snapshotter snapshotter = new Snapshotter(queue, store, VENUE, MARKET,
                new SnapshotPlanner(0, EVERY_RECORDS, 0), codecs.apply("l3"), 0)) {
            while (snapshotter.poll(100) > 0) {
                // follow the whole archive
            }
            assertEquals(1 + lines.size() / EVERY_RECORDS, snapshotter.written(),
                    "one after the first record, then one per " + EVERY_RECORDS + " records of the market");
        }
    }

    private static L3Action action(int lobsterType, int line) {
        return switch (lobsterType) {
            case 1 -> L3Action.ADD;
            case 2 -> L3Action.CANCEL;
            case 3 -> L3Action.DELETE;
            case 4 -> L3Action.EXECUTE_VISIBLE;
            case 5 -> L3Action.EXECUTE_HIDDEN;
            case 6 -> L3Action.TRADE;
            case 7 -> L3Action.HALT;
            default -> throw new IllegalStateException(MESSAGES + ":" + line + ": unknown event type " + lobsterType);
        };
    }

    /** LOBSTER's time column (seconds after midnight, up to 9 decimals) in nanoseconds. */
    private static long nanosAfterMidnight(String line) {
        String time = line.substring(0, line.indexOf(','));
        int dot = time.indexOf('.');
        String fraction = (time.substring(dot + 1) + "000000000").substring(0, 9);
        return Long.parseLong(time.substring(0, dot)) * 1_000_000_000L + Long.parseLong(fraction);
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = L3WarmStartTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one L3 record per LOBSTER message, with chained update ids. */
    private static final class L3RecordWriter {
        private final QueueWriter writer;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[EventHeader.LENGTH + L3Events.length(1)]);
        private final EventHeader header = new EventHeader();
        private final L3Events events = new L3Events();

        L3RecordWriter(QueueWriter writer) {
            this.writer = writer;
        }

        void openingSnapshot(long market, long time) {
            write(market, time, EventType.SNAPSHOT, 0, L3Action.CLEAR, Side.UNKNOWN, 0, 0, 0);
        }

        void message(long market, long time, long updateId, L3Action action, Side side, long orderId, long price,
                     long size) {
            write(market, time, EventType.DIFF, updateId, action, side, orderId, price, size);
        }

        private void write(long market, long time, EventType type, long updateId, L3Action action, Side side,
                           long orderId, long price, long size) {
            header.wrapForWrite(buffer, 0).venueId(VENUE).marketId(market).stream(StreamKind.BOOK).eventType(type)
                    .bookMode(BookMode.L3).priceExponent(-4).sizeExponent(0).ingestTimestamp(time)
                    .exchangeTimestamp(time).sequence(updateId).firstUpdateId(updateId).lastUpdateId(updateId);
            events.wrap(buffer, EventHeader.LENGTH).count(1).event(0, action, side, orderId, price, size, 0);
            writer.append(MessageType.L3_EVENTS.id(), time, buffer, 0, buffer.capacity());
        }
    }

    @Test
    void shouldFindTheL3CodecThroughThePluginHost() {
        assertEquals(L3SnapshotCodec.class, codecs.apply("l3").getClass());
    }

    @Test
    void shouldEqualFullReplayAtEveryMessageTime() {
        List<SnapshotHeader> snapshots = store.list();
        long first = messageTimes.first();
        long warmRecordsMax = 0;
        for (long at : messageTimes) {
            WarmStart.Result warm = WarmStart.bookAt(queue, store, codecs, VENUE, MARKET, at, GapPolicy.FAIL, 0, null);
            WarmStart.Result full = WarmStart.bookAt(queue, null, codecs, VENUE, MARKET, at, GapPolicy.FAIL, 0, null);
            assertTrue(warm.snapshot().isPresent(), "a snapshot at or before " + at);
            SnapshotHeader used = warm.snapshot().get();
            SnapshotHeader newest = snapshots.stream().filter(s -> s.timestamp() <= at).reduce((a, b) -> b).get();
            assertEquals(newest, used, "the newest snapshot at or before " + at);
            assertEquals(used.sequence() + 1, warm.replayFrom(), "replay begins at the snapshot boundary");
            MarketBook expected = full.book();
            MarketBook actual = warm.book();
            L3SnapshotCodecTest.assertSameBook(expected.l3(), actual.l3());
            assertEquals(expected.lastSequence(), actual.lastSequence(), "last applied record at " + at);
            assertEquals(expected.lastUpdateId(), actual.lastUpdateId(), "last update id at " + at);
            assertEquals(expected.lastTimestamp(), actual.lastTimestamp());
            assertEquals(-4, actual.priceExponent());
            warmRecordsMax = Math.max(warmRecordsMax, warm.records());
        }
        // Two markets of records per message: a warm start reads at most one interval of them, not the stream.
        assertTrue(warmRecordsMax <= 2 * EVERY_RECORDS + 2, "records read by a warm start: " + warmRecordsMax);
        MarketBook last = WarmStart.bookAt(queue, store, codecs, VENUE, MARKET, messageTimes.last(), GapPolicy.FAIL, 0,
                null).book();
        L3Book book = last.l3();
        assertTrue(book.orderCount() > 30 && book.depth(Side.BID) > 3 && book.depth(Side.ASK) > 3,
                "a real book: " + book.orderCount() + " orders, " + book.depth(Side.BID) + " bid and "
                        + book.depth(Side.ASK) + " ask levels");
        assertNull(WarmStart.bookAt(queue, store, codecs, VENUE, MARKET, first - 1, GapPolicy.FAIL, 0, null).book(),
                "no book before the first record");
    }

    @Test
    void shouldWriteSnapshotsThatHoldTheReplayedBookAtTheirRecord() {
        Map<Long, SnapshotHeader> bySequence = new HashMap<>();
        store.list().forEach(s -> bySequence.put(s.sequence(), s));
        int[] checked = {0};
        ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0).track(VENUE, MARKET);
        engine.listener((book, type, sequence) -> {
            SnapshotHeader snapshot = bySequence.get(sequence);
            if (snapshot != null) {
                MarketBook loaded = SnapshotStore.load(snapshot, codecs, 0);
                L3SnapshotCodecTest.assertSameBook(book.l3(), loaded.l3());
                assertEquals(book.lastUpdateId(), loaded.lastUpdateId());
                assertEquals(book.lastTimestamp(), loaded.lastTimestamp());
                checked[0]++;
            }
        });
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            while (reader.poll(engine, 100) > 0) {
                // replay everything
            }
        }
        assertEquals(bySequence.size(), checked[0], "every snapshot was compared");
        assertTrue(checked[0] > 5);
    }

    @Test
    void shouldResumeAfterItsNewestSnapshot() throws Exception {
        List<SnapshotHeader> before = store.list();
        try (Snapshotter again = new Snapshotter(queue, store, VENUE, MARKET,
                new SnapshotPlanner(0, EVERY_RECORDS, 0), codecs.apply("l3"), 0)) {
            assertEquals(before.getLast().sequence() + 1, again.reader().nextSequence(), "resumes, not replays");
            while (again.poll(100) > 0) {
                // the few records after the newest snapshot: not enough for another
            }
            assertEquals(0, again.written());
        }
        assertEquals(before, store.list());
        try (var files = Files.list(store.directory())) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void injectedL3SnapshotsShouldHoldTheReplayedBookWithItsOrderQueues() {
        Path injected = dir.resolve("archive/market_data/queue/lobster_injected");
        SnapshotInjector injector = new SnapshotInjector(java.time.Duration.ofSeconds(1), 0);
        ReplayEngine full = new ReplayEngine(GapPolicy.FAIL, 0);
        ReplayEngine fromSnapshot = new ReplayEngine(GapPolicy.FAIL, 0);
        int[] checked = {0};
        try (ChronicleQueue in = ChronicleQueue.openExisting(queue);
             QueueReader reader = in.createReader(StartPosition.earliest());
             ChronicleQueue out = ChronicleQueue.open(injected, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = out.createWriter()) {
            SnapshotInjector.Output output = (type, timestamp, buffer, offset, length) -> {
                writer.append(type, timestamp, buffer, offset, length);
                // The injected record alone gives a book; it must be the one replay has at this point.
                fromSnapshot.onRecord(type, 0, timestamp, buffer, offset, length);
                long market = new EventHeader().wrap(buffer, offset).marketId();
                L3SnapshotCodecTest.assertSameBook(full.book(VENUE, market).l3(),
                        fromSnapshot.book(VENUE, market).l3());
                checked[0]++;
            };
            while (reader.poll((type, sequence, timestamp, buffer, offset, length) -> {
                writer.append(type, timestamp, buffer, offset, length);
                full.onRecord(type, sequence, timestamp, buffer, offset, length);
                injector.onRecord(type, sequence, timestamp, buffer, offset, length, output);
            }, 100) > 0) {
                // copy the whole stream
            }
        }
        assertTrue(checked[0] >= 2 * 14, "a snapshot of each market a second over 15 s: " + checked[0]);
        for (long at : messageTimes) {
            WarmStart.Result warm = WarmStart.bookAt(RecordSource.Opener.ofQueue(injected), null, codecs, VENUE,
                    MARKET, at, GapPolicy.FAIL, 0, null);
            WarmStart.Result expected = WarmStart.bookAt(queue, null, codecs, VENUE, MARKET, at, GapPolicy.FAIL, 0,
                    null);
            L3SnapshotCodecTest.assertSameBook(expected.book().l3(), warm.book().l3());
        }
    }
}
