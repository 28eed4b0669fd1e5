package chronicle.storage.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class LocalFileRangeReaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadAnyRangeOfTheFile() throws IOException {
        byte[] bytes = new byte[100_000];
        new Random(1).nextBytes(bytes);
        Path file = Files.write(dir.resolve("000000002.q.zst"), bytes);
        try (LocalFileRangeReader reader = LocalFileRangeReader.open(file)) {
            assertEquals(bytes.length, reader.size());
            assertEquals(file.toString(), reader.location());
            ByteBuffer heap = ByteBuffer.allocate(5_000);
            reader.readFully(70_000, heap);
            assertArrayEquals(Arrays.copyOfRange(bytes, 70_000, 75_000), heap.array());
            ByteBuffer direct = ByteBuffer.allocateDirect(10).position(3);
            reader.readFully(bytes.length - 7, direct);
            byte[] tail = new byte[7];
            direct.get(3, tail);
            assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 7, bytes.length), tail);
        }
    }

    @Test
    void aRangePastTheEndShouldBeAnEofErrorNamingTheFile() throws IOException {
        Path file = Files.write(dir.resolve("short.q.zst"), new byte[100]);
        try (LocalFileRangeReader reader = LocalFileRangeReader.open(file)) {
            EOFException e = assertThrows(EOFException.class, () -> reader.readFully(90, ByteBuffer.allocate(20)));
            assertEquals(file + ": ends at byte 100, 10 bytes short of the range read from byte 90", e.getMessage());
        }
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> LocalFileRangeReader.open(dir.resolve("absent.q.zst")));
        assertTrue(missing.getMessage().contains("absent.q.zst"), missing.getMessage());
    }
}
