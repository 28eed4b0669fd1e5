package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.Durability;
import chronicle.core.api.IndexPolicy;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.storage.api.ArchiveTap;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Archive tap throughput (ours only): the time {@link ArchiveTap#poll(int)} takes to copy a whole live queue into a
 * fresh archive queue. One invocation copies all {@link #RECORDS} records ({@code poll(1024)} in a loop, as
 * {@link ArchiveTap#run} does, until {@code nextSequence()} reaches the end); with
 * {@code @OperationsPerInvocation(RECORDS)} the score is nanoseconds per record (events/s = 1e9 / score), and each
 * iteration also prints an {@code [archive-tap] ... events/s} line.
 *
 * <p>Live queue (trial set-up): {@link #RECORDS} records of 64 bytes written with {@link QueueOptions#hotIpc()}
 * (128 MiB segments, about 7 of them), writer closed, pages resident. Archive (iteration set-up: a new empty
 * archive queue and a new tap at {@link ArchiveTap.Start#EARLIEST}; tear-down: close, delete):
 * <ul>
 *   <li>{@code archiveProfile=archive}: {@link QueueOptions#archive()}, the tap's default: 128 MiB segments,
 *       {@code SYNC_ON_ROLL} (every sealed segment is written through to the device, {@code msync}, on the
 *       tap's thread), an index entry every 256 records written to the index file at once;</li>
 *   <li>{@code archiveProfile=hot}: {@link QueueOptions#hotIpc()}: page-cache durability, light index: the cost of
 *       the copy itself, without the archive's durability.</li>
 * </ul>
 * To attribute the archive profile's cost: {@code -p archiveProfile=archive-pagecache} (the archive profile without
 * the sync on roll) and {@code archive-hotindex} (with the hot profile's light index). Closing the tap (not timed)
 * syncs the archive's active segment under the archive profile.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ArchiveTapBenchmark.RECORDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Thread)
public class ArchiveTapBenchmark {

    static final int RECORDS = 10_000_000;
    static final int PAYLOAD = 64;

    @Param({"archive", "hot"})
    String archiveProfile;

    Path trialDir;
    Path live;
    Path archive;
    ArchiveTap tap;
    int iteration;
    long copyNanos;

    @Setup(Level.Trial)
    public void fillLive() {
        QuietLogs.warningsOnly();
        trialDir = BenchDirs.create("ours-tap-");
        live = trialDir.resolve("live");
        try (ChronicleQueue queue = ChronicleQueue.open(live, QueueOptions.hotIpc());
             QueueWriter writer = queue.createWriter()) {
            UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(PAYLOAD));
            for (int i = 0; i < RECORDS; i++) {
                payload.putLong(0, i);
                if (writer.append(AppendBenchmark.TYPE, AppendBenchmark.EPOCH + i, payload, 0, PAYLOAD) != i) {
                    throw new IllegalStateException("prefill failed at " + i);
                }
            }
        }
        // The live queue's 880 MB are dirty page cache: written back by the kernel within 30 s, they would compete
        // with the archive's syncs for the disk in the middle of the measurement. Write them now.
        try (var files = Files.list(live)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Setup(Level.Iteration)
    public void openTap() {
        QueueOptions options = switch (archiveProfile) {
            case "archive" -> QueueOptions.archive();
            case "hot" -> QueueOptions.hotIpc();
            // Attribution of the archive profile's cost (not run by default): without its sync on roll, or
            // with the hot profile's light index instead of an index entry written every 256 records.
            case "archive-pagecache" -> QueueOptions.archive().withDurability(Durability.PAGE_CACHE);
            case "archive-hotindex" -> QueueOptions.archive().withIndex(IndexPolicy.HOT);
            default -> throw new IllegalArgumentException(
                    "archiveProfile must be archive, hot, archive-pagecache or archive-hotindex");
        };
        archive = trialDir.resolve("archive-" + iteration++);
        tap = new ArchiveTap(live, archive, ArchiveTap.Start.EARLIEST, options, ArchiveTap.DEFAULT_READER, null);
        if (tap.nextSequence() != 0) {
            throw new IllegalStateException("tap starts at " + tap.nextSequence());
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public long copyAll() {
        long t0 = System.nanoTime();
        ArchiveTap t = tap;
        while (t.nextSequence() < RECORDS) {
            if (t.poll(1024) == 0) {
                throw new IllegalStateException("the tap stopped at " + t.nextSequence());
            }
        }
        copyNanos = System.nanoTime() - t0;
        return t.nextSequence();
    }

    @TearDown(Level.Iteration)
    public void closeTap() {
        long t0 = System.nanoTime();
        long copied = tap.copied();
        tap.close();
        System.out.printf(Locale.ROOT, "%n[archive-tap] %s: %d records in %.1f ms = %.2f M events/s (close: %.1f ms)%n",
                archiveProfile, copied, copyNanos / 1e6, copied * 1e3 / copyNanos, (System.nanoTime() - t0) / 1e6);
        BenchDirs.delete(archive);
    }

    @TearDown(Level.Trial)
    public void deleteTrial() {
        BenchDirs.delete(trialDir);
    }
}
