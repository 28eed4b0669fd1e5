package chronicle.benchmarks;

import chronicle.core.api.RecordHandler;
import chronicle.core.api.RecordSource;
import chronicle.core.api.StartPosition;
import chronicle.storage.api.SeekableObjectReader;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import org.agrona.DirectBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reads of an archived stream day whose 128 MiB segments a real tier manager moved into a {@code local} tier,
 * compressed with {@code zstd} (1 MiB frames), against the same day in the hot tier ({@link TieredArchive} of the
 * {@link SyntheticDay} feed: {@code events} events of {@code symbols} markets,
 * {@link chronicle.core.api.QueueOptions#archive()} segments, an index entry every 256 records):
 * <ul>
 *   <li>{@code randomRecordCold} (sample time, us; target p99 under 1 ms): one record at a random sequence of the
 *       day: {@link TieredReader#open} at that sequence (the manifest, the segment's seek index, the object's seek
 *       table, the frames under the read window decompressed and the records before the wanted one skipped) and one
 *       {@code poll} of one record, checked to be the one asked for, then close. A new reader per operation, so
 *       every operation starts with an empty frame cache; the object's bytes are in the page cache. The read window
 *       is {@code windowBytes} (64 KiB: a record-at-a-time reader; the replay default is 1 MiB).</li>
 *   <li>{@code replayCold} and {@code replayHot} (throughput; the secondary result {@code records} is records/s;
 *       target: cold at least 0.5 x hot): the whole day from its first record, through a {@link TieredReader}; cold
 *       with read-ahead of the next frame on a second thread, hot from the queue directory's segments.</li>
 * </ul>
 * The synthetic day is the one of {@link BookAtTimeBenchmark}, cached under {@code bench.dir} unless
 * {@code -Dbench.bookat.cache=false}; the tiered copy is built per trial in a directory of its own and deleted.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS, JvmFlags.QUIET_COMPILE_COMMANDS,
        JvmFlags.EARLY_JOURNAL_COMPILE})
public class TieredReadBenchmark implements RecordHandler {

    static final int TARGETS = 4096;

    /** Events of the day. */
    @Param({"20000000"})
    long events;

    /** Markets of the day. */
    @Param({"8"})
    int symbols;

    /** Original bytes per compressed frame; 0 for the product's default. */
    @Param({"0"})
    int frameBytes;

    /** Read-ahead threads of {@code replayCold}; 0 for the product's replay default ({@code forReplay}). */
    @Param({"0"})
    int readAheadThreads;

    /** The read window of {@code randomRecordCold}'s readers, bytes. */
    @Param({"65536"})
    int windowBytes;

    SyntheticDay source;
    TieredArchive archive;
    ExecutorService readAhead;
    TieredReader.Options randomOptions;
    TieredReader.Options coldOptions;
    final long[] sequences = new long[TARGETS];
    int next;
    long lastSequence;
    long sum;

    /** Records replayed in the iteration: with {@code replay*}, records per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Replayed {
        public long records;

        @Setup(Level.Iteration)
        public void reset() {
            records = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        QuietLogs.warningsOnly();
        source = SyntheticDay.obtain(events, symbols, 60,
                Boolean.parseBoolean(System.getProperty("bench.bookat.cache", "true")));
        archive = TieredArchive.build(source, "local", frameBytes == 0 ? null : frameBytes);
        readAhead = Executors.newFixedThreadPool(Math.max(1, readAheadThreads), r -> {
            Thread t = new Thread(r, "tiered-read-ahead");
            t.setDaemon(true);
            return t;
        });
        TieredReader.Options defaults = TieredReader.Options.DEFAULT;
        randomOptions = new TieredReader.Options(windowBytes, defaults.frameCacheBytes(), null);
        coldOptions = readAheadThreads == 0 ? TieredReader.Options.forReplay() : defaults.withReadAhead(readAhead);
        long first = archive.segments.getFirst().firstSequence();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < TARGETS; i++) {
            sequences[i] = first + random.nextLong(archive.records());
        }
        long hot = replay(archive.hot, TieredReader.Options.DEFAULT, new Replayed());
        long cold = replay(archive.tiered, coldOptions, new Replayed());
        if (hot != cold) {
            throw new IllegalStateException("the tiered day differs from the hot one");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (readAhead != null) {
            readAhead.shutdownNow();
        }
        if (archive != null) {
            archive.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 10, time = 1)
    public long randomRecordCold() {
        long wanted = sequences[next++ & (TARGETS - 1)];
        try (TieredReader reader = TieredReader.open(archive.tiered, archive.day, StartPosition.sequence(wanted),
                randomOptions)) {
            if (reader.poll(this, 1) != 1 || lastSequence != wanted) {
                throw new IllegalStateException("sequence " + wanted + ": got " + lastSequence + " "
                        + reader.lastError());
            }
        }
        return sum;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 10)
    public long replayCold(Replayed replayed) {
        return replay(archive.tiered, coldOptions, replayed);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 10)
    public long replayHot(Replayed replayed) {
        return replay(archive.hot, TieredReader.Options.DEFAULT, replayed);
    }

    /**
     * The bound of {@code replayCold} on this machine: the same reads of the day's original bytes, window by
     * window with the same read-ahead, and no records decoded. Its {@code records} are the day's records per second
     * of this pace.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 10)
    public long decompressCold(Replayed replayed) throws IOException {
        ByteBuffer window = ByteBuffer.allocateDirect(TieredReader.Options.DEFAULT.windowBytes());
        long checksum = 0;
        for (SegmentLocation segment : archive.segments) {
            try (SeekableObjectReader in = SeekableObjectReader.open(
                    archive.tiered.store(segment.tier()).open(segment.key()),
                    archive.tiered.compressor(segment.compression()), coldOptions.frameCacheBytes(),
                    coldOptions.readAhead())) {
                for (long at = 0; at < in.size(); at += window.capacity()) {
                    window.clear().limit((int) Math.min(window.capacity(), in.size() - at));
                    in.readFully(at, window);
                    checksum += window.get(0);
                }
            }
            replayed.records += segment.records();
        }
        return checksum;
    }

    /** Reads the whole day; returns a sum over its records. */
    private long replay(Tiers tiers, TieredReader.Options options, Replayed replayed) {
        sum = 0;
        try (TieredReader reader = TieredReader.open(tiers, archive.day, StartPosition.earliest(), options)) {
            for (int n; (n = reader.poll(this, 4096)) != 0; ) {
                if (n == RecordSource.CORRUPT) {
                    throw new IllegalStateException(reader.lastError());
                }
                replayed.records += n;
            }
        }
        return sum;
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        lastSequence = sequence;
        sum += timestamp ^ buffer.getByte(offset + length - 1);
    }
}
