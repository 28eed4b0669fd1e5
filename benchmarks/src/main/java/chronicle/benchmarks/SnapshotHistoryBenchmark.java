package chronicle.benchmarks;

import chronicle.plugin.snapshot.l2.L2SnapshotCodec;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.SnapshotHeader;
import chronicle.replay.api.SnapshotStore;
import chronicle.replay.api.WarmStart;
import chronicle.replay.spi.SnapshotCodec;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * "The book of X at T" does not slow down as snapshots pile up (target: with a year of 60 s snapshots of the market
 * stored, within 1.5x of the same query with one day stored, p50 under 5 ms in both).
 *
 * <p>The day is {@link BookAtTimeBenchmark}'s ({@link SyntheticDay}, 20 M events, snapshots of market 1 every 60 s:
 * 1,440 files). {@code oneDay} asks its own snapshot store. {@code year} asks a store holding a year of snapshots of
 * the market, 525,600 files: that day's 1,440 (hard links to them) and 364 more days of one a minute, as the
 * snapshotter leaves them (a snapshot file each, entered in the market's {@code timeline.idx}). The other days'
 * files are hard links to copies of one snapshot file of the day, each under its own name: a warm start at a T of the day
 * never opens them, and a store of real ones has the same directory and time line. Built once and cached under
 * {@code bench.dir} ({@code chronicle-snapshot-year-*}), about a minute here.
 *
 * <p>Each operation is the warm start of {@code chronicle book}: the newest snapshot at or before T through the time
 * line, loaded, then replay to T; T uniform over the day from one seeded sequence, the same for both.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS, JvmFlags.QUIET_COMPILE_COMMANDS,
        JvmFlags.EARLY_JOURNAL_COMPILE})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class SnapshotHistoryBenchmark {

    static final int TIMES = 4096;
    static final int DAYS = 365;
    static final long MINUTE = 60_000_000_000L;
    static final int LINK_TARGETS = 16;

    /** Events of the day. */
    @Param({"20000000"})
    long events;

    SyntheticDay day;
    SnapshotStore oneDay;
    SnapshotStore year;
    final SnapshotCodec codec = new L2SnapshotCodec();
    final Function<String, SnapshotCodec> codecs = name -> "l2".equals(name) ? codec : null;
    final long[] times = new long[TIMES];
    int nextDay;
    int nextYear;

    @Setup(Level.Trial)
    public void setUp() {
        QuietLogs.warningsOnly();
        day = SyntheticDay.obtain(events, 8, 60, true);
        day.preload();
        oneDay = day.store();
        year = new SnapshotStore(yearOfSnapshots(day, oneDay));
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < TIMES; i++) {
            times[i] = SyntheticDay.DAY_START + random.nextLong(SyntheticDay.DAY_NANOS);
        }
        for (int i = 0; i < 16; i++) {
            WarmStart.Result a = bookAt(oneDay, times[i]);
            WarmStart.Result b = bookAt(year, times[i]);
            if (a.book().hash() != b.book().hash() || !a.snapshot().equals(b.snapshot().map(h -> a.snapshot().get()))
                    || a.snapshot().isEmpty()) {
                throw new IllegalStateException("one day and a year of snapshots differ at " + times[i]);
            }
        }
    }

    /** A year of one snapshot a minute: the day's own, then 364 days of links (cached under bench.dir). */
    private static Path yearOfSnapshots(SyntheticDay day, SnapshotStore store) {
        List<SnapshotHeader> real = store.list();
        Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")))
                .resolve(String.format(Locale.ROOT, "chronicle-snapshot-year-%s-%d", day.root.getFileName(),
                        real.size()));
        Path done = dir.resolve("complete");
        if (Files.exists(done)) {
            return dir;
        }
        long started = System.nanoTime();
        try {
            BenchDirs.delete(dir);
            Files.createDirectories(dir);
            ByteBuffer timeline = ByteBuffer.allocate(DAYS * 1440 * 16).order(ByteOrder.LITTLE_ENDIAN);
            for (SnapshotHeader h : real) {
                Files.createLink(dir.resolve(h.file().getFileName()), h.file());
                timeline.putLong(h.sequence()).putLong(h.timestamp());
            }
            SnapshotHeader last = real.getLast();
            // A file system allows tens of thousands of links per file (ext4: 65,000): link to a few copies.
            Path[] targets = new Path[LINK_TARGETS];
            for (int i = 0; i < LINK_TARGETS; i++) {
                targets[i] = Files.copy(last.file(), dir.resolve("link-target-" + i + ".bin"));
            }
            long sequence = last.sequence();
            long time = SyntheticDay.DAY_START + SyntheticDay.DAY_NANOS;
            for (int i = 0; i < (DAYS - 1) * 1440; i++) {
                sequence += 13_900;
                time += MINUTE;
                Files.createLink(dir.resolve(String.format(Locale.ROOT, "snapshot_%020d.bin", sequence)),
                        targets[i % LINK_TARGETS]);
                timeline.putLong(sequence).putLong(time);
            }
            try (FileChannel out = FileChannel.open(dir.resolve("timeline.idx"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(timeline.flip());
            }
            Files.createFile(done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.err.printf(Locale.ROOT, "[history] %d snapshot files of a year in %s, built in %.1f s%n",
                DAYS * 1440, dir, (System.nanoTime() - started) / 1e9);
        return dir;
    }

    private WarmStart.Result bookAt(SnapshotStore store, long at) {
        return WarmStart.bookAt(day.queue, store, codecs, SyntheticDay.VENUE, SyntheticDay.MARKET, at,
                GapPolicy.FAIL, 0, null);
    }

    @Benchmark
    public long oneDay() {
        return bookAt(oneDay, times[nextDay++ & (TIMES - 1)]).book().hash();
    }

    @Benchmark
    public long year() {
        return bookAt(year, times[nextYear++ & (TIMES - 1)]).book().hash();
    }
}
