package chronicle.plugin.compressor.xz;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(60)
class XzCompressorTest {

    private static final Path XZ = Path.of("/usr/bin/xz");
    private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

    @TempDir
    Path dir;

    private final Compressor xz = new XzCompressor();

    @Test
    void shouldBeFoundByThePluginHostUnderItsName() {
        Compressor found = PluginHost.of(dir).find(Compressor.class, "xz").orElseThrow().instance();
        assertEquals(XzCompressor.class, found.getClass());
        assertEquals(".xz", found.fileExtension());
    }

    @Test
    void shouldRoundTripTextNoiseAndNothingInTheXzContainer() throws IOException {
        byte[] noise = new byte[150_000];
        new SplittableRandom(8).nextBytes(noise);
        for (byte[] original : new byte[][] {quotes(), noise, new byte[0]}) {
            byte[] packed = pack(original);
            assertArrayEquals(XZ_MAGIC, Arrays.copyOf(packed, XZ_MAGIC.length), "xz stream header magic");
            assertArrayEquals(original, unpack(packed));
        }
        assertTrue(pack(quotes()).length < quotes().length / 5, "quote lines compress");
    }

    @Test
    void theXzCommandShouldReadWhatWeWriteAndWeWhatItWrites() throws Exception {
        assumeTrue(Files.isExecutable(XZ), XZ + " is not installed: the interop check cannot run");
        byte[] original = quotes();
        Path ours = dir.resolve("ours.csv.xz");
        Files.write(ours, pack(original));
        assertArrayEquals(original, run(XZ.toString(), "-d", "-c", ours.toString()), "xz -d reads ours");

        Path plain = dir.resolve("theirs.csv");
        Files.write(plain, original);
        Path theirs = dir.resolve("theirs.csv.xz");
        Files.write(theirs, run(XZ.toString(), "-c", "-1", plain.toString()));
        byte[] twice = Files.readAllBytes(theirs);
        byte[] concatenated = Arrays.copyOf(twice, twice.length * 2);
        System.arraycopy(twice, 0, concatenated, twice.length, twice.length);
        byte[] expected = Arrays.copyOf(original, original.length * 2);
        System.arraycopy(original, 0, expected, original.length, original.length);
        assertArrayEquals(expected, unpack(concatenated), "two concatenated xz streams, as xz -T writes");
    }

    @Test
    void aDamagedOrTruncatedStreamShouldFailNotReturnWrongBytes() throws IOException {
        byte[] packed = pack(quotes());
        byte[] flipped = packed.clone();
        flipped[packed.length / 2] ^= 0x20;
        IOException damaged = assertThrows(IOException.class, () -> unpack(flipped));
        assertTrue(damaged.getMessage() != null && !damaged.getMessage().isBlank(), damaged.toString());
        assertThrows(IOException.class, () -> unpack(Arrays.copyOf(packed, packed.length - 20)), "truncated");
        assertThrows(IOException.class, () -> unpack("plain text, not xz".getBytes(StandardCharsets.US_ASCII)),
                "another format");
    }

    private static byte[] quotes() {
        SplittableRandom random = new SplittableRandom(4);
        StringBuilder csv = new StringBuilder("exchange,symbol,timestamp,bid_price,bid_amount,ask_price,ask_amount\n");
        long bid = 3_650_010;
        for (long ts = 1_700_000_000_000_000L; csv.length() < 400_000; ts += random.nextInt(1, 20_000)) {
            bid += random.nextInt(-2, 3);
            csv.append("kraken,XBT/USD,").append(ts).append(',').append(bid / 100).append('.').append(bid % 100)
                    .append(',').append(random.nextInt(1, 900) / 100.0).append(',').append((bid + 10) / 100)
                    .append('.').append((bid + 10) % 100).append(',').append(random.nextInt(1, 900) / 100.0)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] pack(byte[] original) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = xz.compress(sink)) {
            out.write(original);
        }
        return sink.toByteArray();
    }

    private byte[] unpack(byte[] packed) throws IOException {
        try (InputStream in = xz.decompress(new ByteArrayInputStream(packed))) {
            return in.readAllBytes();
        }
    }

    private static byte[] run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + ": did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command));
        return out;
    }
}
