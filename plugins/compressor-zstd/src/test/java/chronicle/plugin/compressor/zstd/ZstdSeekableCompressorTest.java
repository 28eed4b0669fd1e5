package chronicle.plugin.compressor.zstd;

import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.LocalFileRangeReader;
import chronicle.storage.spi.SeekTable;
import chronicle.storage.spi.SeekableCompressor;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ZstdSeekableCompressorTest {

    private static final int FRAME = 16 << 10;

    @TempDir
    Path dir;

    private final SeekableCompressor zstd = new ZstdSeekableCompressor();

    @Test
    void shouldBeFoundByThePluginHostUnderItsName() {
        SeekableCompressor found = PluginHost.of(dir).find(SeekableCompressor.class, "zstd").orElseThrow().instance();
        assertEquals(ZstdSeekableCompressor.class, found.getClass());
        assertEquals(".zst", found.fileExtension());
    }

    @Test
    void shouldHashLikeTheXxh64Specification() {
        assertEquals(0xEF46DB3751D8E999L, XxHash64.hash(ByteBuffer.allocate(0)), "XXH64 of nothing, seed 0");
        // libzstd's frame checksum is the low 32 bits of XXH64 of the content: an independent implementation for
        // every length that takes a different path (stripes of 32, tails of 8, 4 and 1 bytes).
        byte[] bytes = new byte[300];
        new Random(3).nextBytes(bytes);
        try (ZstdCompressCtx libzstd = new ZstdCompressCtx().setChecksum(true)) {
            for (int length = 1; length <= bytes.length; length++) {
                byte[] frame = libzstd.compress(Arrays.copyOf(bytes, length));
                int expected = ByteBuffer.wrap(frame, frame.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                assertEquals(expected, (int) XxHash64.hash(ByteBuffer.wrap(bytes, 0, length)), "length " + length);
                ByteBuffer direct = ByteBuffer.allocateDirect(length + 3).position(3);
                direct.put(bytes, 0, length).position(3);
                assertEquals(expected, (int) XxHash64.hash(direct), "direct, length " + length);
            }
        }
    }

    @Test
    void shouldWriteIndependentFramesAndTheSeekTableOfTheSeekableFormat() throws IOException {
        byte[] original = SampleBytes.marketLines(5 * FRAME / 2, 1);
        byte[] packed = compress(original, FRAME);
        ByteBuffer le = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);

        int tableBytes = 8 + 3 * 12 + 9;
        int tableStart = packed.length - tableBytes;
        assertEquals(0x184D2A5E, le.getInt(tableStart), "skippable frame magic");
        assertEquals(3 * 12 + 9, le.getInt(tableStart + 4), "skippable frame size");
        assertEquals(3, le.getInt(packed.length - 9), "number of frames");
        assertEquals((byte) 0x80, packed[packed.length - 5], "descriptor: checksum flag only");
        assertEquals(0x8F92EAB1, le.getInt(packed.length - 4), "seekable magic");

        int at = 0;
        for (int i = 0; i < 3; i++) {
            int entry = tableStart + 8 + i * 12;
            int compressedSize = le.getInt(entry);
            int decompressedSize = le.getInt(entry + 4);
            assertEquals(i < 2 ? FRAME : FRAME / 2, decompressedSize, "frame " + i);
            assertEquals(0xFD2FB528, le.getInt(at), "frame " + i + " is a zstd frame");
            byte[] frame = Arrays.copyOfRange(packed, at, at + compressedSize);
            assertEquals(compressedSize, Zstd.findFrameCompressedSize(frame), "frame " + i + " is one whole frame");
            assertArrayEquals(Arrays.copyOfRange(original, i * FRAME, i * FRAME + decompressedSize),
                    Zstd.decompress(frame, decompressedSize), "frame " + i + " decompresses alone");
            assertEquals(le.getInt(at + compressedSize - 4), le.getInt(entry + 8),
                    "frame " + i + ": the table's checksum is libzstd's content checksum");
            at += compressedSize;
        }
        assertEquals(tableStart, at, "the frames fill the object up to the table");
        assertTrue(packed.length < original.length / 2, "market lines compress");
    }

    @Test
    void shouldReadBackTheTableItWroteAndDecompressEveryFrame() throws IOException {
        byte[] original = SampleBytes.marketLines(7 * FRAME + 123, 2);
        Path file = dir.resolve("000000003.q.zst");
        SeekTable written;
        try (var out = Files.newOutputStream(file)) {
            written = zstd.compress(new ByteArrayInputStream(original), out, FRAME);
        }
        try (LocalFileRangeReader object = LocalFileRangeReader.open(file)) {
            SeekTable table = zstd.readSeekTable(object);
            assertEquals(8, table.frames());
            assertEquals(original.length, table.decompressedLength());
            ByteBuffer restored = ByteBuffer.allocate(original.length);
            for (int i = 0; i < table.frames(); i++) {
                assertEquals(written.compressedSize(i), table.compressedSize(i));
                assertEquals(written.checksum(i), table.checksum(i));
                ByteBuffer compressed = ByteBuffer.allocateDirect(table.compressedSize(i));
                object.readFully(table.compressedOffset(i), compressed);
                zstd.decompressFrame(table, i, compressed.flip(), restored);
            }
            assertArrayEquals(original, restored.array());
        }
    }

    @Test
    void shouldNameTheFrameWhoseBytesAreDamaged() throws IOException {
        byte[] original = SampleBytes.marketLines(4 * FRAME, 3);
        byte[] packed = compress(original, FRAME);
        SeekTable table = readTable(packed, "mem");
        int frame = 2;
        byte[] damaged = packed.clone();
        damaged[(int) table.compressedOffset(frame) + table.compressedSize(frame) / 2] ^= 0x10;
        IOException e = assertThrows(IOException.class, () -> decompress(table, frame, damaged));
        assertTrue(e.getMessage().startsWith("frame 2 of 4 (compressed bytes "), e.getMessage());
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
        decompress(table, 1, damaged); // its neighbours are intact

        int[] sums = new int[4];
        int[] compressedSizes = new int[4];
        int[] sizes = new int[4];
        for (int i = 0; i < 4; i++) {
            sums[i] = table.checksum(i) ^ (i == 1 ? 1 : 0);
            compressedSizes[i] = table.compressedSize(i);
            sizes[i] = table.decompressedSize(i);
        }
        // The frames carry zstd's content checksum, which libzstd checks: an intact frame decompresses even when
        // the table's own checksum of it is off (the damaged byte above was caught by libzstd).
        SeekTable wrongSum = new SeekTable(compressedSizes, sizes, sums);
        decompress(wrongSum, 1, packed);
        sizes[3] -= 1;
        SeekTable wrongSize = new SeekTable(compressedSizes, sizes, null);
        IOException size = assertThrows(IOException.class, () -> decompress(wrongSize, 3, packed));
        assertTrue(size.getMessage().startsWith("frame 3 of 4"), size.getMessage());
    }

    @Test
    void shouldRejectAnObjectWithoutAValidSeekTableNamingIt() throws IOException {
        byte[] packed = compress(SampleBytes.marketLines(3 * FRAME, 4), FRAME);
        assertRejected(Arrays.copyOf(packed, packed.length - 1), "does not end with the seekable magic");
        assertRejected(Arrays.copyOf(packed, 10), "too short");
        byte[] cutInside = new byte[packed.length - 100];
        System.arraycopy(packed, 100, cutInside, 0, cutInside.length); // the start is gone, the table is whole
        assertRejected(cutInside, "add up to");
        byte[] reserved = packed.clone();
        reserved[reserved.length - 5] |= 0x04;
        assertRejected(reserved, "reserved bits");
        byte[] manyFrames = packed.clone();
        ByteBuffer.wrap(manyFrames).order(ByteOrder.LITTLE_ENDIAN).putInt(manyFrames.length - 9, 1_000_000);
        assertRejected(manyFrames, "claims 1000000 frames");
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (var out = new ZstdCompressor().compress(streamed)) {
            out.write(SampleBytes.marketLines(FRAME, 5));
        }
        assertRejected(streamed.toByteArray(), "not in the Zstandard seekable format");
    }

    @Test
    void shouldCompressAndDecompressFromManyThreadsAtOnce() throws Exception {
        byte[] original = SampleBytes.marketLines(6 * FRAME, 12);
        byte[] packed = compress(original, FRAME);
        SeekTable table = readTable(packed, "shared.q.zst");
        List<Future<byte[]>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 32; t++) {
                boolean compressing = t % 4 == 0;
                results.add(threads.submit(() -> {
                    if (compressing) {
                        return compress(original, FRAME);
                    }
                    ByteBuffer restored = ByteBuffer.allocate(original.length);
                    for (int i = table.frames() - 1; i >= 0; i--) {
                        ByteBuffer compressed = ByteBuffer.wrap(packed, (int) table.compressedOffset(i),
                                table.compressedSize(i)).slice();
                        zstd.decompressFrame(table, i, compressed, restored.slice((int) table.decompressedOffset(i),
                                table.decompressedSize(i)));
                    }
                    return restored.array();
                }));
            }
        }
        for (int t = 0; t < results.size(); t++) {
            assertArrayEquals(t % 4 == 0 ? packed : original, results.get(t).get(), "task " + t);
        }
    }

    @Test
    void shouldRefuseFrameSizesOutsideTheFormatsLimits() {
        assertThrows(IllegalArgumentException.class, () -> compress(new byte[10], 1024));
        assertThrows(IllegalArgumentException.class, () -> compress(new byte[10], (1 << 30) + 1));
    }

    private void assertRejected(byte[] object, String reason) throws IOException {
        Path file = dir.resolve("bad-" + reason.hashCode() + ".q.zst");
        Files.write(file, object);
        try (LocalFileRangeReader reader = LocalFileRangeReader.open(file)) {
            IOException e = assertThrows(IOException.class, () -> zstd.readSeekTable(reader));
            assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(reason), e.getMessage());
        }
    }

    private SeekTable readTable(byte[] packed, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, packed);
        try (LocalFileRangeReader reader = LocalFileRangeReader.open(file)) {
            return zstd.readSeekTable(reader);
        }
    }

    private void decompress(SeekTable table, int frame, byte[] packed) throws IOException {
        ByteBuffer compressed = ByteBuffer.wrap(packed, (int) table.compressedOffset(frame), table.compressedSize(frame));
        zstd.decompressFrame(table, frame, compressed.slice(), ByteBuffer.allocate(table.decompressedSize(frame) + 8));
    }

    private byte[] compress(byte[] original, int frameSize) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        zstd.compress(new ByteArrayInputStream(original), sink, frameSize);
        return sink.toByteArray();
    }
}
