package chronicle.benchmarks;

import chronicle.core.api.QueueWriter;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
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

import java.util.concurrent.TimeUnit;

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
    public abstract static class Pinger extends OneWayReader {
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
            joinReader();
            System.out.println();
            System.out.println("[latency] " + total.summary(label));
        }
    }

    @State(Scope.Thread)
    public static class Ours extends Pinger {
        /** The writer's background pre-touch thread (wakes every millisecond); {@code -p pretouch=false} to compare. */
        @Param({"true"})
        boolean pretouch;

        LatencyQueues.Ours queues;
        QueueWriter writer;
        UnsafeBuffer payload;
        long timestamp = AppendBenchmark.EPOCH;

        @Setup(Level.Trial)
        public void setup() {
            queues = new LatencyQueues.Ours("ours-ping-", pretouch, PAYLOAD);
            writer = queues.writer;
            payload = queues.payload;
            startReader("ours-reader", queues.readerLoop(() -> running, this::delivered));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            stopReader("ours");
            queues.close();
        }
    }

    @State(Scope.Thread)
    public static class Cq extends Pinger {
        LatencyQueues.Cq queues;
        ExcerptAppender appender;
        BytesStore<?, Void> payload;

        @Setup(Level.Trial)
        public void setup() {
            queues = new LatencyQueues.Cq("cq-ping-", PAYLOAD);
            appender = queues.appender;
            payload = queues.payload;
            startReader("cq-reader", queues.readerLoop(() -> running, this::delivered));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            stopReader("chronicle queue");
            queues.close();
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
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
