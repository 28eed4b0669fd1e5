package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.plugin.snapshot.l2.L2SnapshotCodec;
import chronicle.protocol.api.SyntheticMarket;
import chronicle.replay.api.SnapshotPlanner;
import chronicle.replay.api.SnapshotStore;
import chronicle.replay.api.Snapshotter;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A synthetic archived day for {@link BookAtTimeBenchmark}: {@code events} {@link SyntheticMarket} events (venue 1,
 * {@code symbols} markets, seed 7) appended to an archive-profile queue ({@link QueueOptions#archive()}: 128 MiB
 * segments, an index entry every 256 records, synced on roll) with timestamps {@code DAY_START + i * step},
 * {@code step = 86 400 s / events} (4.32 ms for 20 M events), then the {@link Snapshotter} of market 1 run over the
 * whole archive with {@code new SnapshotPlanner(snapshotInterval, 0, 0)} and the {@code l2} codec: a snapshot at
 * the first book event of market 1 and then one per interval of journal time (1440 for 60 s and 20 M events).
 *
 * <p>Layout: {@code <root>/queue} (the archive queue) and {@code <root>/snapshots/1/1/snapshot_<seq>.bin}.
 *
 * <p>Cached (the default): the root is {@code <bench.dir>/chronicle-bookat-<parameters>}, reused by later trials
 * and runs with the same parameters (a {@code COMPLETE} file written last marks it as whole; a root without it is
 * deleted and built again). Not cached ({@code -Dbench.bookat.cache=false}): a fresh temporary directory under
 * {@code bench.dir}, deleted by {@link #close()} at the end of the trial. About 2.6 GB for 20 M events.
 *
 * <p>{@code main} builds (or checks) the cached day ahead of a run:
 * {@code java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED
 * -cp benchmarks/target/benchmarks.jar chronicle.benchmarks.SyntheticDay [events] [symbols] [snapshotSeconds]}.
 */
final class SyntheticDay implements AutoCloseable {

    /** 2026-11-22T00:00Z, epoch nanoseconds. */
    static final long DAY_START = 1_795_305_600_000_000_000L;
    static final long DAY_NANOS = 86_400_000_000_000L;
    static final int VENUE = 1;
    static final long MARKET = 1;
    static final long SEED = 7;
    /** Events of one symbol between two snapshots of the feed itself (in-stream L2 snapshots). */
    static final int FEED_SNAPSHOT_EVERY = 100_000;
    static final int SEGMENT_SIZE = 128 << 20;
    /** Bump when the layout or the generator changes, so that old caches are not reused. */
    static final int FORMAT = 1;

    final Path root;
    final Path queue;
    final Path snapshotsRoot;
    final long events;
    final long step;
    final boolean cached;

    private SyntheticDay(Path root, long events, boolean cached) {
        this.root = root;
        this.queue = root.resolve("queue");
        this.snapshotsRoot = root.resolve("snapshots");
        this.events = events;
        this.step = DAY_NANOS / events;
        this.cached = cached;
    }

    /** @return the snapshot store of market 1. */
    SnapshotStore store() {
        return SnapshotStore.of(snapshotsRoot, VENUE, MARKET);
    }

    /**
     * Builds the day, or finds it in the cache.
     *
     * @param events          events of the day.
     * @param symbols         markets (1..symbols).
     * @param snapshotSeconds snapshot interval of the snapshotter, journal time.
     * @param cache           reuse (and keep) a cached day.
     * @return the day.
     */
    static SyntheticDay obtain(long events, int symbols, int snapshotSeconds, boolean cache) {
        Path base = Paths.get(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        String key = String.format(Locale.ROOT, "chronicle-bookat-v%d-%dev-%dsym-%dfs-%dseg-%ds-seed%d", FORMAT,
                events, symbols, FEED_SNAPSHOT_EVERY, SEGMENT_SIZE >> 20, snapshotSeconds, SEED);
        SyntheticDay day;
        if (cache) {
            day = new SyntheticDay(base.resolve(key), events, true);
            Path complete = day.root.resolve("COMPLETE");
            if (Files.exists(complete)) {
                System.err.printf(Locale.ROOT, "[bookat] reusing the cached day %s (%s); delete it with rm -rf%n",
                        day.root, read(complete));
                return day;
            }
            BenchDirs.delete(day.root); // a build that did not finish
        } else {
            day = new SyntheticDay(BenchDirs.create("ours-bookat-"), events, false);
        }
        try {
            day.build(symbols, snapshotSeconds);
        } catch (RuntimeException | Error e) {
            BenchDirs.delete(day.root);
            throw e;
        }
        return day;
    }

    private void build(int symbols, int snapshotSeconds) {
        try {
            Files.createDirectories(root);
            long usable = Files.getFileStore(root).getUsableSpace();
            long needed = events * 140 + (1L << 30);
            if (usable < needed) {
                throw new IllegalStateException(root + ": " + (usable >> 20) + " MiB free, about " + (needed >> 20)
                        + " MiB needed for " + events + " events: use -Dbench.dir=...");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.err.printf(Locale.ROOT, "[bookat] building %s: %d events of %d symbols over one day (one every %d "
                + "ns), then snapshots of market %d every %d s%n", root, events, symbols, step, MARKET,
                snapshotSeconds);
        long t0 = System.nanoTime();
        SyntheticMarket market = new SyntheticMarket(VENUE, symbols, FEED_SNAPSHOT_EVERY, SEED);
        UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(SyntheticMarket.maxLength()));
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(SEGMENT_SIZE));
             QueueWriter writer = q.createWriter()) {
            for (long i = 0; i < events; i++) {
                long ts = DAY_START + i * step;
                int length = market.next(scratch, 0, ts);
                if (writer.append(market.lastType(), ts, scratch, 0, length) != i) {
                    throw new IllegalStateException("append failed at event " + i);
                }
                if ((i + 1) % 5_000_000 == 0) {
                    System.err.printf(Locale.ROOT, "[bookat]   %d events, %.1f s%n", i + 1,
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        long t1 = System.nanoTime();
        long written;
        try (Snapshotter snapshotter = new Snapshotter(queue, store(), VENUE, MARKET,
                new SnapshotPlanner(snapshotSeconds * 1_000_000_000L, 0, 0), new L2SnapshotCodec(), 0)) {
            while (snapshotter.poll(65_536) > 0) {
                // follow the whole archive
            }
            written = snapshotter.written();
        }
        long t2 = System.nanoTime();
        long expected = DAY_NANOS / (snapshotSeconds * 1_000_000_000L);
        if (written < expected * 9 / 10) { // the first book event of market 1 after each interval
            throw new IllegalStateException("the snapshotter wrote " + written + " snapshots, expected about "
                    + expected);
        }
        String summary = String.format(Locale.ROOT, "%d events, %d segments, %.2f GB of segments, %d snapshots; "
                + "built in %.1f s: append %.1f s, snapshotter %.1f s", events, segments(), segmentBytes() / 1e9,
                written, (t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        System.err.println("[bookat] " + summary);
        if (cached) {
            try {
                Files.writeString(root.resolve("COMPLETE"), summary + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private long segments() {
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{9}\\.q")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long segmentBytes() {
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{9}\\.q")).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every file of the day once, so that it is in the page cache (a cached day left alone for a while may
     * have been partly evicted), and prints how long that took.
     */
    void preload() {
        long t0 = System.nanoTime();
        long bytes = 0;
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    int n;
                    while ((n = channel.read(chunk.clear())) > 0) {
                        bytes += n;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf(Locale.ROOT, "[bookat] preload: read %.2f GB in %.1f s (%.1f GB/s; several GB/s: it was "
                + "in the page cache)%n", bytes / 1e9, seconds, bytes / 1e9 / seconds);
    }

    /** Deletes the day unless it is cached. */
    @Override
    public void close() {
        if (!cached) {
            BenchDirs.delete(root);
        }
    }

    /**
     * Builds (or checks) the cached day.
     *
     * @param args events (20 000 000), symbols (8), snapshot interval in seconds (60).
     */
    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        int symbols = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        QuietLogs.warningsOnly();
        System.out.println(obtain(events, symbols, seconds, true).root);
    }
}
