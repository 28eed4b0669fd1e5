package chronicle.benchmarks;

import chronicle.plugin.compressor.zstd.ZstdSeekableCompressor;
import chronicle.storage.spi.SeekTable;
import chronicle.storage.spi.SeekableCompressor;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Compression of one sealed 128 MiB archive segment ({@link ArchiveSegment}), single thread, ours side by side with
 * the {@code zstd} command:
 * <ul>
 *   <li>{@code seekableZstd}: our {@code zstd} {@link SeekableCompressor} (1 MiB frames, level 3, content checksums,
 *       seek table) from the segment's bytes in memory to a sink that only counts;</li>
 *   <li>{@code zstdCommand}: {@code /usr/bin/zstd -3 -T1 -c} on the segment file (in the page cache), its output
 *       read from the pipe and counted; the score is the process's wall time, start-up included;</li>
 *   <li>{@code decompressRandomFrame}: one frame of our compressed segment, chosen at random, decompressed and
 *       checked ({@link SeekableCompressor#decompressFrame}): the cost of reaching a record in a compressed
 *       segment, besides reading the frame's compressed bytes.</li>
 * </ul>
 * Scores are milliseconds per segment (MB/s = segment MB / seconds) and microseconds per frame. The compression
 * ratio (original / compressed bytes) is the secondary result {@code ratio}, and each iteration also prints a
 * {@code [compression]} line with the sizes, ratio and MB/s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS, JvmFlags.QUIET_COMPILE_COMMANDS,
        JvmFlags.EARLY_JOURNAL_COMPILE})
public class CompressionBenchmark {

    static final String ZSTD = "/usr/bin/zstd";

    /** The segment, written once per trial, its bytes in memory, and our compressed form of it. */
    @State(Scope.Benchmark)
    public static class Segment {
        Path dir;
        Path file;
        byte[] original;
        byte[] compressed;
        SeekTable table;

        @Setup(Level.Trial)
        public void build() throws IOException {
            QuietLogs.warningsOnly();
            dir = BenchDirs.create("compression-");
            long t0 = System.nanoTime();
            file = ArchiveSegment.build(dir);
            original = Files.readAllBytes(file);
            ByteArrayOutputStream packed = new ByteArrayOutputStream(original.length / 2);
            table = new ZstdSeekableCompressor().compress(new ByteArrayInputStream(original), packed,
                    SeekableCompressor.DEFAULT_FRAME_SIZE);
            compressed = packed.toByteArray();
            System.out.printf(Locale.ROOT, "%n[compression] segment %s: %.1f MB, %d frames, built in %.1f s%n", file,
                    original.length / 1e6, table.frames(), (System.nanoTime() - t0) / 1e9);
        }

        @TearDown(Level.Trial)
        public void delete() {
            BenchDirs.delete(dir);
        }
    }

    /** Secondary results: the ratio of the last compression of the iteration, and the sizes behind it. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Ratio {
        public double ratio;
        long originalBytes;
        long compressedBytes;
        long nanos;
        long operations;

        void record(long original, long compressed, long elapsedNanos) {
            originalBytes = original;
            compressedBytes = compressed;
            ratio = (double) original / compressed;
            nanos += elapsedNanos;
            operations++;
        }

        @TearDown(Level.Iteration)
        public void print() {
            if (operations > 0) {
                System.out.printf(Locale.ROOT, "%n[compression] %.1f MB -> %.1f MB, ratio %.2f, %.0f MB/s%n",
                        originalBytes / 1e6, compressedBytes / 1e6, ratio, originalBytes * operations * 1e3 / nanos);
            }
            nanos = 0;
            operations = 0;
        }
    }

    /** The frame chosen at random per invocation, and the buffers it is decompressed with. */
    @State(Scope.Thread)
    public static class Frame {
        final SplittableRandom random = new SplittableRandom(3);
        final ByteBuffer into = ByteBuffer.allocate(SeekableCompressor.DEFAULT_FRAME_SIZE);
        final SeekableCompressor zstd = new ZstdSeekableCompressor();
    }

    @Benchmark
    public long seekableZstd(Segment segment, Ratio ratio) throws IOException {
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink();
        new ZstdSeekableCompressor().compress(new ByteArrayInputStream(segment.original), sink,
                SeekableCompressor.DEFAULT_FRAME_SIZE);
        ratio.record(segment.original.length, sink.count, System.nanoTime() - t0);
        return sink.count;
    }

    @Benchmark
    public long zstdCommand(Segment segment, Ratio ratio) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process zstd;
        try {
            zstd = new ProcessBuilder(ZSTD, "-3", "-T1", "-q", "-c", segment.file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException(ZSTD + " cannot be started (install the zstd package): " + e.getMessage(), e);
        }
        long count = 0;
        byte[] chunk = new byte[1 << 16];
        try (InputStream out = zstd.getInputStream()) {
            for (int n; (n = out.read(chunk)) >= 0; ) {
                count += n;
            }
        }
        if (zstd.waitFor() != 0) {
            throw new IllegalStateException(ZSTD + " exited with " + zstd.exitValue());
        }
        ratio.record(segment.original.length, count, System.nanoTime() - t0);
        return count;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int decompressRandomFrame(Segment segment, Frame frame) throws IOException {
        SeekTable table = segment.table;
        int i = frame.random.nextInt(table.frames());
        ByteBuffer compressed = ByteBuffer.wrap(segment.compressed, (int) table.compressedOffset(i),
                table.compressedSize(i)).slice();
        frame.zstd.decompressFrame(table, i, compressed, frame.into.clear());
        return frame.into.position();
    }

    /** Counts what is written and keeps nothing. */
    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
