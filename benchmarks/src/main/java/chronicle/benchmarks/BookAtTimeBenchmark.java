package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import chronicle.plugin.snapshot.l2.L2SnapshotCodec;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import chronicle.replay.api.SnapshotHeader;
import chronicle.replay.api.SnapshotStore;
import chronicle.replay.api.WarmStart;
import chronicle.replay.spi.SnapshotCodec;
import org.agrona.DirectBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * "The book of market X at time T" on a synthetic archived day (ours only; the target: under 50 ms, and at
 * least 100x faster than replaying from the start of the day).
 *
 * <p>The day ({@link SyntheticDay}, built once and cached under {@code bench.dir} by default, about 2.6 GB for 20 M
 * events): {@code events} {@code SyntheticMarket} events of {@code symbols} markets, evenly spaced over 24 hours
 * (4.32 ms apart for 20 M, so about 13 900 records of all markets per minute), in an archive-profile queue with
 * 128 MiB segments; snapshots of market 1 every {@code snapshotSeconds} of journal time written by the
 * {@code Snapshotter} with the {@code l2} codec (1440 files for 60 s: each at the first book event of market 1 at
 * least 60 s after the previous one). Every operation is one
 * {@link WarmStart#bookAt(Path, SnapshotStore, Function, int, long, long, GapPolicy, int, ReplayEngine.Listener)}
 * of market 1 ({@code GapPolicy.FAIL}, unlimited depth), the call {@code chronicle book} and {@code chronicle
 * warm-start} make: it opens the queue and a reader, replays, and closes them again. Target times T are drawn once
 * per trial (seeded, 4096 of them, cycled in order):
 * <ul>
 *   <li>{@code warmStart}: T uniform over the whole day, with the snapshot store: newest snapshot at or before T,
 *       load it, seek to the record after it, replay to T (on average half an interval: about 7 000 records of all
 *       markets). The headline latency (p50, p99).</li>
 *   <li>{@code warmStartLateDay}: the same, with T uniform over the second half of the day: the same T distribution
 *       as {@code fullReplay}, for the ratio.</li>
 *   <li>{@code fullReplay}: no store ({@code snapshots = null}): replay from the first record of the day to T, T
 *       uniform over the second half of the day (on average 15 M records). Few, long operations.</li>
 * </ul>
 * <b>Ratio</b> = mean({@code fullReplay}) / mean({@code warmStartLateDay}): both means over T uniform in
 * [12:00, 24:00), from the same seeded sequence of T (both start at its first value; {@code fullReplay} gets
 * through only its first 20 or so, {@code warmStartLateDay} cycles through all 4096). Full-replay cost grows
 * linearly with T (records are evenly spaced), so over T uniform on the whole day its mean would be 2/3 of this one
 * (the day-uniform ratio, 2/3 of the reported one, is the conservative figure); warm-start cost does not depend on
 * where T is in the day.
 *
 * <p>The trial set-up of the {@code warmStart} fork also prints a breakdown of 1000 warm starts done step by step
 * through the same public calls ({@code [bookat] breakdown}: snapshot lookup, of which the directory listing;
 * snapshot load; queue open and seek; replay; close), with the records replayed and the page faults per warm start,
 * and the same replay from a reader kept open ({@code seek} instead of open/close);
 * {@code -Dbench.bookat.breakdown=false} skips it. Each trial set-up also checks that warm start and full replay
 * give the same book at two T.
 *
 * <p>Page cache: each trial set-up first reads every file of the day once ({@link SyntheticDay#preload()}, a few
 * seconds; it prints how fast, which tells whether the day was still cached), so every benchmark runs on a day that
 * is in the page cache, as a recently archived day is; {@code -Dbench.bookat.preload=false} skips that. Each
 * iteration prints the records read and the page faults (minor, major) of the process per operation.
 *
 * <p>{@code -Dbench.bookat.cache=false}: build the day in a temporary directory and delete it at the end of each
 * trial (each of the three forks then builds its own: about 10 s each here) instead of reusing the cached one.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class BookAtTimeBenchmark {

    static final int TIMES = 4096;
    static final long SEED = 42;

    /** Events of the day. */
    @Param({"20000000"})
    long events;

    /** Markets of the day (the benchmark rebuilds market 1). */
    @Param({"8"})
    int symbols;

    /** Snapshot interval, seconds of journal time. */
    @Param({"60"})
    int snapshotSeconds;

    SyntheticDay day;
    SnapshotStore store;
    final SnapshotCodec codec = new L2SnapshotCodec();
    final Function<String, SnapshotCodec> codecs = name -> "l2".equals(name) ? codec : null;
    final long[] dayTimes = new long[TIMES];
    final long[] lateTimes = new long[TIMES];
    int nextDay;
    int nextLate;
    int nextFull;
    long ops;
    long records;
    long applied;
    long[] iterationFaults;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        QuietLogs.warningsOnly();
        System.err.printf(Locale.ROOT, "%n[bookat] load average before set-up: %s%n", loadAverage());
        day = SyntheticDay.obtain(events, symbols, snapshotSeconds,
                Boolean.parseBoolean(System.getProperty("bench.bookat.cache", "true")));
        store = day.store();
        if (Boolean.parseBoolean(System.getProperty("bench.bookat.preload", "true"))) {
            day.preload();
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < TIMES; i++) {
            dayTimes[i] = SyntheticDay.DAY_START + random.nextLong(SyntheticDay.DAY_NANOS);
        }
        random = new SplittableRandom(SEED);
        for (int i = 0; i < TIMES; i++) {
            lateTimes[i] = SyntheticDay.DAY_START + SyntheticDay.DAY_NANOS / 2
                    + random.nextLong(SyntheticDay.DAY_NANOS / 2);
        }
        check(SyntheticDay.DAY_START + SyntheticDay.DAY_NANOS / 10 + 12_345_678_901L);
        check(SyntheticDay.DAY_START + SyntheticDay.DAY_NANOS / 5 + 59_999_999_999L);
        if (params.getBenchmark().endsWith(".warmStart")
                && Boolean.parseBoolean(System.getProperty("bench.bookat.breakdown", "true"))) {
            breakdown();
        }
        System.err.printf(Locale.ROOT, "[bookat] load average after set-up: %s%n", loadAverage());
    }

    /** Warm start and full replay must give the same book. */
    private void check(long at) {
        WarmStart.Result warm = bookAt(store, at);
        WarmStart.Result full = bookAt(null, at);
        if (warm.book() == null || full.book() == null || warm.book().hash() != full.book().hash()
                || warm.book().lastSequence() != full.book().lastSequence() || warm.snapshot().isEmpty()) {
            throw new IllegalStateException("warm start and full replay differ at " + at);
        }
        System.err.printf(Locale.ROOT, "[bookat] check at %s: same book (last sequence %d); warm start from the "
                + "snapshot of %s read %d records, full replay %d%n", clock(at), warm.book().lastSequence(),
                clock(warm.snapshot().get().timestamp()), warm.records(), full.records());
    }

    private WarmStart.Result bookAt(SnapshotStore snapshots, long at) {
        return WarmStart.bookAt(day.queue, snapshots, codecs, SyntheticDay.VENUE, SyntheticDay.MARKET, at,
                GapPolicy.FAIL, 0, null);
    }

    private long account(WarmStart.Result r) {
        ops++;
        records += r.records();
        applied += r.applied();
        MarketBook book = r.book();
        return book == null ? r.records() : book.hash();
    }

    @Benchmark
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 10, time = 1)
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long warmStart() {
        return account(bookAt(store, dayTimes[nextDay++ & (TIMES - 1)]));
    }

    @Benchmark
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 10, time = 1)
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long warmStartLateDay() {
        return account(bookAt(store, lateTimes[nextLate++ & (TIMES - 1)]));
    }

    @Benchmark
    @Warmup(iterations = 1, time = 3)
    @Measurement(iterations = 3, time = 5)
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long fullReplay() {
        return account(bookAt(null, lateTimes[nextFull++ & (TIMES - 1)]));
    }

    @Setup(Level.Iteration)
    public void iterationStart() {
        iterationFaults = faults();
    }

    @TearDown(Level.Iteration)
    public void iterationStats() {
        if (ops > 0) {
            long[] now = faults();
            System.out.printf(Locale.ROOT, "%n[bookat] %d operations, per operation: %.0f records read, %.0f book "
                    + "events of market 1 applied, page faults (process) %.1f minor, %.2f major%n", ops,
                    (double) records / ops, (double) applied / ops, (double) (now[0] - iterationFaults[0]) / ops,
                    (double) (now[1] - iterationFaults[1]) / ops);
        }
        ops = 0;
        records = 0;
        applied = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.err.printf(Locale.ROOT, "[bookat] load average at the end of the trial: %s%n", loadAverage());
        if (day != null) {
            day.close();
        }
    }

    // ---- the breakdown ---------------------------------------------------------------------------------------

    /** Passes records to the engine until one is stamped after T (as WarmStart's own handler does). */
    private static final class UpTo implements RecordHandler {
        final ReplayEngine engine;
        final long at;
        boolean done;
        long records;
        long bytes;

        UpTo(ReplayEngine engine, long at) {
            this.engine = engine;
            this.at = at;
        }

        @Override
        public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
            if (done || timestamp > at) {
                done = true;
                return;
            }
            records++;
            bytes += length;
            engine.onRecord(type, sequence, timestamp, buffer, offset, length);
        }
    }

    /** The directory listing of SnapshotStore.latestAtOrBefore (its private files()), timed on its own. */
    private static List<Path> listSnapshots(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("snapshot_\\d+\\.bin")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void breakdown() {
        final int warm = 300;
        final int n = 1000;
        String[] names = {"lookup (latestAtOrBefore)", "  of which listing", "load (read, CRC, decode)",
            "open queue + reader, seek", "replay to T", "close reader + queue", "total"};
        long[][] t = new long[names.length][n];
        long[] kept = new long[n];
        long recordSum = 0;
        long byteSum = 0;
        long appliedSum = 0;
        long[] faultsBefore = null;
        SplittableRandom random = new SplittableRandom(SEED + 1);
        long sink = 0;
        for (int i = -warm; i < n; i++) {
            if (i == 0) {
                faultsBefore = faults();
            }
            long at = SyntheticDay.DAY_START + random.nextLong(SyntheticDay.DAY_NANOS);
            long t0 = System.nanoTime();
            Optional<SnapshotHeader> snapshot = store.latestAtOrBefore(at);
            long t1 = System.nanoTime();
            sink += listSnapshots(store.directory()).size();
            long t2 = System.nanoTime();
            ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0).track(SyntheticDay.VENUE, SyntheticDay.MARKET);
            StartPosition start = StartPosition.earliest();
            if (snapshot.isPresent()) {
                engine.put(SnapshotStore.load(snapshot.get(), codecs, 0));
                start = StartPosition.sequence(snapshot.get().sequence() + 1);
            }
            long t3 = System.nanoTime();
            ChronicleQueue q = ChronicleQueue.openExisting(day.queue);
            QueueReader reader = q.createReader(start);
            long t4 = System.nanoTime();
            UpTo upTo = new UpTo(engine, at);
            while (!upTo.done && reader.poll(upTo, 1024) > 0) {
                // replay to T
            }
            long t5 = System.nanoTime();
            reader.close();
            q.close();
            long t6 = System.nanoTime();
            MarketBook book = engine.book(SyntheticDay.VENUE, SyntheticDay.MARKET);
            sink += book == null ? 0 : book.hash();
            if (i >= 0) {
                t[0][i] = t1 - t0;
                t[1][i] = t2 - t1;
                t[2][i] = t3 - t2;
                t[3][i] = t4 - t3;
                t[4][i] = t5 - t4;
                t[5][i] = t6 - t5;
                t[6][i] = (t1 - t0) + (t6 - t2);
                recordSum += upTo.records;
                byteSum += upTo.bytes;
                appliedSum += engine.applied();
            }
        }
        long[] faultsAfter = faults();
        // the same replays from one reader kept open: seek instead of open, map and close
        random = new SplittableRandom(SEED + 1);
        try (ChronicleQueue q = ChronicleQueue.openExisting(day.queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            for (int i = -warm; i < n; i++) {
                long at = SyntheticDay.DAY_START + random.nextLong(SyntheticDay.DAY_NANOS);
                Optional<SnapshotHeader> snapshot = store.latestAtOrBefore(at);
                ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0)
                        .track(SyntheticDay.VENUE, SyntheticDay.MARKET);
                if (snapshot.isEmpty()) {
                    continue;
                }
                engine.put(SnapshotStore.load(snapshot.get(), codecs, 0));
                long t0 = System.nanoTime();
                reader.seek(StartPosition.sequence(snapshot.get().sequence() + 1));
                UpTo upTo = new UpTo(engine, at);
                while (!upTo.done && reader.poll(upTo, 1024) > 0) {
                    // replay to T
                }
                long t1 = System.nanoTime();
                if (i >= 0) {
                    kept[i] = t1 - t0;
                }
                MarketBook book = engine.book(SyntheticDay.VENUE, SyntheticDay.MARKET);
                sink += book == null ? 0 : book.hash();
            }
        }
        System.err.printf(Locale.ROOT, "[bookat] breakdown of %d warm starts at T uniform over the day (after %d "
                + "unrecorded), ms (sink %d):%n", n, warm, sink & 1);
        System.err.printf(Locale.ROOT, "[bookat]   %-28s %8s %8s %8s %8s%n", "step", "mean", "p50", "p99", "max");
        for (int s = 0; s < names.length; s++) {
            System.err.printf(Locale.ROOT, "[bookat]   %-28s %s%n", names[s], stats(t[s]));
        }
        System.err.printf(Locale.ROOT, "[bookat]   %-28s %s%n", "seek + replay, reader kept", stats(kept));
        System.err.printf(Locale.ROOT, "[bookat]   per warm start: %.0f records replayed (%.0f payload bytes), "
                + "%.0f book events of market 1 applied; page faults (process): %.1f minor, %.2f major%n",
                (double) recordSum / n, (double) byteSum / n, (double) appliedSum / n,
                (double) (faultsAfter[0] - faultsBefore[0]) / n, (double) (faultsAfter[1] - faultsBefore[1]) / n);
    }

    private static String stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format(Locale.ROOT, "%8.3f %8.3f %8.3f %8.3f", mean / 1e6, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** @return minor and major page faults of this process so far (/proc/self/stat fields 10 and 12). */
    private static long[] faults() {
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[7]), Long.parseLong(f[9])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String clock(long epochNanos) {
        long s = (epochNanos - SyntheticDay.DAY_START) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
