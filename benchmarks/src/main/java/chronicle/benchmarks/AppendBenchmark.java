package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.Durability;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RetentionPolicy;
import chronicle.core.api.StartPosition;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Append throughput: one thread appends records of {@code payloadSize} bytes as fast as it can. One operation is
 * one record appended (ops/s = records/s).
 *
 * <p><b>Ours</b>: {@link QueueWriter#append(int, long, org.agrona.DirectBuffer, int, int)} from an off-heap
 * {@link UnsafeBuffer}; 1 GiB segments, {@link Durability#PAGE_CACHE}, background pre-touch on, hot index. Every
 * record also carries our 24-byte header (type, timestamp, sequence, CRC32C of header and payload).
 * <b>Chronicle Queue</b>: {@link ExcerptAppender#writeBytes(BytesStore)} of an off-heap store of the same size;
 * {@code LARGE_DAILY} roll cycle, default block size; its record header is 4 bytes and carries no checksum.
 *
 * <p>Each iteration appends into a fresh queue (created, with one record appended so files exist, in the
 * iteration's set-up; deleted in its tear-down) inside a temporary directory made per trial. Why per iteration: at
 * 0.5-2 GB/s of appends, a queue kept for a whole trial passes the kernel's dirty-page limits (20% of memory here)
 * within seconds and the benchmark then measures the virtual disk's write-back (about 0.2-0.4 GB/s), not the queue.
 * Deleting the files drops their dirty pages unwritten. Each iteration therefore writes into never-touched file pages,
 * the steady state of a real appender. {@code -Dbench.append.queue=trial} keeps one queue per trial instead (the
 * sustained, write-back-bound case).
 *
 * <p><b>Ours, recycling</b> ({@link #oursRecycling}): the steady state of a hot queue with retention. One queue for
 * the whole trial, 128 MiB segments (the hot profile's), retention keeping the newest two: the writer's helper
 * reuses the file of each segment retention lets go for a later segment (zeroed in memory), so after the first few
 * segments the writer appends into resident page-cache pages instead of new ones. The queue's size stays bounded
 * (about five segments with the prepared one and the spare), so its dirty pages stay far below the kernel's
 * write-back thresholds. Chronicle Queue has no size-bounded equivalent (its files roll by time and are deleted,
 * not reused); its per-iteration fresh queue above, whose dirty pages are dropped unwritten, is its best case.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {

    static final int TYPE = 7;
    static final long EPOCH = 1_767_225_600_000_000_000L; // 2026-01-01T00:00Z: no daily roll during a run
    /** {@code -Dbench.append.queue=trial}: keep one queue for the whole trial (sustained: write-back bound). */
    static final boolean QUEUE_PER_TRIAL = "trial".equals(System.getProperty("bench.append.queue", "iteration"));

    /** An off-heap payload of {@code size} bytes 0, 1, 2, ... */
    static UnsafeBuffer payloadOf(int size) {
        UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(size));
        for (int i = 0; i < size; i++) {
            payload.putByte(i, (byte) i);
        }
        return payload;
    }

    @State(Scope.Thread)
    public static class Ours {
        @Param({"64", "512"})
        int payloadSize;

        Path trialDir;
        Path dir;
        ChronicleQueue queue;
        QueueWriter writer;
        UnsafeBuffer payload;
        long timestamp = EPOCH;
        int iteration;

        @Setup(Level.Trial)
        public void trial() {
            trialDir = BenchDirs.create("ours-append-");
            payload = payloadOf(payloadSize);
        }

        @Setup(Level.Iteration)
        public void open() {
            if (queue != null) {
                return; // -Dbench.append.queue=trial: one queue for the whole trial
            }
            dir = trialDir.resolve("q" + iteration++);
            queue = ChronicleQueue.open(dir, QueueOptions.hotIpc()
                    .withSegmentSize(QueueOptions.MAX_SEGMENT_SIZE)
                    .withDurability(Durability.PAGE_CACHE)
                    .withPretouch(true));
            writer = queue.createWriter();
            long seq = writer.append(TYPE, timestamp++, payload, 0, payloadSize);
            if (seq < 0) {
                throw new IllegalStateException("append failed with status " + seq);
            }
        }

        @TearDown(Level.Iteration)
        public void iterationEnd() {
            if (!QUEUE_PER_TRIAL) {
                close();
            }
        }

        void close() {
            long records = writer.nextSequence();
            writer.close();
            queue.close();
            if (Boolean.getBoolean("bench.verify")) {
                verify(dir, records, payloadSize);
            }
            BenchDirs.delete(dir);
            queue = null;
        }

        @TearDown(Level.Trial)
        public void deleteTrial() {
            if (queue != null) {
                close();
            }
            BenchDirs.delete(trialDir);
        }

        private static void verify(Path dir, long records, int payloadSize) {
            try (ChronicleQueue q = ChronicleQueue.openExisting(dir);
                 var reader = q.createReader(StartPosition.earliest())) {
                long[] seen = new long[1];
                while (reader.poll((type, sequence, ts, buffer, offset, length) -> {
                    if (length != payloadSize || type != TYPE) {
                        throw new IllegalStateException("bad record " + sequence);
                    }
                    seen[0]++;
                }, 4096) > 0) {
                    // drain
                }
                System.out.println("[verify] ours: " + seen[0] + " records read back of " + records);
            }
        }
    }

    @State(Scope.Thread)
    public static class OursRecycling {
        /** Segments kept by retention. */
        static final int KEEP = 2;

        @Param({"64", "512"})
        int payloadSize;

        Path dir;
        ChronicleQueue queue;
        QueueWriter writer;
        UnsafeBuffer payload;
        long timestamp = EPOCH;

        @Setup(Level.Trial)
        public void open() {
            dir = BenchDirs.create("ours-recycling-");
            payload = payloadOf(payloadSize);
            queue = ChronicleQueue.open(dir, QueueOptions.hotIpc()
                    .withDurability(Durability.PAGE_CACHE)
                    .withRetention(RetentionPolicy.keepSegments(KEEP))
                    .withRecycleSegments(true));
            writer = queue.createWriter();
        }

        @TearDown(Level.Iteration)
        public void report() throws java.io.IOException {
            if (Boolean.getBoolean("bench.verify")) {
                try (var files = java.nio.file.Files.list(dir)) {
                    System.out.println("[verify] files in the queue: " + files.map(p -> p.getFileName().toString())
                            .sorted().toList() + ", writer at segment " + writer.segmentIndex());
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            writer.close();
            queue.close();
            BenchDirs.delete(dir);
        }
    }

    @State(Scope.Thread)
    public static class Cq {
        @Param({"64", "512"})
        int payloadSize;

        Path trialDir;
        Path dir;
        SingleChronicleQueue queue;
        ExcerptAppender appender;
        BytesStore<?, Void> payload;
        int iteration;

        @Setup(Level.Trial)
        public void trial() {
            trialDir = BenchDirs.create("cq-append-");
            payload = BytesStore.nativeStoreWithFixedCapacity(payloadSize);
            for (int i = 0; i < payloadSize; i++) {
                payload.writeByte(i, (byte) i);
            }
        }

        @Setup(Level.Iteration)
        public void open() {
            if (queue != null) {
                return; // -Dbench.append.queue=trial: one queue for the whole trial
            }
            dir = trialDir.resolve("q" + iteration++);
            queue = SingleChronicleQueueBuilder.single(dir.toFile()).rollCycle(LargeRollCycles.LARGE_DAILY).build();
            appender = queue.createAppender();
            appender.singleThreadedCheckDisabled(true);
            appender.writeBytes(payload);
        }

        @TearDown(Level.Iteration)
        public void iterationEnd() {
            if (!QUEUE_PER_TRIAL) {
                close();
            }
        }

        void close() {
            appender.close();
            if (Boolean.getBoolean("bench.verify")) {
                verify(queue, payloadSize);
            }
            queue.close();
            BenchDirs.delete(dir);
            queue = null;
        }

        @TearDown(Level.Trial)
        public void deleteTrial() {
            if (queue != null) {
                close();
            }
            payload.releaseLast();
            BenchDirs.delete(trialDir);
        }

        private static void verify(SingleChronicleQueue queue, int payloadSize) {
            long n = 0;
            try (ExcerptTailer tailer = queue.createTailer()) {
                while (true) {
                    try (DocumentContext dc = tailer.readingDocument()) {
                        if (!dc.isPresent()) {
                            break;
                        }
                        if (dc.wire().bytes().readRemaining() != payloadSize) {
                            throw new IllegalStateException("bad record of " + dc.wire().bytes().readRemaining());
                        }
                        n++;
                    }
                }
            }
            System.out.println("[verify] chronicle queue: " + n + " records read back");
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long ours(Ours s) {
        return s.writer.append(TYPE, s.timestamp++, s.payload, 0, s.payloadSize);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long oursRecycling(OursRecycling s) {
        return s.writer.append(TYPE, s.timestamp++, s.payload, 0, s.payloadSize);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.CQ_1,
            JvmFlags.CQ_2, JvmFlags.CQ_3, JvmFlags.CQ_4, JvmFlags.CQ_5, JvmFlags.CQ_6, JvmFlags.CQ_7, JvmFlags.CQ_8,
            JvmFlags.CQ_9, JvmFlags.CQ_10, JvmFlags.CQ_11, JvmFlags.CQ_12, JvmFlags.CQ_13, JvmFlags.CQ_14})
    public void chronicleQueue(Cq s) {
        s.appender.writeBytes(s.payload);
    }
}
