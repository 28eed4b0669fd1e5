package chronicle.replay.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordSource;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.EventFlags;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.SyntheticMarket;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots injected into a stream as it is copied: they did not exist in the source, each is followed by the
 * source's diffs, a book rebuilt from one alone equals the book replayed from the start, and "the book at T" of the
 * copy starts from one at most an interval before T and equals the source's book at T.
 */
@Timeout(60)
class SnapshotInjectorTest {

    private static final int VENUE = 4;
    private static final int MARKETS = 2;
    private static final long START = 1_795_305_600_000_000_000L;
    /** 150 ms between events: 1000 events of each market span 5 minutes. */
    private static final long STEP = 150_000_000L;

    @TempDir
    Path dir;

    /** One record of a queue, as read. */
    record Row(int type, long sequence, long timestamp, byte[] bytes) {
        boolean injected() {
            return new EventHeader().wrap(new UnsafeBuffer(bytes), 0).flags() == EventFlags.SYNTHETIC;
        }
    }

    @Test
    void shouldInjectSnapshotsThatWereNotInTheSourceEachFollowedByItsDiffs() {
        Path source = writeSource(2 * 1000);
        Path clean = dir.resolve("clean");
        long injected = copyWithSnapshots(source, clean, Duration.ofSeconds(1));

        List<Row> raw = read(source);
        List<Row> copy = read(clean);
        assertEquals(1, raw.stream().filter(r -> r.type() == MessageType.L2_SNAPSHOT.id()).count() / MARKETS,
                "the source holds each market's first snapshot only");
        List<Row> added = copy.stream().filter(Row::injected).toList();
        assertEquals(injected, added.size());
        // A snapshot of each market at each second boundary its exchange time crosses after its first book event:
        // about 300 s of each market, so about 299 each.
        long boundaries = 0;
        for (long market = 1; market <= MARKETS; market++) {
            long m = market;
            boundaries += raw.stream().filter(r -> r.type() == MessageType.L2_DIFF.id()
                            || r.type() == MessageType.L2_SNAPSHOT.id())
                    .map(r -> new EventHeader().wrap(new UnsafeBuffer(r.bytes()), 0))
                    .filter(h -> h.marketId() == m)
                    .mapToLong(h -> Math.floorDiv(h.exchangeTimestamp(), 1_000_000_000L)).distinct().count() - 1;
        }
        assertTrue(boundaries >= 250L * MARKETS, "boundaries crossed: " + boundaries);
        assertEquals(boundaries, added.size(), "one snapshot per market and second boundary");
        assertEquals(raw.size() + added.size(), copy.size(), "every source record copied, nothing else added");
        List<Row> withoutAdded = copy.stream().filter(r -> !r.injected()).toList();
        for (int i = 0; i < raw.size(); i++) {
            assertEquals(raw.get(i).timestamp(), withoutAdded.get(i).timestamp(), "source order kept at " + i);
        }
        for (int i = 0; i < copy.size() - MARKETS; i++) {
            if (copy.get(i).injected()) {
                assertEquals(MessageType.L2_SNAPSHOT.id(), copy.get(i).type());
                assertFalse(copy.get(i + 1).injected() && copy.get(i + 2).injected(), "diffs follow a snapshot");
            }
        }
    }

    @Test
    void aBookFromAnInjectedSnapshotAloneShouldEqualTheBookReplayedFromTheStart() {
        Path source = writeSource(2 * 1000);
        Path clean = dir.resolve("clean");
        copyWithSnapshots(source, clean, Duration.ofSeconds(1));
        List<Row> copy = read(clean);
        ReplayEngine full = new ReplayEngine(GapPolicy.FAIL, 0);
        int checked = 0;
        for (Row row : copy) {
            full.onRecord(row.type(), row.sequence(), row.timestamp(), new UnsafeBuffer(row.bytes()), 0,
                    row.bytes().length);
            if (row.injected()) {
                ReplayEngine alone = new ReplayEngine(GapPolicy.FAIL, 0);
                alone.onRecord(row.type(), row.sequence(), row.timestamp(), new UnsafeBuffer(row.bytes()), 0,
                        row.bytes().length);
                MarketBook fromSnapshot = alone.books().iterator().next();
                MarketBook replayed = full.book(fromSnapshot.venueId(), fromSnapshot.marketId());
                assertEquals(replayed.hash(), fromSnapshot.hash(), "book at seq " + row.sequence());
                assertEquals(replayed.lastUpdateId(), fromSnapshot.lastUpdateId(), "the next diff chains on");
                checked++;
            }
        }
        assertTrue(checked > 10, "snapshots checked: " + checked);
    }

    @Test
    void theBookAtRandomTimesShouldStartFromAnInjectedSnapshotAndEqualTheSourcesBook() {
        Path source = writeSource(2 * 1000);
        Path clean = dir.resolve("clean");
        copyWithSnapshots(source, clean, Duration.ofSeconds(1));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            long at = START + 2 * STEP + random.nextLong(2000 * STEP);
            long market = 1 + random.nextInt(MARKETS);
            WarmStart.Result fromSource = WarmStart.bookAt(source, null, name -> null, VENUE, market, at,
                    GapPolicy.FAIL, 0, null);
            WarmStart.Result fromClean = WarmStart.bookAt(RecordSource.Opener.ofQueue(clean), null, name -> null,
                    VENUE, market, at, GapPolicy.FAIL, 0, null);
            assertNotNull(fromClean.book(), "a book at " + at);
            assertEquals(fromSource.book().hash(), fromClean.book().hash(), "market " + market + " at " + at);
            if (at - START >= 1_000_000_000L + 2 * STEP * MARKETS) {
                assertTrue(fromClean.inStream(), "started from a snapshot in the stream at " + at);
                Row snapshot = read(clean).stream().filter(r -> r.sequence() == fromClean.replayFrom())
                        .findFirst().orElseThrow();
                assertEquals(MessageType.L2_SNAPSHOT.id(), snapshot.type(), "replay began at a snapshot record");
                assertTrue(at - snapshot.timestamp() <= WarmStart.SEARCH_WINDOW.toNanos(),
                        "at most one search window before T: " + (at - snapshot.timestamp()) + " ns");
                if (at - START > 2 * WarmStart.SEARCH_WINDOW.toNanos()) {
                    assertTrue(fromClean.records() < fromSource.records() / 2, "a window read, not the stream: "
                            + fromClean.records() + " of " + fromSource.records());
                }
            }
        }
    }

    @Test
    void aBookAwaitingASnapshotAfterAGapShouldNotBeWritten() {
        Path source = dir.resolve("source");
        SyntheticMarket market = new SyntheticMarket(VENUE, 1, Integer.MAX_VALUE, 9);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue queue = ChronicleQueue.open(source, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = queue.createWriter()) {
            for (int i = 0; i < 300; i++) {
                long now = START + i * STEP;
                int length = market.next(buffer, 0, now);
                if (i == 150) {
                    // A lost diff: the next one does not chain, the book resets and waits for a venue snapshot.
                    continue;
                }
                writer.append(market.lastType(), now, buffer, 0, length);
            }
        }
        Path clean = dir.resolve("clean");
        copyWithSnapshots(source, clean, Duration.ofMillis(100));
        List<Row> added = read(clean).stream().filter(Row::injected).toList();
        long gapAt = START + 150 * STEP;
        assertTrue(added.stream().anyMatch(r -> r.timestamp() < gapAt), "snapshots before the gap");
        assertTrue(added.stream().noneMatch(r -> r.timestamp() > gapAt), "none after it: " + added.size());
    }

    /**
     * A book put in place of a market's book (a refinery's warm start) keeps the market's snapshot schedule: the
     * first record past the next boundary writes a snapshot, as it would have without the replacement.
     */
    @Test
    void aBookPutInPlaceShouldKeepTheMarketsSnapshotSchedule() {
        List<Row> rows = read(writeSource(2 * 300));
        SnapshotInjector injector = new SnapshotInjector(Duration.ofSeconds(1), 0);
        ReplayEngine twin = new ReplayEngine(GapPolicy.RESET_AND_WAIT, 0);
        int[] written = new int[1];
        SnapshotInjector.Output output = (type, timestamp, buffer, offset, length) -> written[0]++;
        EventHeader header = new EventHeader();
        long lastSecond = Long.MIN_VALUE;
        int replaced = 0;
        for (Row row : rows) {
            UnsafeBuffer bytes = new UnsafeBuffer(row.bytes());
            header.wrap(bytes, 0);
            long second = Math.floorDiv(header.exchangeTimestamp(), 1_000_000_000L);
            boolean crosses = header.marketId() == 1 && lastSecond != Long.MIN_VALUE && second > lastSecond
                    && row.type() == MessageType.L2_DIFF.id();
            if (crosses && replaced < 3) {
                MarketBook before = injector.engine().book(VENUE, 1);
                MarketBook copy = twin.book(VENUE, 1);
                assertNotNull(copy);
                assertEquals(before.hash(), copy.hash(), "the replacement is the same book");
                injector.engine().put(copy);
                twin = new ReplayEngine(GapPolicy.RESET_AND_WAIT, 0);
                twin.put(before); // the twin goes on with the other object
                int snapshotsBefore = written[0];
                twin.onRecord(row.type(), row.sequence(), row.timestamp(), bytes, 0, bytes.capacity());
                assertTrue(injector.onRecord(row.type(), row.sequence(), row.timestamp(), bytes, 0,
                        bytes.capacity(), output), "a snapshot at the boundary after replacement " + replaced);
                assertEquals(snapshotsBefore + 1, written[0]);
                replaced++;
            } else {
                twin.onRecord(row.type(), row.sequence(), row.timestamp(), bytes, 0, bytes.capacity());
                injector.onRecord(row.type(), row.sequence(), row.timestamp(), bytes, 0, bytes.capacity(), output);
            }
            if (header.marketId() == 1 && row.type() != MessageType.TRADE.id()) {
                lastSecond = second;
            }
        }
        assertEquals(3, replaced);
    }

    /** Writes the synthetic market's events (one venue snapshot of each market first, then diffs and trades). */
    private Path writeSource(int events) {
        Path source = dir.resolve("source");
        SyntheticMarket market = new SyntheticMarket(VENUE, MARKETS, Integer.MAX_VALUE, 7);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue queue = ChronicleQueue.open(source, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = queue.createWriter()) {
            for (int i = 0; i < events; i++) {
                long now = START + i * STEP;
                int length = market.next(buffer, 0, now);
                writer.append(market.lastType(), now, buffer, 0, length);
            }
        }
        return source;
    }

    /** Copies a queue record by record through an injector; returns the snapshots it wrote. */
    private static long copyWithSnapshots(Path source, Path target, Duration interval) {
        SnapshotInjector injector = new SnapshotInjector(interval, 0);
        try (ChronicleQueue in = ChronicleQueue.openExisting(source);
             QueueReader reader = in.createReader(StartPosition.earliest());
             ChronicleQueue out = ChronicleQueue.open(target, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = out.createWriter()) {
            SnapshotInjector.Output output = (type, timestamp, buffer, offset, length) ->
                    writer.append(type, timestamp, buffer, offset, length);
            while (reader.poll((type, sequence, timestamp, buffer, offset, length) -> {
                long written = writer.append(type, timestamp, buffer, offset, length);
                injector.onRecord(type, written, timestamp, buffer, offset, length, output);
            }, 256) > 0) {
                // copy until the tail
            }
        }
        return injector.injected();
    }

    private static List<Row> read(Path queue) {
        List<Row> rows = new ArrayList<>();
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            while (reader.poll((type, sequence, timestamp, buffer, offset, length) -> {
                byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                rows.add(new Row(type, sequence, timestamp, bytes));
            }, 256) > 0) {
                // read until the tail
            }
        }
        return rows;
    }
}
