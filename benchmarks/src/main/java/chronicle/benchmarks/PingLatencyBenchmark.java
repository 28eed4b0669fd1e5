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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writer-to-reader latency in one process, 64-byte payloads, one record in flight at a time.
 *
 * <p>The JMH benchmark thread is the writer. A second thread, started in the trial's set-up, busy-polls a reader
 * (ours: {@link QueueReader#poll}; Chronicle Queue: {@code tailer.readingDocument()}) with no idle strategy.
 * One invocation: the writer stores {@code System.nanoTime()} in the first 8 bytes of the payload, appends the
 * record, then spins until the reader thread has published (a release store of a counter) that it has seen that
 * record. So the JMH {@code SampleTime} figure is a <b>round trip</b>: append + cache-line hand-off to the reader +
 * the reader's poll + hand-off of the counter back to the writer (a second cache-line transfer, roughly 50-100 ns
 * on this machine). The <b>one-way</b> latency (reader's {@code System.nanoTime()} at delivery minus the writer's
 * timestamp in the payload: append + hand-off + poll) is recorded by the reader thread into a histogram during
 * measurement iterations only, and printed at the end of the trial as a {@code one-way latency} line.
 *
 * <p>Both threads spin, so on a 2-core machine they occupy both cores: anything else that runs (JIT, GC, the
 * writer's pre-touch thread, other processes) pre-empts one of them, and the tail percentiles show the scheduler.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PingLatencyBenchmark {

    static final int PAYLOAD = 64;

    /** What the reader thread shares with the writer. */
    public abstract static class Pinger {
        final AtomicLong seen = new AtomicLong();
        final LatencyHistogram oneWay = new LatencyHistogram();
        final LatencyHistogram total = new LatencyHistogram();
        volatile boolean recording;
        volatile boolean running = true;
        long sent;
        Thread readerThread;

        /** Called on the reader thread for each record: must store {@code seen} after recording. */
        final void delivered(long sentNanos) {
            long latency = System.nanoTime() - sentNanos;
            if (recording) {
                oneWay.record(latency);
            }
            seen.setRelease(seen.getPlain() + 1);
        }

        final void startReader(String name, Runnable loop) {
            readerThread = Thread.ofPlatform().daemon().name(name).start(loop);
        }

        final void await(long count) {
            while (seen.getAcquire() < count) {
                Thread.onSpinWait();
            }
        }

        @Setup(Level.Iteration)
        public void iterationStart(IterationParams params) {
            // No record is in flight between invocations, so the reader thread is not touching the histogram.
            oneWay.reset();
            recording = params.getType() == IterationType.MEASUREMENT;
        }

        @TearDown(Level.Iteration)
        public void iterationEnd() {
            if (recording) {
                recording = false;
                mergeInto(total);
            }
        }

        private void mergeInto(LatencyHistogram target) {
            target.add(oneWay);
        }

        final void stopReader(String label) throws InterruptedException {
            running = false;
            readerThread.join(10_000);
            System.out.println();
            System.out.println("[latency] " + total.summary(label));
        }
    }

    @State(Scope.Thread)
    public static class Ours extends Pinger implements RecordHandler {
        /** The writer's background pre-touch thread (wakes every millisecond); {@code -p pretouch=false} to compare. */
        @Param({"true"})
        boolean pretouch;

        Path dir;
        ChronicleQueue queue;
        QueueWriter writer;
        UnsafeBuffer payload;
        long timestamp = AppendBenchmark.EPOCH;

        @Setup(Level.Trial)
        public void setup() {
            dir = BenchDirs.create("ours-ping-");
            queue = ChronicleQueue.open(dir, QueueOptions.hotIpc()
                    .withSegmentSize(QueueOptions.MAX_SEGMENT_SIZE)
                    .withDurability(Durability.PAGE_CACHE)
                    .withPretouch(pretouch));
            writer = queue.createWriter();
            payload = new UnsafeBuffer(ByteBuffer.allocateDirect(PAYLOAD));
            QueueReader reader = queue.createReader(StartPosition.earliest());
            startReader("ours-reader", () -> {
                try (reader) {
                    while (running) {
                        if (reader.poll(this, 16) == 0) {
                            Thread.onSpinWait();
                        }
                    }
                }
            });
        }

        @Override
        public void onRecord(int type, long sequence, long ts, DirectBuffer buffer, int offset, int length) {
            delivered(buffer.getLong(offset));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            stopReader("ours");
            writer.close();
            queue.close();
            BenchDirs.delete(dir);
        }
    }

    @State(Scope.Thread)
    public static class Cq extends Pinger {
        Path dir;
        SingleChronicleQueue queue;
        ExcerptAppender appender;
        BytesStore<?, Void> payload;

        @Setup(Level.Trial)
        public void setup() {
            dir = BenchDirs.create("cq-ping-");
            queue = SingleChronicleQueueBuilder.single(dir.toFile()).rollCycle(LargeRollCycles.LARGE_DAILY).build();
            appender = queue.createAppender();
            appender.singleThreadedCheckDisabled(true);
            payload = BytesStore.nativeStoreWithFixedCapacity(PAYLOAD);
            startReader("cq-reader", () -> {
                try (ExcerptTailer tailer = queue.createTailer()) {
                    while (running) {
                        boolean present;
                        try (DocumentContext dc = tailer.readingDocument()) {
                            present = dc.isPresent();
                            if (present) {
                                Bytes<?> bytes = dc.wire().bytes();
                                delivered(bytes.readLong(bytes.readPosition()));
                            }
                        }
                        if (!present) {
                            Thread.onSpinWait();
                        }
                    }
                }
            });
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            stopReader("chronicle queue");
            appender.close();
            queue.close();
            payload.releaseLast();
            BenchDirs.delete(dir);
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS})
    public long ours(Ours s) {
        s.payload.putLong(0, System.nanoTime());
        long seq = s.writer.append(AppendBenchmark.TYPE, s.timestamp++, s.payload, 0, PAYLOAD);
        s.await(++s.sent);
        return seq;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.CQ_1,
            JvmFlags.CQ_2, JvmFlags.CQ_3, JvmFlags.CQ_4, JvmFlags.CQ_5, JvmFlags.CQ_6, JvmFlags.CQ_7, JvmFlags.CQ_8,
            JvmFlags.CQ_9, JvmFlags.CQ_10, JvmFlags.CQ_11, JvmFlags.CQ_12, JvmFlags.CQ_13, JvmFlags.CQ_14})
    public long chronicleQueue(Cq s) {
        s.payload.writeLong(0, System.nanoTime());
        s.appender.writeBytes(s.payload);
        s.await(++s.sent);
        return s.sent;
    }
}
