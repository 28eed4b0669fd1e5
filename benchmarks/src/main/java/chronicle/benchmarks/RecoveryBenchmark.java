package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Crash recovery (ours only): the time to open a writer, {@code ChronicleQueue.open(dir, options)} plus
 * {@code createWriter()}, on a queue of about 1 GiB whose previous writer was killed with SIGKILL in the middle of a
 * segment. Opening the writer takes over the dead writer's lock and recovers the tail: it finds the last good record
 * of the unsealed segment (from the last index entry written, checking CRCs), zeroes what follows, adds the missing
 * index entries, seals the segment and starts a new one.
 *
 * <p>Each iteration (set-up, not timed) starts a child JVM ({@link KilledWriter}, the same {@code java} and class
 * path as the fork) that appends 64-byte records ({@code QueueOptions.hotIpc().withSegmentSize(segmentSize)}) until
 * 1 GiB of segments are full and the next one is half full, prints {@code READY}, and keeps appending at about 1
 * record per microsecond. The benchmark waits 1-10 ms (random), kills it ({@code Process.destroyForcibly()}:
 * SIGKILL, so no close, no seal, index entries still pending in the writer lost) and waits for it to exit. The
 * queue's pages stay in the page cache (a process crash, not a power loss or a reboot). The benchmark method is the
 * timed open; the tear-down closes the writer and deletes the queue. {@code Mode.SingleShotTime}: the first warm-up
 * iteration is the cold-JVM case (a real restart recovers once, in a fresh JVM); the measured ones are warm.
 *
 * <p>{@code segmentSize}: 128 MiB (the hot profile: 8 sealed segments + half of the 9th, 1.06 GiB) and 1 GiB (the
 * largest: 1 sealed + half of the 2nd, 1.5 GiB: recovery walks and zeroes within a 1 GiB mapping).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@State(Scope.Thread)
public class RecoveryBenchmark {

    static final long QUEUE_BYTES = 1L << 30;
    static final int RECORD_BYTES = 88; // 24-byte header + 64-byte payload, 8-byte aligned

    @Param({"134217728", "1073741824"})
    int segmentSize;

    Path trialDir;
    Path dir;
    ChronicleQueue queue;
    QueueWriter writer;
    int iteration;
    long readySequence;
    long killedAfterMicros;

    @Setup(Level.Trial)
    public void trial() {
        QuietLogs.warningsOnly();
        trialDir = BenchDirs.create("ours-recovery-");
    }

    @Setup(Level.Iteration)
    public void crashAWriter() throws IOException, InterruptedException {
        dir = trialDir.resolve("q" + iteration++);
        long records = (QUEUE_BYTES + segmentSize / 2) / RECORD_BYTES;
        Process child = ChildJvms.start(List.of(JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS, "-Xmx256m"),
                KilledWriter.class, dir.toString(), Integer.toString(segmentSize), Long.toString(records));
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY ")) {
            child.destroyForcibly().waitFor();
            throw new IllegalStateException("child writer did not get ready: " + line);
        }
        readySequence = Long.parseLong(line.substring(6).trim());
        long t0 = System.nanoTime();
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000, 10_000_000));
        child.destroyForcibly();
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child writer did not die");
        }
        killedAfterMicros = (System.nanoTime() - t0) / 1000;
        if (child.exitValue() != 137) {
            throw new IllegalStateException("child writer exited with " + child.exitValue() + ", not by SIGKILL");
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long openWriter() {
        queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(segmentSize));
        writer = queue.createWriter();
        return writer.nextSequence();
    }

    @TearDown(Level.Iteration)
    public void iterationEnd() {
        long next = writer.nextSequence();
        writer.close();
        queue.close();
        System.out.printf(Locale.ROOT, "%n[recovery] killed %d us after READY at sequence %d; recovered: next "
                + "sequence %d (%d records after READY), now in segment %d%n", killedAfterMicros, readySequence,
                next, next - readySequence, writer.segmentIndex());
        if (next < readySequence) {
            throw new IllegalStateException("recovered fewer records than the child had appended");
        }
        BenchDirs.delete(dir);
    }

    @TearDown(Level.Trial)
    public void deleteTrial() {
        BenchDirs.delete(trialDir);
    }

    /** The child JVM: appends, reports READY, keeps appending slowly until it is killed. */
    public static final class KilledWriter {

        private KilledWriter() {
        }

        /**
         * @param args queue directory, segment size, records to append before READY.
         */
        public static void main(String[] args) {
            Path dir = Paths.get(args[0]);
            int segmentSize = Integer.parseInt(args[1]);
            long records = Long.parseLong(args[2]);
            ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(segmentSize));
            QueueWriter writer = queue.createWriter();
            UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
            long k = 0;
            for (; k < records; k++) {
                payload.putLong(0, k);
                writer.append(AppendBenchmark.TYPE, AppendBenchmark.EPOCH + k, payload, 0, 64);
            }
            System.out.println("READY " + writer.nextSequence());
            System.out.flush();
            // Keep writing (about one record per microsecond, at most 1 s) so that the kill lands mid-append.
            long next = System.nanoTime();
            for (int i = 0; i < 1_000_000; i++, k++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += 1000;
                payload.putLong(0, k);
                writer.append(AppendBenchmark.TYPE, AppendBenchmark.EPOCH + k, payload, 0, 64);
            }
            LockSupport.park(); // never closes: only SIGKILL ends it
        }
    }
}
