package chronicle.plugin.compressor.zstd;

import chronicle.storage.api.LocalFileRangeReader;
import chronicle.storage.api.SeekableObjectReader;
import chronicle.storage.spi.SeekTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SeekableObjectReader} over real files written by the zstd plug-in. */
@Timeout(60)
class SeekableObjectReaderTest {

    private static final int FRAME = 16 << 10;
    private static final int FRAMES = 40;

    @TempDir
    Path dir;

    private final ExecutorService readAhead = Executors.newSingleThreadExecutor();
    private final byte[] original = SampleBytes.marketLines(FRAMES * FRAME - 777, 11);

    @AfterEach
    void stopReadAhead() {
        readAhead.shutdownNow();
    }

    @Test
    void randomRangesShouldEqualTheOriginal() throws IOException {
        Path file = write(original);
        try (SeekableObjectReader reader = SeekableObjectReader.open(LocalFileRangeReader.open(file),
                new ZstdSeekableCompressor(), 4L * FRAME)) {
            assertEquals(original.length, reader.size());
            assertEquals(FRAMES, reader.seekTable().frames());
            assertEquals(file.toString(), reader.location());
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < 500; i++) {
                int length = random.nextInt(0, 3 * FRAME);
                int position = random.nextInt(0, original.length - length + 1);
                assertRange(reader, position, length, random.nextBoolean());
            }
        }
    }

    @Test
    void rangesCrossingFrameBoundariesShouldEqualTheOriginal() throws IOException {
        try (SeekableObjectReader reader = open(write(original), 64L * FRAME)) {
            for (int frame = 1; frame < FRAMES; frame++) {
                assertRange(reader, frame * FRAME - 1, 2, false);
                assertRange(reader, frame * FRAME - 100, 200, true);
            }
            assertRange(reader, 5, 3 * FRAME, false); // spans four frames
            assertRange(reader, original.length - 1, 1, false);
            assertRange(reader, 0, original.length, true);
            assertEquals(FRAMES, reader.framesDecompressed(), "each frame decompressed once, then cached");
        }
    }

    @Test
    void shouldDecompressOnlyTheFramesCoveringARangeAndKeepABoundedCache() throws IOException {
        try (SeekableObjectReader reader = open(write(original), 2L * FRAME)) {
            assertRange(reader, 5L * FRAME + 10, 100, false);
            assertEquals(1, reader.framesDecompressed());
            assertRange(reader, 5L * FRAME + 500, 100, false);
            assertEquals(1, reader.framesDecompressed(), "a hit");
            assertRange(reader, 9L * FRAME - 10, 20, false); // frames 8 and 9
            assertEquals(3, reader.framesDecompressed());
            assertRange(reader, 5L * FRAME, 1, false);
            assertEquals(4, reader.framesDecompressed(), "frame 5 was evicted by 8 and 9 (two frames fit)");
        }
    }

    @Test
    void sequentialReadsShouldHaveTheNextFrameDecompressedAhead() throws IOException {
        try (SeekableObjectReader reader = SeekableObjectReader.open(LocalFileRangeReader.open(write(original)),
                new ZstdSeekableCompressor(), 4L * FRAME, readAhead)) {
            ByteBuffer replay = ByteBuffer.allocate(original.length);
            for (int at = 0; at < original.length; at += 1000) {
                int n = Math.min(1000, original.length - at);
                reader.readFully(at, replay.slice(at, n));
            }
            assertArrayEquals(original, replay.array());
            assertEquals(FRAMES - 1, reader.framesReadAhead(), "every frame after the first was read ahead");
            assertEquals(FRAMES, reader.framesDecompressed(), "and none was decompressed twice");
        }
    }

    @Test
    void sequentialReadsOfSeveralFramesShouldHaveTheFollowingFramesDecompressedAheadInParallel() throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (SeekableObjectReader reader = SeekableObjectReader.open(LocalFileRangeReader.open(write(original)),
                new ZstdSeekableCompressor(), 32L * FRAME, threads)) {
            ByteBuffer replay = ByteBuffer.allocate(original.length);
            for (int at = 0; at < original.length; at += 2 * FRAME) {
                int n = Math.min(2 * FRAME, original.length - at);
                reader.readFully(at, replay.slice(at, n));
            }
            assertArrayEquals(original, replay.array());
            // The first read (frames 0 and 1) is not known to go forward; the second decompresses its first frame
            // itself and has its other frame and the next four read ahead; every later frame is read ahead.
            assertEquals(FRAMES - 3, reader.framesReadAhead(), "every frame after the third was read ahead");
            assertEquals(FRAMES, reader.framesDecompressed(), "and none was decompressed twice");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void randomReadsShouldNotReadAhead() throws IOException {
        try (SeekableObjectReader reader = SeekableObjectReader.open(LocalFileRangeReader.open(write(original)),
                new ZstdSeekableCompressor(), 4L * FRAME, readAhead)) {
            for (int frame : new int[] {30, 3, 17, 8, 25}) {
                assertRange(reader, (long) frame * FRAME + 7, 10, false);
            }
            assertEquals(0, reader.framesReadAhead());
        }
    }

    @Test
    void aDamagedFrameShouldBeReportedWithTheObjectAndTheFrame() throws IOException {
        Path file = write(original);
        SeekTable table;
        try (SeekableObjectReader reader = open(file, 0)) {
            table = reader.seekTable();
        }
        byte[] packed = Files.readAllBytes(file);
        packed[(int) table.compressedOffset(3) + 40] ^= 0x04;
        Files.write(file, packed);
        for (var executor : Arrays.asList(null, readAhead)) {
            try (SeekableObjectReader reader = SeekableObjectReader.open(LocalFileRangeReader.open(file),
                    new ZstdSeekableCompressor(), 4L * FRAME, executor)) {
                assertRange(reader, FRAME, 10, false);
                assertRange(reader, 2L * FRAME, 10, false); // going forward: frame 3 is read ahead, and damaged
                IOException e = assertThrows(IOException.class,
                        () -> reader.readFully(3L * FRAME + 5, ByteBuffer.allocate(10)));
                assertTrue(e.getMessage().startsWith(file + ": frame 3 of " + FRAMES), e.getMessage());
                assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
                assertRange(reader, 4L * FRAME, 10, false);
            }
        }
    }

    @Test
    void aTruncatedObjectShouldBeAClearErrorAtOpen() throws IOException {
        Path file = write(original);
        byte[] packed = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(packed, packed.length - 100));
        LocalFileRangeReader object = LocalFileRangeReader.open(file);
        IOException e = assertThrows(IOException.class,
                () -> SeekableObjectReader.open(object, new ZstdSeekableCompressor(), FRAME));
        assertTrue(e.getMessage().startsWith(file + ": does not end with the seekable magic"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(ClosedChannelException.class, object::size, "the object is closed by the failed open");
    }

    @Test
    void readsOutsideTheOriginalBytesShouldBeEofErrors() throws IOException {
        try (SeekableObjectReader reader = open(write(original), FRAME)) {
            EOFException past = assertThrows(EOFException.class,
                    () -> reader.readFully(original.length - 5, ByteBuffer.allocate(6)));
            assertTrue(past.getMessage().contains("outside its " + original.length + " original bytes"),
                    past.getMessage());
            assertThrows(EOFException.class, () -> reader.readFully(-1, ByteBuffer.allocate(1)));
            reader.readFully(original.length, ByteBuffer.allocate(0));
        }
    }

    private SeekableObjectReader open(Path file, long cacheBytes) throws IOException {
        return SeekableObjectReader.open(LocalFileRangeReader.open(file), new ZstdSeekableCompressor(), cacheBytes);
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("000000001.q.zst");
        try (OutputStream out = Files.newOutputStream(file)) {
            new ZstdSeekableCompressor().compress(new ByteArrayInputStream(bytes), out, FRAME);
        }
        return file;
    }

    private void assertRange(SeekableObjectReader reader, long position, int length, boolean direct)
            throws IOException {
        ByteBuffer dst = direct ? ByteBuffer.allocateDirect(length + 4) : ByteBuffer.allocate(length + 4);
        dst.position(2).limit(2 + length);
        reader.readFully(position, dst);
        assertEquals(2 + length, dst.position());
        byte[] read = new byte[length];
        dst.get(2, read);
        assertArrayEquals(Arrays.copyOfRange(original, (int) position, (int) position + length), read,
                "range " + position + " + " + length);
    }
}
