package chronicle.benchmarks;

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
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The raw reference for {@link AppendBenchmark}: the limit a journal closes in on. A plain loop appends records of
 * a 4-byte length word and {@code payloadSize} payload bytes (8-byte aligned: 72 or 520 bytes per record) into a
 * memory-mapped file: payload copied first, then the length stored with a release store (what a reader needs to see
 * a record whole). No header, no checksum, no index, no pre-touch thread, no roll protocol. One operation is one
 * record (ops/s = records/s), as in {@link AppendBenchmark}.
 *
 * <p>{@code pages=fresh} (the default, the comparison for {@link AppendBenchmark}): like our journal, each iteration
 * appends into new files (1 GiB each, sparse, {@code FileChannel.map(READ_WRITE, ..., Arena.ofShared())}; when one
 * is full the loop maps the next, inside the measurement), made in the iteration set-up and unmapped and deleted in
 * its tear-down, so every append lands on never-touched page-cache pages and takes the page faults itself.
 * {@code pages=resident}: one 64 MiB file, touched in the trial set-up and rewritten cyclically (the pages stay
 * resident): the memory-bandwidth ceiling without page faults.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class RawAppendBenchmark {

    static final long FILE_SIZE = 1L << 30;
    static final long RESIDENT_SIZE = 64L << 20;

    @State(Scope.Thread)
    public static class Raw {
        @Param({"64", "512"})
        int payloadSize;

        /** {@code fresh}: new files every iteration (page faults on the appending thread); {@code resident}: one reused file. */
        @Param({"fresh"})
        String pages;

        Path trialDir;
        Path dir;
        UnsafeBuffer payload;
        final UnsafeBuffer map = new UnsafeBuffer(0, 0);
        final List<Arena> arenas = new ArrayList<>();
        int recordSize;
        int position;
        int limit;
        int files;
        int iteration;

        @Setup(Level.Trial)
        public void trial() {
            if (!pages.equals("fresh") && !pages.equals("resident")) {
                throw new IllegalArgumentException("pages must be fresh or resident, got " + pages);
            }
            trialDir = BenchDirs.create("raw-append-");
            payload = new UnsafeBuffer(ByteBuffer.allocateDirect(payloadSize));
            for (int i = 0; i < payloadSize; i++) {
                payload.putByte(i, (byte) i);
            }
            recordSize = (Integer.BYTES + payloadSize + 7) & ~7;
            if (pages.equals("resident")) {
                dir = trialDir;
                mapNext(RESIDENT_SIZE);
                for (int at = 0; at < limit; at += 4096) {
                    map.putLong(at, 0); // fault every page in once
                }
            }
        }

        @Setup(Level.Iteration)
        public void open() {
            if (pages.equals("fresh")) {
                dir = trialDir.resolve("i" + iteration++);
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                mapNext(FILE_SIZE);
            }
        }

        /** The file is full: fresh pages map a new one (inside the measurement), resident pages start over. */
        void roll() {
            if (pages.equals("fresh")) {
                mapNext(FILE_SIZE);
            } else {
                position = 0;
            }
        }

        private void mapNext(long size) {
            Path file = dir.resolve("raw-" + files++ + ".dat");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                channel.truncate(size); // sparse: no block is allocated and no page exists until written
                channel.write(ByteBuffer.allocate(1), size - 1);
                Arena arena = Arena.ofShared();
                MemorySegment segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
                arenas.add(arena);
                map.wrap(segment.address(), Math.toIntExact(size));
                position = 0;
                limit = Math.toIntExact(size) - recordSize;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @TearDown(Level.Iteration)
        public void iterationEnd() {
            if (pages.equals("fresh")) {
                unmapAll();
                BenchDirs.delete(dir); // drops the dirty pages unwritten, as AppendBenchmark does
            }
        }

        private void unmapAll() {
            map.wrap(0, 0);
            arenas.forEach(Arena::close);
            arenas.clear();
        }

        @TearDown(Level.Trial)
        public void deleteTrial() {
            unmapAll();
            BenchDirs.delete(trialDir);
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
            JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
    public int raw(Raw s) {
        int at = s.position;
        if (at > s.limit) {
            s.roll();
            at = s.position;
        }
        UnsafeBuffer map = s.map;
        map.putBytes(at + Integer.BYTES, s.payload, 0, s.payloadSize);
        map.putIntRelease(at, s.payloadSize);
        s.position = at + s.recordSize;
        return at;
    }
}
