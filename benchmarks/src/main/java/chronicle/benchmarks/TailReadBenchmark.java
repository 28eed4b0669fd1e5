package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.Durability;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Read (tail) throughput, 64-byte payloads. The set-up pre-fills {@code records} records (all resident in the page
 * cache); one invocation reads {@link #BATCH} records and touches each payload (its first 8 bytes are summed), so
 * ops/s are records/s. When the reader reaches the end it goes back to the start (ours:
 * {@code seek(StartPosition.earliest())}, Chronicle Queue: {@code toStart()}) inside the measurement; the time
 * spent rewinding is printed at the end of each trial so it can be checked that it is small.
 *
 * <p><b>Ours</b>: {@link QueueReader#poll(RecordHandler, int)} with a limit of {@link #BATCH}, no checksum
 * verification (the default). <b>Chronicle Queue</b>: {@code tailer.readingDocument()} per record, reading the
 * payload from {@code dc.wire().bytes()}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TailReadBenchmark {

    /**
     * Records in the queue by default: 8 Mi (about 700 MiB for ours, in one 1 GiB segment; 540 MiB for Chronicle
     * Queue): well beyond the caches, and long enough that rewinding is rare. {@code -p records=10000000} gives the
     * target suite's 10 M records of 64 bytes (880 MB for ours, still one 1 GiB segment; 680 MB for Chronicle Queue); at most
     * 12 M records fit ours' single segment.
     */
    static final String RECORDS = "8388608";
    static final int BATCH = 1024;
    static final int PAYLOAD = 64;

    @State(Scope.Thread)
    public static class Ours implements RecordHandler {
        @Param({RECORDS})
        int records;

        Path dir;
        ChronicleQueue queue;
        QueueReader reader;
        long sink;
        long rewinds;
        long rewindNanos;

        @Setup(Level.Trial)
        public void setup() {
            dir = BenchDirs.create("ours-read-");
            queue = ChronicleQueue.open(dir, QueueOptions.hotIpc()
                    .withSegmentSize(QueueOptions.MAX_SEGMENT_SIZE)
                    .withDurability(Durability.PAGE_CACHE)
                    .withPretouch(true));
            UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(PAYLOAD));
            try (QueueWriter writer = queue.createWriter()) {
                for (int i = 0; i < records; i++) {
                    payload.putLong(0, i);
                    if (writer.append(AppendBenchmark.TYPE, AppendBenchmark.EPOCH + i, payload, 0, PAYLOAD) < 0) {
                        throw new IllegalStateException("prefill failed at " + i);
                    }
                }
            }
            reader = queue.createReader(StartPosition.earliest());
        }

        void rewind() {
            long t0 = System.nanoTime();
            reader.seek(StartPosition.earliest());
            rewindNanos += System.nanoTime() - t0;
            rewinds++;
        }

        @Override
        public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
            sink += buffer.getLong(offset);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            System.out.printf(Locale.ROOT, "%n[read] ours: %d rewinds, %.1f ms in total rewinding%n", rewinds,
                    rewindNanos / 1e6);
            reader.close();
            queue.close();
            BenchDirs.delete(dir);
        }
    }

    @State(Scope.Thread)
    public static class Cq {
        @Param({RECORDS})
        int records;

        Path dir;
        SingleChronicleQueue queue;
        ExcerptTailer tailer;
        long sink;
        long rewinds;
        long rewindNanos;

        @Setup(Level.Trial)
        public void setup() {
            dir = BenchDirs.create("cq-read-");
            queue = SingleChronicleQueueBuilder.single(dir.toFile()).rollCycle(LargeRollCycles.LARGE_DAILY).build();
            BytesStore<?, Void> payload = BytesStore.nativeStoreWithFixedCapacity(PAYLOAD);
            try (ExcerptAppender appender = queue.createAppender()) {
                for (int i = 0; i < records; i++) {
                    payload.writeLong(0, i);
                    appender.writeBytes(payload);
                }
            }
            payload.releaseLast();
            tailer = queue.createTailer();
            tailer.singleThreadedCheckDisabled(true);
        }

        void rewind() {
            long t0 = System.nanoTime();
            tailer.toStart();
            rewindNanos += System.nanoTime() - t0;
            rewinds++;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            System.out.printf(Locale.ROOT, "%n[read] chronicle queue: %d rewinds, %.1f ms in total rewinding%n",
                    rewinds, rewindNanos / 1e6);
            tailer.close();
            queue.close();
            BenchDirs.delete(dir);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long ours(Ours s) {
        int read = 0;
        while (read < BATCH) {
            int n = s.reader.poll(s, BATCH - read);
            if (n > 0) {
                read += n;
            } else if (n == 0) {
                s.rewind();
            } else {
                throw new IllegalStateException(s.reader.lastError());
            }
        }
        return s.sink;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.CQ_1,
            JvmFlags.CQ_2, JvmFlags.CQ_3, JvmFlags.CQ_4, JvmFlags.CQ_5, JvmFlags.CQ_6, JvmFlags.CQ_7, JvmFlags.CQ_8,
            JvmFlags.CQ_9, JvmFlags.CQ_10, JvmFlags.CQ_11, JvmFlags.CQ_12, JvmFlags.CQ_13, JvmFlags.CQ_14})
    public long chronicleQueue(Cq s) {
        ExcerptTailer tailer = s.tailer;
        int read = 0;
        while (read < BATCH) {
            boolean present;
            try (DocumentContext dc = tailer.readingDocument()) {
                present = dc.isPresent();
                if (present) {
                    Bytes<?> bytes = dc.wire().bytes();
                    s.sink += bytes.readLong(bytes.readPosition());
                    read++;
                }
            }
            if (!present) {
                s.rewind();
            }
        }
        return s.sink;
    }
}
