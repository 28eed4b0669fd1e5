package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RetentionPolicy;
import chronicle.core.internal.journal.WriterHelper;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency of {@link QueueWriter#roll()} (ours only) on a hot-profile queue ({@link QueueOptions#hotIpc()}: 128 MiB
 * segments, page-cache durability, pre-touch on), with the next segment allocated ahead by the writer's background
 * thread.
 *
 * <p>Before each roll (in a {@code Level.Invocation} set-up, not timed) the writer appends {@link #APPENDS} records
 * of 64 bytes, then waits until the background thread has the next segment ready (allocated, mapped, its first
 * 32 MiB pre-touched; 13-20 ms here). The benchmark reads that through reflection ({@code QueueWriter.helper}
 * -> {@code WriterHelper.isPrepared}: the benchmarks run on the class path, so the module's private fields are
 * reachable); if it is not ready within 2 s the roll goes ahead anyway and counts as "not prepared" (printed at the
 * end of the trial as a {@code [roll]} line, with how many records were appended per roll). How the writer waits:
 * <ul>
 *   <li>{@code wait=append} (the default): it keeps appending 64-byte records at full speed until the segment is
 *       ready, like a busy writer whose segment fills;</li>
 *   <li>{@code wait=park}: it parks (50 us at a time): a writer that was idle before the roll. On this VM a thread
 *       coming off an idle vCPU runs system calls several times slower for a while (see docs/BENCHMARKS.md).</li>
 * </ul>
 *
 * <p>Which files the rolls get ({@code files}):
 * <ul>
 *   <li>{@code files=new} (the default): every segment is a new file. Segments sealed more than {@link #KEEP}
 *       rolls ago are deleted in the set-up (fallocated 128 MiB each; the hot profile keeps everything and would
 *       fill the disk at this roll rate);</li>
 *   <li>{@code files=recycled}: the queue's own retention keeps {@link #KEEP} segments and the helper reuses the
 *       files it lets go ({@link QueueOptions#recycleSegments()}): the steady state of a hot queue with
 *       retention.</li>
 * </ul>
 * Nothing reads the queue.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@State(Scope.Thread)
public class RollBenchmark {

    static final int PAYLOAD = 64;
    static final int APPENDS = 10_000;
    static final int KEEP = 3;

    /** How the writer waits for the helper thread before a roll: {@code append} or {@code park}. */
    @Param({"append"})
    String wait;

    /** Where the segments come from: {@code new} files or {@code recycled} ones. */
    @Param({"new"})
    String files;

    Path dir;
    ChronicleQueue queue;
    QueueWriter writer;
    UnsafeBuffer payload;
    WriterHelper helper;
    long timestamp = AppendBenchmark.EPOCH;
    long rolls;
    long notPrepared;
    long waitNanos;
    long appended;

    @Setup(Level.Trial)
    public void setup() throws ReflectiveOperationException {
        dir = BenchDirs.create("ours-roll-");
        QueueOptions options = switch (files) {
            case "new" -> QueueOptions.hotIpc();
            case "recycled" -> QueueOptions.hotIpc().withRetention(RetentionPolicy.keepSegments(KEEP));
            default -> throw new IllegalArgumentException("files must be new or recycled, got " + files);
        };
        queue = ChronicleQueue.open(dir, options);
        writer = queue.createWriter();
        payload = new UnsafeBuffer(ByteBuffer.allocateDirect(PAYLOAD));
        Field background = QueueWriter.class.getDeclaredField("helper");
        background.setAccessible(true);
        helper = (WriterHelper) background.get(writer);
    }

    @Setup(Level.Invocation)
    public void beforeRoll() {
        for (int i = 0; i < APPENDS; i++) {
            payload.putLong(0, i);
            if (writer.append(AppendBenchmark.TYPE, timestamp++, payload, 0, PAYLOAD) < 0) {
                throw new IllegalStateException("append failed");
            }
        }
        if (files.equals("new")) {
            deleteOld(writer.segmentIndex() - KEEP);
        }
        boolean park = switch (wait) {
            case "park" -> true;
            case "append" -> false;
            default -> throw new IllegalArgumentException("wait must be append or park, got " + wait);
        };
        long t0 = System.nanoTime();
        long deadline = t0 + 2_000_000_000L;
        long n = APPENDS;
        while (!helper.isPrepared(writer.segmentIndex() + 1) && System.nanoTime() < deadline) {
            if (park) {
                LockSupport.parkNanos(50_000);
            } else {
                payload.putLong(0, n++);
                if (writer.append(AppendBenchmark.TYPE, timestamp++, payload, 0, PAYLOAD) < 0) {
                    throw new IllegalStateException("append failed");
                }
            }
        }
        waitNanos += System.nanoTime() - t0;
        appended += n;
        if (!helper.isPrepared(writer.segmentIndex() + 1)) {
            notPrepared++;
        }
        rolls++;
    }

    private void deleteOld(long below) {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.length() >= 11 && Character.isDigit(name.charAt(0))) {
                    try {
                        if (Long.parseLong(name.substring(0, 9)) < below) {
                            Files.deleteIfExists(p);
                        }
                    } catch (NumberFormatException ignored) {
                        // not a segment or index file
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long roll() {
        writer.roll();
        return writer.segmentIndex();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.printf(Locale.ROOT, "%n[roll] wait=%s: %d rolls, %d without a prepared segment, %.2f ms mean wait "
                + "for the background thread, %d records appended per roll%n", wait, rolls, notPrepared,
                rolls == 0 ? 0 : waitNanos / 1e6 / rolls, rolls == 0 ? 0 : appended / rolls);
        writer.close();
        queue.close();
        BenchDirs.delete(dir);
    }
}
