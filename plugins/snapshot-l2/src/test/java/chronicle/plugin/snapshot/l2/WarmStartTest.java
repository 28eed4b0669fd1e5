package chronicle.plugin.snapshot.l2;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.pluginhost.api.PluginHost;
import chronicle.protocol.api.SyntheticMarket;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.SnapshotHeader;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a synthetic day (200k events of 3 markets over 24 hours), the snapshotter writes snapshots every 10 minutes of
 * stream time, and a warm start at any time T (newest snapshot at or before T, then replay to T) gives the same book
 * as a full replay from the start to T.
 */
@Timeout(180)
class WarmStartTest {

    private static final long DAY_START = 1_795_305_600_000_000_000L; // 2026-11-22T00:00Z
    private static final int EVENTS = 200_000;
    private static final long STEP = 86_400_000_000_000L / EVENTS;

    @TempDir
    static Path dir;
    static Path queue;
    static SnapshotStore store;
    static Function<String, SnapshotCodec> codecs;

    @BeforeAll
    static void syntheticDayWithSnapshots() {
        queue = dir.resolve("archive/market_data/queue/demo_feed");
        SyntheticMarket market = new SyntheticMarket(1, 3, 2_000, 7);
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(8 << 20));
             QueueWriter writer = q.createWriter()) {
            for (int i = 0; i < EVENTS; i++) {
                long ts = DAY_START + i * STEP;
                int length = market.next(scratch, 0, ts);
                writer.append(market.lastType(), ts, scratch, 0, length);
            }
        }
        PluginHost host = PluginHost.of(dir.resolve("no-drop-ins"));
        codecs = name -> host.find(SnapshotCodec.class, name).map(p -> p.instance()).orElse(null);
        store = SnapshotStore.of(dir.resolve("archive/snapshots"), 1, 1);
        try (Snapshotter snapshotter = new Snapshotter(queue, store, 1, 1,
                new SnapshotPlanner(600_000_000_000L, 0, 0), codecs.apply("l2"), 0)) {
            while (snapshotter.poll(10_000) > 0) {
                // follow the whole archive
            }
            assertTrue(snapshotter.written() > 100, "about one snapshot per 10 minutes: " + snapshotter.written());
        }
    }

    @Test
    void shouldFindTheL2CodecThroughThePluginHost() {
        assertEquals(L2SnapshotCodec.class, codecs.apply("l2").getClass());
    }

    @Test
    void shouldEqualFullReplayForManyRandomTimes() {
        Random random = new Random(42);
        int inStream = 0;
        for (int i = 0; i < 40; i++) {
            long at = DAY_START + (long) (random.nextDouble() * 86_400_000_000_000L);
            WarmStart.Result warm = WarmStart.bookAt(queue, store, codecs, 1, 1, at, GapPolicy.FAIL, 0, null);
            WarmStart.Result full = WarmStart.bookAt(queue, null, codecs, 1, 1, at, GapPolicy.FAIL, 0, null);
            assertEquals(full.book().hash(), warm.book().hash(), "book at " + at);
            assertEquals(full.book().lastSequence(), warm.book().lastSequence(), "last applied record at " + at);
            if (warm.inStream()) {
                // A venue snapshot of the stream itself in the minute before T: newer than any file.
                assertTrue(warm.snapshot().isEmpty(), "one start, not two");
                assertTrue(warm.records() <= 200, "a minute of the stream: " + warm.records());
                inStream++;
                continue;
            }
            assertTrue(warm.snapshot().isPresent(), "a snapshot at or before " + at);
            SnapshotHeader used = warm.snapshot().get();
            assertTrue(used.timestamp() <= at && at - used.timestamp() <= 700_000_000_000L, "the newest one");
            assertEquals(used.sequence() + 1, warm.replayFrom(), "replay begins at the snapshot boundary");
            // At most the minute searched for a snapshot in the stream (about 140 records) and one snapshot
            // interval of the stream (10 of 1440 minutes: about 1,400 records) are read.
            assertTrue(warm.records() <= 1_650, "warm start reads one interval, not the day: " + warm.records()
                    + " records (full replay: " + full.records() + ")");
        }
        assertTrue(inStream < 20, "venue snapshots are rare in this stream: " + inStream + " of 40 from one");
    }

    @Test
    void shouldResumeAfterItsNewestSnapshotAndWriteAtomically() throws Exception {
        List<SnapshotHeader> before = store.list();
        try (Snapshotter again = new Snapshotter(queue, store, 1, 1, new SnapshotPlanner(600_000_000_000L, 0, 0),
                codecs.apply("l2"), 0)) {
            assertEquals(before.getLast().sequence() + 1, again.reader().nextSequence(), "resumes, not replays");
            while (again.poll(10_000) > 0) {
                // nothing new to snapshot
            }
            assertEquals(0, again.written());
        }
        try (var files = Files.list(store.directory())) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
        assertTrue(before.getFirst().file().getFileName().toString().matches("snapshot_\\d{20}\\.bin"));
    }

    @Test
    void shouldFindSnapshotsThroughTheTimeLineRebuildItWhenMissingAndSkipADeletedFile() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("timeline-copy"));
        try (var files = Files.list(store.directory())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        SnapshotStore copied = new SnapshotStore(copy);
        List<SnapshotHeader> all = copied.list();
        Path timeline = copy.resolve("timeline.idx");
        assertEquals(all.size() * 16L, Files.size(timeline), "one entry per snapshot file");
        SnapshotHeader middle = all.get(all.size() / 2);
        assertEquals(middle, copied.latestAtOrBefore(middle.timestamp()).orElseThrow());
        assertEquals(all.get(all.size() / 2 - 1), copied.latestAtOrBefore(middle.timestamp() - 1).orElseThrow());

        Files.delete(timeline); // a store written before time lines existed
        assertEquals(middle, copied.latestAtOrBefore(middle.timestamp()).orElseThrow());
        assertEquals(all.size() * 16L, Files.size(timeline), "rebuilt from the listing");

        Files.delete(all.getLast().file()); // deleted by hand: the entry before it is used
        assertEquals(all.get(all.size() - 2), copied.latest().orElseThrow());
    }
}
