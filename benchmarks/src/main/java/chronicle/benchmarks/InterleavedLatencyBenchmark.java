package chronicle.benchmarks;

import chronicle.core.api.QueueWriter;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * One-way latency at a paced rate, ours and Chronicle Queue <b>interleaved in one JVM</b>: the writer sends
 * {@link #BLOCK_MILLIS} ms of records to one queue, then the same to the other, and so on, and one reader thread
 * busy-polls whichever queue is on. Both systems therefore see the same machine, moment by moment.
 *
 * <p>Why: on these VMs the hand-off between the writer's and the reader's vCPU has a fast mode (about 0.1-0.3 us)
 * and a slow one (0.4-1 us) that changes from one trial to the next, whatever the queue (see docs/BENCHMARKS.md);
 * in {@link PacedLatencyBenchmark} each system runs in its own fork, minutes apart, and the verdict depends on which
 * mode each happened to get. Here a change of mode affects both alike.
 *
 * <p>Otherwise as {@link PacedLatencyBenchmark}: 64-byte payloads whose first 8 bytes are the send time, a writer
 * that keeps its schedule ({@link PacedSchedule}: no burst to catch up more than 1 ms), latency
 * recorded during measurement iterations only, the same queue set-up ({@link LatencyQueues}). At each switch the
 * writer waits until the reader has delivered everything sent to the queue it leaves (a few microseconds), then the
 * schedule restarts on the other queue. The JVM gets both systems' flags. The percentiles per system are printed at
 * the end of the trial as {@code [interleaved]} lines; the JMH score is the rate achieved (records/s, both queues).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class InterleavedLatencyBenchmark {

    static final int PAYLOAD = 64;
    /** How long each queue gets before the writer switches to the other. */
    static final long BLOCK_MILLIS = 10;
    static final int OURS = 0;
    static final int CQ = 1;

    /** Both queues, the pacing, the switching and the reader thread. */
    @State(Scope.Thread)
    public static class Both {
        /** Records per second. */
        @Param({"100000", "1000000"})
        int rate;

        LatencyQueues.Ours ours;
        LatencyQueues.Cq cq;
        QueueWriter writer;
        UnsafeBuffer oursPayload;
        ExcerptAppender appender;
        BytesStore<?, Void> cqPayload;
        long timestamp = AppendBenchmark.EPOCH;

        /** The queue the writer sends to and the reader polls: {@link #OURS} or {@link #CQ}. */
        volatile int active = OURS;
        volatile boolean running = true;
        volatile boolean recording;
        final AtomicLong seen = new AtomicLong();
        long sent;
        final LatencyHistogram[] iteration = {new LatencyHistogram(), new LatencyHistogram()};
        final LatencyHistogram[] total = {new LatencyHistogram(), new LatencyHistogram()};
        final long[] blocks = new long[2];
        PacedSchedule schedule;
        long blockRecords;
        long leftInBlock;
        private Thread reader;

        @Setup(Level.Trial)
        public void setup() {
            ours = new LatencyQueues.Ours("ours-interleaved-", true, PAYLOAD);
            cq = new LatencyQueues.Cq("cq-interleaved-", PAYLOAD);
            writer = ours.writer;
            oursPayload = ours.payload;
            appender = cq.appender;
            cqPayload = cq.payload;
            schedule = new PacedSchedule(rate);
            blockRecords = Math.max(1, rate * BLOCK_MILLIS / 1000);
            leftInBlock = blockRecords;
            Pinning.writer();
            reader = Thread.ofPlatform().daemon().name("interleaved-reader").start(() -> {
                Pinning.reader();
                readLoop();
            });
        }

        /** The reader thread: polls the active queue only, so that neither system pays for polling the other. */
        private void readLoop() {
            try (LatencyQueues.Poller fromOurs = ours.poller(sent -> delivered(OURS, sent));
                 LatencyQueues.Poller fromCq = cq.poller(sent -> delivered(CQ, sent))) {
                while (running) {
                    boolean got = active == OURS ? fromOurs.poll() : fromCq.poll();
                    if (!got) {
                        Thread.onSpinWait();
                    }
                }
            }
        }

        private void delivered(int system, long sentNanos) {
            long latency = System.nanoTime() - sentNanos;
            if (recording) {
                iteration[system].record(latency);
            }
            seen.setRelease(seen.getPlain() + 1);
        }

        /**
         * Spins until the next scheduled send, switching queues at the end of a block.
         *
         * @return the send time: the stamp to write into the payload.
         */
        long pace() {
            if (leftInBlock-- == 0) {
                OneWayReader.awaitDelivered(seen, sent);
                blocks[active]++;
                active = 1 - active;
                leftInBlock = blockRecords - 1;
                schedule.restart();
            }
            long now = schedule.awaitNext();
            sent++;
            return now;
        }

        @Setup(Level.Iteration)
        public void iterationStart(IterationParams params) {
            OneWayReader.awaitDelivered(seen, sent);
            iteration[OURS].reset();
            iteration[CQ].reset();
            recording = params.getType() == IterationType.MEASUREMENT;
            schedule.restart();
        }

        @TearDown(Level.Iteration)
        public void iterationEnd() {
            OneWayReader.awaitDelivered(seen, sent);
            if (recording) {
                recording = false;
                total[OURS].add(iteration[OURS]);
                total[CQ].add(iteration[CQ]);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            running = false;
            reader.join(10_000);
            System.out.println();
            print("ours", total[OURS]);
            print("chronicle queue", total[CQ]);
            System.out.printf(Locale.ROOT, "[interleaved] @%d/s: %d blocks of %d ms each (ours %d, chronicle queue "
                    + "%d), resyncs=%d; ours / chronicle queue: p50 %.2f, p90 %.2f%n", rate, blocks[OURS] + blocks[CQ],
                    BLOCK_MILLIS, blocks[OURS], blocks[CQ], schedule.resyncs,
                    (double) total[OURS].percentile(0.5) / total[CQ].percentile(0.5),
                    (double) total[OURS].percentile(0.9) / total[CQ].percentile(0.9));
            ours.close();
            cq.close();
        }

        private void print(String label, LatencyHistogram h) {
            System.out.printf(Locale.ROOT, "[interleaved] %s @%d/s: p50 %.3f us, p90 %.3f us, p99 %.3f us, "
                    + "p99.9 %.3f us (%d records)%n", label, rate, h.percentile(0.5) / 1e3, h.percentile(0.9) / 1e3,
                    h.percentile(0.99) / 1e3, h.percentile(0.999) / 1e3, h.count());
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.AGRONA_UNSAFE,
            JvmFlags.CQ_1, JvmFlags.CQ_2, JvmFlags.CQ_3, JvmFlags.CQ_4, JvmFlags.CQ_5, JvmFlags.CQ_6, JvmFlags.CQ_7,
            JvmFlags.CQ_8, JvmFlags.CQ_9, JvmFlags.CQ_10, JvmFlags.CQ_11, JvmFlags.CQ_12, JvmFlags.CQ_13,
            JvmFlags.CQ_14, JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long interleaved(Both s) {
        long stamp = s.pace();
        if (s.active == OURS) {
            s.oursPayload.putLong(0, stamp);
            return s.writer.append(AppendBenchmark.TYPE, s.timestamp++, s.oursPayload, 0, PAYLOAD);
        }
        s.cqPayload.writeLong(0, stamp);
        s.appender.writeBytes(s.cqPayload);
        return s.sent;
    }
}
