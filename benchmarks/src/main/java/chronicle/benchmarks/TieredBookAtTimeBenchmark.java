package chronicle.benchmarks;

import chronicle.plugin.snapshot.l2.L2SnapshotCodec;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.SnapshotStore;
import chronicle.replay.api.WarmStart;
import chronicle.replay.spi.SnapshotCodec;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * "The book of market X at time T" of a day whose segments live only in a far tier, against the same day in the hot
 * tier: the {@link BookAtTimeBenchmark} question asked through the tiered reader ({@code chronicle book} on an
 * archived day). The day is {@link SyntheticDay}'s (with its snapshots of market 1 every {@code snapshotSeconds});
 * {@link TieredArchive} links it into a hot archive root and has a real tier manager move it, compressed with
 * {@code zstd}, into the tier {@code tier} names ({@link FarTier}: {@code local}, a directory on the benchmark's
 * file system, or {@code s3}, s3proxy in the benchmark JVM read with ranged GETs and an empty frame cache per warm
 * start).
 * <ul>
 *   <li>{@code warmStartFar}: one {@link WarmStart#bookAt(chronicle.core.api.RecordSource.Opener, SnapshotStore,
 *       Function, int, long, long, GapPolicy, int, chronicle.replay.api.ReplayEngine.Listener)} of market 1 at a
 *       T uniform over the day: newest snapshot at or before T, a tiered reader opened at the record after it
 *       (manifest, seek index, seek table, the frames needed fetched and decompressed), replay to T, close;</li>
 *   <li>{@code warmStartHot}: the same over the hot tier.</li>
 * </ul>
 * T is drawn once per trial (seeded, 4096 values, cycled); each trial set-up checks that both give the book a full
 * replay of the hot day gives at two T.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS, JvmFlags.QUIET_COMPILE_COMMANDS,
        JvmFlags.EARLY_JOURNAL_COMPILE})
@State(Scope.Benchmark)
public class TieredBookAtTimeBenchmark {

    static final int TIMES = 4096;

    /** Events of the day. */
    @Param({"20000000"})
    long events;

    /** Markets of the day. */
    @Param({"8"})
    int symbols;

    /** Snapshot interval, seconds of journal time. */
    @Param({"60"})
    int snapshotSeconds;

    /** The far tier's backend ({@link FarTier#start}). */
    @Param({"local", "s3"})
    String tier;

    SyntheticDay source;
    TieredArchive archive;
    SnapshotStore store;
    final SnapshotCodec codec = new L2SnapshotCodec();
    final Function<String, SnapshotCodec> codecs = name -> "l2".equals(name) ? codec : null;
    final long[] times = new long[TIMES];
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        QuietLogs.warningsOnly();
        source = SyntheticDay.obtain(events, symbols, snapshotSeconds,
                Boolean.parseBoolean(System.getProperty("bench.bookat.cache", "true")));
        archive = TieredArchive.build(source, tier, null);
        store = source.store();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < TIMES; i++) {
            times[i] = SyntheticDay.DAY_START + random.nextLong(SyntheticDay.DAY_NANOS);
        }
        check(SyntheticDay.DAY_START + SyntheticDay.DAY_NANOS / 10 + 12_345_678_901L);
        check(SyntheticDay.DAY_START + SyntheticDay.DAY_NANOS * 4 / 5 + 59_999_999_999L);
    }

    /** Warm starts from the far and the hot tier give the book of a full replay. */
    private void check(long at) {
        MarketBook full = WarmStart.bookAt(source.queue, null, codecs, SyntheticDay.VENUE, SyntheticDay.MARKET, at,
                GapPolicy.FAIL, 0, null).book();
        for (Tiers tiers : new Tiers[] {archive.tiered, archive.hot}) {
            MarketBook book = bookAt(tiers, at).book();
            if (full == null || book == null || book.hash() != full.hash()
                    || book.lastSequence() != full.lastSequence()) {
                throw new IllegalStateException(archive.day + " in " + tiers.names() + ": warm start and full "
                        + "replay differ at " + at);
            }
        }
    }

    private WarmStart.Result bookAt(Tiers tiers, long at) {
        return WarmStart.bookAt(TieredReader.opener(tiers, archive.day, TieredReader.Options.DEFAULT), store, codecs,
                SyntheticDay.VENUE, SyntheticDay.MARKET, at, GapPolicy.FAIL, 0, null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (archive != null) {
            archive.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Benchmark
    public long warmStartFar() {
        return bookAt(archive.tiered, times[next++ & (TIMES - 1)]).records();
    }

    @Benchmark
    public long warmStartHot() {
        return bookAt(archive.hot, times[next++ & (TIMES - 1)]).records();
    }
}
