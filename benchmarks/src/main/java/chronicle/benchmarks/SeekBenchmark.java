package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.IndexPolicy;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
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

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Random access (ours only): latency of {@link QueueReader#seek} to a random record of a 1 GiB multi-segment queue
 * plus reading that one record ({@code poll(handler, 1)}, checked to be the record asked for).
 *
 * <p>The trial set-up builds the queue once: 64-byte payloads (88 bytes per record with our header), 128 MiB
 * segments (the hot profile's size), appended until 8 segments are full (about 1.52 M records each, 12.2 M in all;
 * the append that no longer fits opens a 9th segment holding one record), then the writer is closed. Record
 * {@code k} has timestamp {@code EPOCH + k * 1000} ns. One reader (created once) then seeks to targets drawn
 * uniformly at random over the whole queue (a fixed seed; 64 Ki targets, cycled):
 * <ul>
 *   <li>{@code bySequence}: {@code seek(StartPosition.sequence(s))};</li>
 *   <li>{@code byTimestamp}: {@code seek(StartPosition.timestamp(EPOCH + s * 1000))}.</li>
 * </ul>
 * {@code index}: the seek-index policy the queue was written with. {@code HOT} (the hot profile: an entry every
 * 4096 records) and {@code ARCHIVE} (every 256): the seek walks forward from the entry at or before the target, so
 * the difference between the two is the cost of that walk, and what is left is the fixed cost of a seek.
 *
 * <p>{@code segments} (default 8: the 1 GiB queue) changes the queue's size, e.g. {@code -p segments=16}: our reader
 * keeps the mappings of the 8 segments it used last ({@code QueueReader.MAPPINGS_KEPT}), so random seeks over more
 * segments than that map and unmap a segment on many seeks.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SeekBenchmark implements RecordHandler {

    static final int SEGMENT_SIZE = 128 << 20;
    static final int PAYLOAD = 64;
    static final long STEP = 1000;
    static final int TARGETS = 1 << 16;

    @Param({"HOT", "ARCHIVE"})
    String index;

    /** Full segments of 128 MiB: 8 makes the 1 GiB queue. */
    @Param({"8"})
    int segments;

    Path dir;
    ChronicleQueue queue;
    QueueReader reader;
    long records;
    final long[] targets = new long[TARGETS];
    int next;
    long deliveredSequence;
    long deliveredTimestamp;

    @Setup(Level.Trial)
    public void build() {
        IndexPolicy policy = switch (index) {
            case "HOT" -> IndexPolicy.HOT;
            case "ARCHIVE" -> IndexPolicy.ARCHIVE;
            default -> throw new IllegalArgumentException("index must be HOT or ARCHIVE, got " + index);
        };
        dir = BenchDirs.create("ours-seek-");
        queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(SEGMENT_SIZE).withIndex(policy));
        UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(PAYLOAD));
        long t0 = System.nanoTime();
        try (QueueWriter writer = queue.createWriter()) {
            long k = 0;
            while (writer.segmentIndex() < segments) {
                payload.putLong(0, k);
                if (writer.append(AppendBenchmark.TYPE, AppendBenchmark.EPOCH + k * STEP, payload, 0, PAYLOAD) != k) {
                    throw new IllegalStateException("build failed at " + k);
                }
                k++;
            }
            records = writer.nextSequence();
        }
        System.out.printf(Locale.ROOT, "%n[seek] built %d records in %d segments (+1 record in one more) in %.1f s, "
                + "index %s%n", records, segments, (System.nanoTime() - t0) / 1e9, index);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < TARGETS; i++) {
            targets[i] = random.nextLong(records);
        }
        reader = queue.createReader(StartPosition.earliest());
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        deliveredSequence = sequence;
        deliveredTimestamp = timestamp;
    }

    private long check(long target) {
        deliveredSequence = -1;
        if (reader.poll(this, 1) != 1 || deliveredSequence != target) {
            throw new IllegalStateException("seek to " + target + " delivered " + deliveredSequence);
        }
        return deliveredTimestamp;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long bySequence() {
        long target = targets[next++ & (TARGETS - 1)];
        reader.seek(StartPosition.sequence(target));
        return check(target);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long byTimestamp() {
        long target = targets[next++ & (TARGETS - 1)];
        reader.seek(StartPosition.timestamp(AppendBenchmark.EPOCH + target * STEP));
        return check(target);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        reader.close();
        queue.close();
        BenchDirs.delete(dir);
    }
}
