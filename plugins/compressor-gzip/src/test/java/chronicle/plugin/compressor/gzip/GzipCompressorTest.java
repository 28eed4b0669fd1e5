package chronicle.plugin.compressor.gzip;

import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.spi.Compressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class GzipCompressorTest {

    @TempDir
    Path noDropIns;

    @Test
    void shouldBeFoundByThePluginHostUnderItsName() {
        Compressor found = PluginHost.of(noDropIns).find(Compressor.class, "gzip").orElseThrow().instance();
        assertEquals(GzipCompressor.class, found.getClass());
    }

    @Test
    void shouldRoundTripCompressibleAndRandomBytesInTheStandardFormat() throws IOException {
        Compressor compressor = new GzipCompressor();
        byte[] text = "bid 101.25 x 3; ask 101.50 x 7\n".repeat(5_000).getBytes();
        byte[] noise = new byte[200_000];
        new Random(42).nextBytes(noise);
        for (byte[] original : new byte[][] {text, noise, new byte[0]}) {
            byte[] packed = compress(compressor, original);
            assertArrayEquals(new byte[] {(byte) 0x1f, (byte) 0x8b}, Arrays.copyOf(packed, 2), "standard magic");
            try (InputStream in = compressor.decompress(new ByteArrayInputStream(packed))) {
                assertArrayEquals(original, in.readAllBytes());
            }
        }
        assertTrue(compress(compressor, text).length < text.length / 10, "text compresses");
    }

    @Test
    void shouldRejectInputInAnotherFormat() {
        Compressor compressor = new GzipCompressor();
        assertThrows(IOException.class, () -> {
            try (InputStream in = compressor.decompress(new ByteArrayInputStream("plain text, not compressed".getBytes()))) {
                in.readAllBytes();
            }
        });
    }

    private static byte[] compress(Compressor compressor, byte[] data) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = compressor.compress(sink)) {
            out.write(data);
        }
        return sink.toByteArray();
    }
}
