package chronicle.plugin.compressor.zstd;

import chronicle.storage.spi.SeekableCompressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The seekable files we write open with the real {@code zstd} command; skipped (not passed) where it is absent. */
@Timeout(60)
class ZstdCommandInteropTest {

    private static final Path ZSTD = Path.of("/usr/bin/zstd");

    @TempDir
    Path dir;

    @Test
    void plainZstdShouldRestoreTheOriginalByteForByte() throws Exception {
        assumeTrue(Files.isExecutable(ZSTD), ZSTD + " is not installed: the interop check cannot run");
        byte[] noise = new byte[300_000];
        new Random(9).nextBytes(noise);
        byte[][] originals = {SampleBytes.marketLines(3_000_000, 6), noise, new byte[0]};
        for (int i = 0; i < originals.length; i++) {
            Path packed = dir.resolve("segment-" + i + ".q.zst");
            try (OutputStream out = Files.newOutputStream(packed)) {
                new ZstdSeekableCompressor().compress(new ByteArrayInputStream(originals[i]), out,
                        SeekableCompressor.DEFAULT_FRAME_SIZE);
            }
            Path restored = dir.resolve("segment-" + i + ".q");
            run(ZSTD.toString(), "-q", "-t", packed.toString());
            run(ZSTD.toString(), "-q", "-d", packed.toString(), "-o", restored.toString());
            assertArrayEquals(originals[i], Files.readAllBytes(restored), "original " + i);
        }
    }

    @Test
    void plainZstdShouldDetectADamagedFrame() throws Exception {
        assumeTrue(Files.isExecutable(ZSTD), ZSTD + " is not installed: the interop check cannot run");
        Path packed = dir.resolve("damaged.q.zst");
        try (OutputStream out = Files.newOutputStream(packed)) {
            new ZstdSeekableCompressor().compress(new ByteArrayInputStream(SampleBytes.marketLines(2_500_000, 7)),
                    out, SeekableCompressor.DEFAULT_FRAME_SIZE);
        }
        byte[] bytes = Files.readAllBytes(packed);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(packed, bytes);
        Process zstd = new ProcessBuilder(ZSTD.toString(), "-q", "-t", packed.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(true, zstd.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, zstd.exitValue(), "zstd -t fails on a flipped bit");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + ": did not finish");
        }
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }
}
