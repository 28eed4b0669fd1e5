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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Cross-process wake-up of a parked reader: how long after a commit a reader in another JVM, which had nothing to
 * read and went to sleep instead of burning a core, has the record.
 *
 * <p>The JMH thread is the writer: one invocation sleeps 1 ms (long enough for the reader to run
 * through its spins and yields and park), stores {@code System.nanoTime()} in the payload and appends one record.
 * The reader is a child JVM ({@link WakeUpReaderMain}) that follows the queue and records, for the records sent
 * during measurement iterations, its {@code System.nanoTime()} at delivery minus the send time (the same monotonic
 * clock in both processes). Its percentiles are printed at the end of the trial as a {@code [wake-up]} line; the JMH
 * score is only the rate of records sent.
 *
 * <p>Ways of waiting ({@code waiting}): ours with {@code futex} ({@code ReaderIdleStrategy}: spin, yield, then sleep
 * on the queue's futex word, which the writer wakes after its commit) and with {@code backoff} (Agrona's
 * {@code BackoffIdleStrategy} with its defaults: spin, yield, then park 1 us doubling up to 1 ms: the floor
 * a polling reader sets); Chronicle Queue with {@code Pauser.balanced()} (busy, then sleeps growing to 20 ms), its
 * own way for a reader that should not hold a core. Payloads are 16 bytes: the send time (ours), or the record type
 * then the send time (Chronicle Queue, whose records carry no type).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class WakeUpLatencyBenchmark {

    static final int PAYLOAD = 16;
    /** Pause before each record: long enough for every way of waiting here to park. */
    static final long GAP_NANOS = 1_000_000;

    /** The writer's side of the child reader: its pacing, its record type and the child process. */
    public abstract static class Parked {
        int type = WakeUpReaderMain.WARMUP;
        private Process child;
        private BufferedReader childOutput;

        /** Sleeps the gap. @return the send time, to write into the payload. */
        final long pause() {
            LockSupport.parkNanos(GAP_NANOS);
            return System.nanoTime();
        }

        /**
         * Starts the reader process and waits until it follows the queue.
         *
         * @param dir     the queue.
         * @param waiting how it waits ({@link WakeUpReaderMain}'s second argument).
         * @param flags   its JVM flags.
         */
        final void startReader(Path dir, String waiting, List<String> flags) {
            try {
                child = ChildJvms.start(flags, WakeUpReaderMain.class, dir.toString(), waiting);
                childOutput = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String line = childOutput.readLine();
                if (!"ready".equals(line)) {
                    child.destroyForcibly();
                    throw new IllegalStateException("reader process did not start: " + line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Setup(Level.Iteration)
        public void iterationStart(IterationParams params) {
            type = params.getType() == IterationType.MEASUREMENT ? WakeUpReaderMain.MEASURED : WakeUpReaderMain.WARMUP;
        }

        /**
         * Sends the stop record (through {@code send}), then prints what the reader measured and waits for it.
         *
         * @param label the system and its way of waiting.
         * @param send  appends one record of type {@link #type}.
         */
        final void stopReader(String label, Runnable send) throws IOException, InterruptedException {
            type = WakeUpReaderMain.STOP;
            send.run();
            String line = childOutput.readLine();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            if (line == null || !line.startsWith("result ")) {
                throw new IllegalStateException("reader process ended without a result: " + line);
            }
            String[] f = line.split(" ");
            System.out.println();
            System.out.printf(Locale.ROOT,
                    "[wake-up] %s, gap %d us: p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us (%s records)%n",
                    label, GAP_NANOS / 1000, Long.parseLong(f[1]) / 1e3, Long.parseLong(f[2]) / 1e3,
                    Long.parseLong(f[3]) / 1e3, Long.parseLong(f[4]) / 1e3, f[5]);
        }
    }

    @State(Scope.Thread)
    public static class Ours extends Parked {
        /** How the reader process waits. */
        @Param({"futex", "backoff"})
        String waiting;

        LatencyQueues.Ours queues;
        QueueWriter writer;
        UnsafeBuffer payload;

        @Setup(Level.Trial)
        public void setup() {
            queues = new LatencyQueues.Ours("ours-wakeup-", true, PAYLOAD);
            writer = queues.writer;
            payload = queues.payload;
            startReader(queues.dir, waiting, JvmFlags.oursChild());
        }

        long send() {
            payload.putLong(0, pause());
            return writer.append(type, AppendBenchmark.EPOCH, payload, 0, PAYLOAD);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException, InterruptedException {
            stopReader("ours, " + waiting, this::send);
            queues.close();
        }
    }

    @State(Scope.Thread)
    public static class Cq extends Parked {
        LatencyQueues.Cq queues;
        ExcerptAppender appender;
        BytesStore<?, Void> payload;

        @Setup(Level.Trial)
        public void setup() {
            queues = new LatencyQueues.Cq("cq-wakeup-", PAYLOAD);
            appender = queues.appender;
            payload = queues.payload;
            startReader(queues.dir, "cq-balanced", JvmFlags.chronicleQueueChild());
        }

        void send() {
            payload.writeInt(0, type);
            payload.writeLong(8, pause());
            appender.writeBytes(payload);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException, InterruptedException {
            stopReader("chronicle queue, Pauser.balanced()", this::send);
            queues.close();
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.JMH_UNSAFE, JvmFlags.AGRONA_UNSAFE,
            JvmFlags.NATIVE_ACCESS, JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long ours(Ours s) {
        return s.send();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.CQ_1, JvmFlags.CQ_2, JvmFlags.CQ_3,
            JvmFlags.CQ_4, JvmFlags.CQ_5, JvmFlags.CQ_6, JvmFlags.CQ_7, JvmFlags.CQ_8, JvmFlags.CQ_9, JvmFlags.CQ_10,
            JvmFlags.CQ_11, JvmFlags.CQ_12, JvmFlags.CQ_13, JvmFlags.CQ_14})
    public int chronicleQueue(Cq s) {
        s.send();
        return s.type;
    }
}
