package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueInspector;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.RawArchiver;
import chronicle.storage.api.RawArchiverConfig;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The raw archiver against the shell's copy: archiving one sealed 128 MiB segment ({@link RawArchiver#runOnce()}:
 * event-time walk, CRC32C, copy to a temporary file, fsync, rename, directory fsync, seek index, {@code meta.json})
 * next to {@code cp <segment> <dest> && sync <dest>} in a child process, the floor any durable copy has to beat.
 *
 * <p>Trial set-up: a queue of {@link QueueOptions#hotIpc()} (128 MiB segments) filled with 64-byte records until it
 * rolls, so segment 0 is sealed; its files are forced to disk and stay in the page cache, as a freshly sealed segment
 * is. Each iteration archives into a new archive root with a newly registered archiver (the previous one's reader is
 * removed), and its tear-down (not timed) also times one {@code cp + sync} of the same file, printing
 * {@code [raw-archiver] archiver X ms, cp+sync Y ms, ratio X/Y}. The two scores of the JMH table give the same ratio
 * over all iterations.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@State(Scope.Thread)
public class RawArchiverBenchmark {

    static final int PAYLOAD = 64;

    Path trialDir;
    Path queue;
    Path segment;
    Path archiveRoot;
    int iteration;
    long archiveNanos;

    @Setup(Level.Trial)
    public void sealOneSegment() {
        QuietLogs.warningsOnly();
        trialDir = BenchDirs.create("ours-raw-archiver-");
        queue = trialDir.resolve("queue");
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.hotIpc());
             QueueWriter writer = q.createWriter()) {
            UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(PAYLOAD));
            for (long i = 0; writer.segmentIndex() == 0; i++) {
                payload.putLong(0, i);
                writer.append(AppendBenchmark.TYPE, AppendBenchmark.EPOCH + i, payload, 0, PAYLOAD);
            }
        }
        segment = queue.resolve("000000000.q");
        if (!QueueInspector.headerSealed(segment)) {
            throw new IllegalStateException(segment + " is not sealed");
        }
        force(segment);
        force(queue.resolve("000000000.idx"));
    }

    @Setup(Level.Iteration)
    public void freshArchive() {
        archiveRoot = trialDir.resolve("archive-" + iteration++);
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue)) {
            q.removeReader(RawArchiver.READER_NAME); // start at segment 0 again
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.JMH_UNSAFE, JvmFlags.AGRONA_UNSAFE,
            JvmFlags.NATIVE_ACCESS})
    public int rawArchiver() throws IOException {
        long t0 = System.nanoTime();
        try (RawArchiver archiver = new RawArchiver(RawArchiverConfig.of(queue, archiveRoot, "bench"),
                PluginHost.of(trialDir.resolve("no-plugins")))) {
            int archived = archiver.runOnce().size();
            if (archived != 1) {
                throw new IllegalStateException("archived " + archived + " segments, not 1");
            }
            archiveNanos = System.nanoTime() - t0;
            return archived;
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.JMH_UNSAFE, JvmFlags.AGRONA_UNSAFE,
            JvmFlags.NATIVE_ACCESS})
    public int cpAndSync() throws IOException, InterruptedException {
        return copyWithShell(archiveRoot.resolve("cp-copy.q"));
    }

    @TearDown(Level.Iteration)
    public void compare() throws IOException, InterruptedException {
        if (archiveNanos > 0) {
            long t0 = System.nanoTime();
            copyWithShell(trialDir.resolve("cp-reference-" + iteration + ".q"));
            long cpNanos = System.nanoTime() - t0;
            System.out.printf(Locale.ROOT, "%n[raw-archiver] archiver %.1f ms, cp+sync %.1f ms, ratio %.2f%n",
                    archiveNanos / 1e6, cpNanos / 1e6, (double) archiveNanos / cpNanos);
            archiveNanos = 0;
            BenchDirs.delete(trialDir.resolve("cp-reference-" + iteration + ".q"));
        }
        BenchDirs.delete(archiveRoot);
    }

    @TearDown(Level.Trial)
    public void deleteTrial() {
        BenchDirs.delete(trialDir);
    }

    /** {@code cp} then {@code sync} of the copy (coreutils' {@code sync FILE} fsyncs that file), in a child. */
    private int copyWithShell(Path target) throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(target.getParent());
        Process shell = new ProcessBuilder("sh", "-c", "cp \"$0\" \"$1\" && sync \"$1\"", segment.toString(),
                target.toString()).inheritIO().start();
        int exit = shell.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("cp + sync failed with exit code " + exit);
        }
        return exit;
    }

    private static void force(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
