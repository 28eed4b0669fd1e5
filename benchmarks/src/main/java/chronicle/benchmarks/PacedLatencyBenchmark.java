package chronicle.benchmarks;

import chronicle.core.api.HelperMode;
import chronicle.core.api.QueueWriter;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import org.agrona.concurrent.AgentInvoker;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One-way latency at a paced rate, 64-byte payloads: the writer sends {@code rate} records per second, a reader
 * thread busy-polls them. Unlike {@link PingLatencyBenchmark} (one record in flight, the writer waits for the
 * reader), the writer never waits for the reader: it keeps its schedule, as a market-data feed does.
 *
 * <p>The JMH benchmark thread is the writer; one invocation is one record: spin until the record's scheduled time
 * ({@code start + k / rate}), store {@code System.nanoTime()} in the first 8 bytes of the payload, append. A second
 * platform thread, started in the trial set-up, busy-polls a reader with no idle strategy (ours:
 * {@link QueueReader#poll}; Chronicle Queue: {@code tailer.readingDocument()}) and records {@code System.nanoTime()
 * - stamp} into a {@link LatencyHistogram} during measurement iterations only; the percentiles are printed at the
 * end of the trial as a {@code [paced] ... one-way latency} line. The JMH score (ops/s) is the rate the writer
 * actually achieved: it should equal {@code rate}.
 *
 * <p>Schedule ({@link PacedSchedule}): the writer does not burst to catch up a backlog longer than
 * {@link PacedSchedule#MAX_BACKLOG_NANOS} (after a stall, e.g. when the writer thread was descheduled): it drops the
 * backlog and counts a "resync" (printed). The
 * stamp is the actual send time, so the latency does not include the writer's own lateness (no coordinated-omission
 * correction); stalls of the writer show as resyncs and a lower achieved rate, stalls of the reader as latency.
 *
 * <p>Both threads spin, each pinned to its own CPU ({@link Pinning}: the writer on the first, the reader on the
 * second), for both systems alike; other work (JIT, GC, a writer's helper thread, other processes) pre-empts one of
 * them and the tail shows the scheduler. Ours: 1 GiB segments, {@link Durability#PAGE_CACHE}, pre-touch on
 * ({@code -p pretouch=false} to compare), the writer's helper duties either run by the writer between sends
 * ({@code helperMode=invoker}) or on a dedicated thread ({@code helperMode=thread}); Chronicle Queue:
 * {@code LARGE_DAILY}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class PacedLatencyBenchmark {

    static final int PAYLOAD = 64;

    /** The pacing and what the reader thread shares with the writer. */
    public abstract static class Paced extends OneWayReader {
        PacedSchedule schedule;
        long measuredResyncs;

        /** @return records per second (the {@code rate} parameter of the subclass's state). */
        abstract int rate();

        /** The writer's helper invoker, or null: then the writer spins while it waits. */
        AgentInvoker helper;

        /** Waits until the next scheduled send. @return the send time: the stamp to write into the payload. */
        final long pace() {
            long now = schedule.awaitNext(helper);
            sent++;
            return now;
        }

        @Override
        final void startReader(String name, Runnable loop) {
            schedule = new PacedSchedule(rate());
            super.startReader(name, loop);
        }

        @Setup(Level.Iteration)
        public void iterationStart(IterationParams params) {
            awaitDelivered(seen, sent);
            oneWay.reset();
            recording = params.getType() == IterationType.MEASUREMENT;
            schedule.resyncs = 0;
            schedule.restart();
        }

        @TearDown(Level.Iteration)
        public void iterationEnd() {
            awaitDelivered(seen, sent);
            if (recording) {
                recording = false;
                total.add(oneWay);
                measuredResyncs += schedule.resyncs;
            }
        }

        final void stopReader(String label) throws InterruptedException {
            joinReader();
            System.out.println();
            System.out.println("[paced] " + total.summary(label + " @" + rate() + "/s")
                    + " resyncs=" + measuredResyncs);
            System.out.printf(Locale.ROOT, "[paced] %s @%d/s: p50 %.3f us, p90 %.3f us, p99 %.3f us, p99.9 %.3f us%n",
                    label, rate(), total.percentile(0.5) / 1e3, total.percentile(0.9) / 1e3,
                    total.percentile(0.99) / 1e3, total.percentile(0.999) / 1e3);
        }
    }

    @State(Scope.Thread)
    public static class Ours extends Paced {
        /** Records per second. */
        @Param({"100000", "1000000"})
        int rate;

        /** The writer's pre-touch; {@code -p pretouch=false} to compare. */
        @Param({"true"})
        boolean pretouch;

        /**
         * Where the writer's helper duties run: {@code invoker}, from the writer's own thread while it waits for the
         * next send (no third thread); {@code thread}, a dedicated thread (a third runnable thread on 2 cores).
         */
        @Param({"invoker", "thread"})
        String helperMode;

        @Override
        int rate() {
            return rate;
        }

        LatencyQueues.Ours queues;
        QueueWriter writer;
        UnsafeBuffer payload;
        long timestamp = AppendBenchmark.EPOCH;

        @Setup(Level.Trial)
        public void setup() {
            HelperMode mode = HelperMode.valueOf(helperMode.toUpperCase(Locale.ROOT));
            queues = new LatencyQueues.Ours("ours-paced-", pretouch, mode, PAYLOAD);
            writer = queues.writer;
            helper = mode == HelperMode.INVOKER ? writer.helperInvoker() : null;
            payload = queues.payload;
            startReader("ours-reader", queues.readerLoop(() -> running, this::delivered));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            stopReader("ours (" + helperMode + (pretouch ? "" : ", pretouch off") + ")");
            queues.close();
        }
    }

    @State(Scope.Thread)
    public static class Cq extends Paced {
        /** Records per second. */
        @Param({"100000", "1000000"})
        int rate;

        @Override
        int rate() {
            return rate;
        }

        LatencyQueues.Cq queues;
        ExcerptAppender appender;
        BytesStore<?, Void> payload;

        @Setup(Level.Trial)
        public void setup() {
            queues = new LatencyQueues.Cq("cq-paced-", PAYLOAD);
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
        s.payload.putLong(0, s.pace());
        return s.writer.append(AppendBenchmark.TYPE, s.timestamp++, s.payload, 0, PAYLOAD);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.CQ_1,
            JvmFlags.CQ_2, JvmFlags.CQ_3, JvmFlags.CQ_4, JvmFlags.CQ_5, JvmFlags.CQ_6, JvmFlags.CQ_7, JvmFlags.CQ_8,
            JvmFlags.CQ_9, JvmFlags.CQ_10, JvmFlags.CQ_11, JvmFlags.CQ_12, JvmFlags.CQ_13, JvmFlags.CQ_14})
    public long chronicleQueue(Cq s) {
        s.payload.writeLong(0, s.pace());
        s.appender.writeBytes(s.payload);
        return s.sent;
    }
}
