package chronicle.plugin.compressor.zstd;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueInspector;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.ArchivedSegment;
import chronicle.storage.api.RawArchiver;
import chronicle.storage.api.RawArchiverConfig;
import chronicle.storage.api.SegmentMeta;
import chronicle.storage.spi.TierChecksums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The raw archiver's compressed path with the real seekable zstd plug-in, found by the plug-in host: each sealed
 * segment becomes a {@code .q.zst} that plain {@code zstd -d} restores byte for byte; without {@code retainQ} the
 * plain copy is dropped, with it both are kept; a rerun writes nothing and a temporary file left by a crash is redone.
 */
@Timeout(60)
class RawArchiverCompressionTest {

    private static final long DAY = Instant.parse("2024-01-02T10:00:00Z").getEpochSecond() * 1_000_000_000L;

    @TempDir
    Path work;

    /** Writes {@code sealed} full segments of 64 KiB and one active segment. */
    private static Path queue(Path dir, int sealed) throws InterruptedException {
        try (ChronicleQueue q = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(64 * 1024));
             QueueWriter writer = q.createWriter()) {
            byte[] payload = new byte[120];
            for (int s = 0; s <= sealed; s++) {
                for (int i = 0; i < 200; i++) {
                    payload[i % payload.length] = (byte) (s * 31 + i);
                    writer.append(3, DAY + (s * 200L + i) * 1_000_000L, payload);
                }
                if (s < sealed) {
                    writer.roll();
                }
            }
            for (int s = 0; s < sealed; s++) {
                Path file = dir.resolve(String.format("%09d.q", s));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!QueueInspector.headerSealed(file)) {
                    assertTrue(System.nanoTime() < deadline, file + " sealed");
                    Thread.sleep(5);
                }
            }
        }
        return dir;
    }

    private RawArchiver archiver(Path queue, Path root, boolean retainQ) throws IOException {
        return new RawArchiver(new RawArchiverConfig(queue, root, "kraken", true, retainQ, 100),
                PluginHost.of(work.resolve("no-drop-ins")));
    }

    private byte[] zstdDecompress(Path file) throws IOException, InterruptedException {
        Process zstd = new ProcessBuilder("zstd", "-q", "-d", "-c", file.toString()).start();
        byte[] out = zstd.getInputStream().readAllBytes();
        assertTrue(zstd.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, zstd.exitValue(), new String(zstd.getErrorStream().readAllBytes()));
        return out;
    }

    @Test
    void shouldArchiveEverySealedSegmentAsSeekableZstdAndDropThePlainCopyWhenNotRetained() throws Exception {
        Path queue = queue(work.resolve("queue"), 3);
        Path root = work.resolve("archive");
        Path day = root.resolve("raw/v1/kraken/2024-01-02/raw");
        try (RawArchiver archiver = archiver(queue, root, false)) {
            List<ArchivedSegment> done = archiver.runOnce();
            assertEquals(List.of(day.resolve("000000000.q.zst"), day.resolve("000000001.q.zst"),
                    day.resolve("000000002.q.zst")), done.stream().map(ArchivedSegment::destination).toList());
            for (ArchivedSegment s : done) {
                assertArrayEquals(Files.readAllBytes(s.source()), zstdDecompress(s.destination()));
                assertTrue(Files.size(s.destination()) < Files.size(s.source()) / 4, "compressed");
            }
        }
        try (Stream<Path> files = Files.list(day)) {
            assertEquals(List.of("000000000.idx", "000000000.q.zst", "000000001.idx", "000000001.q.zst",
                    "000000002.idx", "000000002.q.zst", "meta.json"), files.map(p -> p.getFileName().toString())
                    .sorted().toList(), "no plain copies, no temporary files");
        }
        SegmentMeta.Segment first = SegmentMeta.read(day.resolve("meta.json")).segment(0);
        assertEquals("000000000.q.zst", first.compressed());
        assertFalse(first.retained());
        assertEquals(TierChecksums.of(queue.resolve("000000000.q")), first.checksum(), "the original's checksum");

        Path packed = day.resolve("000000001.q.zst");
        var written = Files.getLastModifiedTime(packed);
        try (RawArchiver again = archiver(queue, root, false)) {
            assertEquals(List.of(), again.runOnce(), "a rerun has nothing to do");
        }
        assertEquals(written, Files.getLastModifiedTime(packed));
    }

    @Test
    void shouldKeepBothCopiesWhenRetainedAndRedoACompressionACrashLeftHalfWritten() throws Exception {
        Path queue = queue(work.resolve("queue"), 2);
        Path root = work.resolve("archive");
        Path day = Files.createDirectories(root.resolve("raw/v1/kraken/2024-01-02/raw"));
        Files.writeString(day.resolve("000000001.q.zst.tmp"), "half a frame");
        try (RawArchiver archiver = archiver(queue, root, true)) {
            assertEquals(2, archiver.runOnce().size());
        }
        for (String name : List.of("000000000.q", "000000001.q")) {
            assertEquals(-1, Files.mismatch(queue.resolve(name), day.resolve(name)), "plain copy kept: " + name);
            assertArrayEquals(Files.readAllBytes(queue.resolve(name)), zstdDecompress(day.resolve(name + ".zst")));
        }
        assertFalse(Files.exists(day.resolve("000000001.q.zst.tmp")));
        assertTrue(SegmentMeta.read(day.resolve("meta.json")).segment(1).retained());
    }
}
