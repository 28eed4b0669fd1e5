package chronicle.cli.internal;

import chronicle.core.api.QueueInspector;
import chronicle.storage.api.SegmentMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code chronicle raw-archiver}: a pass over a real queue, plain and compressed, and its answers to bad input. */
@Timeout(60)
class RawArchiverCommandTest {

    @TempDir
    Path dir;

    private Path queue() {
        return JournalFixture.queue(dir.resolve("bus/streams/raw/binance/queue"), 3_000);
    }

    /** @return the sealed segments of the fixture queue (all but the newest, which is active). */
    private static int sealed(Path q) {
        int sealed = 0;
        while (QueueInspector.headerSealed(JournalFixture.segment(q, sealed))) {
            sealed++;
        }
        assertTrue(sealed >= 3, "the fixture rolled: " + sealed);
        assertTrue(Files.exists(JournalFixture.segment(q, sealed)), "an active segment after the sealed ones");
        return sealed;
    }

    private Path day() {
        return dir.resolve("archive/raw/v1/binance/2026-11-22/raw");
    }

    @Test
    void shouldArchiveTheSealedSegmentsOnceAndSayHowMany() throws Exception {
        Path q = queue();
        JournalFixture.Result r = run("raw-archiver", "--source", q.toString(), "--archive-root",
                dir.resolve("archive").toString(), "--venue", "binance", "--once");
        assertEquals(0, r.code(), r.out() + r.err());
        int sealed = sealed(q);
        assertEquals(List.of("raw-archiver: archiving sealed segments of " + q + " -> "
                + dir.resolve("archive/raw/v1/binance"), "raw-archiver: " + sealed + " segments archived; stopped"),
                r.lines());
        for (int s = 0; s < sealed; s++) {
            assertEquals(-1, Files.mismatch(JournalFixture.segment(q, s), day().resolve(String.format("%09d.q", s))));
        }
        assertFalse(Files.exists(day().resolve(String.format("%09d.q", sealed))), "the active segment stays");
        assertEquals(sealed, SegmentMeta.read(day().resolve("meta.json")).segments().size());
        JournalFixture.Result again = run("raw-archiver", "--source", q.toString(), "--archive-root",
                dir.resolve("archive").toString(), "--venue", "binance", "--once");
        assertEquals("raw-archiver: 0 segments archived; stopped", again.lines().getLast(), "a rerun is a no-op");
    }

    @Test
    void shouldRefuseCompressionWithOneLineWhenTheZstdPlugInIsMissing() throws Exception {
        // The command line's tests run without the zstd plug-in; the compressed path is tested with it in
        // plugins/compressor-zstd (RawArchiverCompressionTest) and through the image (RawArchiverLauncherIT).
        Path q = queue();
        assertOneLine(run("raw-archiver", "--source", q.toString(), "--archive-root", dir.resolve("archive").toString(),
                "--venue", "binance", "--once", "--compress", "--retain-q=false"), "compression needs the seekable "
                + "compressor \"zstd\", which is not installed (see chronicle plugins)");
        assertFalse(Files.exists(q.resolve("readers/raw-archiver.pos")), "not registered on the queue");
    }

    @Test
    void shouldAnswerBadInputWithOneLineAndExitNonZero() throws Exception {
        Path missing = dir.resolve("missing");
        assertOneLine(run("raw-archiver", "--source", missing.toString(), "--archive-root",
                dir.resolve("archive").toString(), "--venue", "binance", "--once"), "source " + missing
                + " does not exist");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertOneLine(run("raw-archiver", "--source", plain.toString(), "--archive-root",
                dir.resolve("archive").toString(), "--venue", "binance", "--once"), "source " + plain
                + " is not a queue (no queue.ctl in it)");
        Path q = queue();
        assertOneLine(run("raw-archiver", "--source", q.toString(), "--archive-root", dir.resolve("archive").toString(),
                "--venue", "..", "--once"), "venue name '..' is not allowed: it would leave its directory");
        Path file = Files.writeString(dir.resolve("file"), "x");
        JournalFixture.Result unwritable = run("raw-archiver", "--source", q.toString(), "--archive-root",
                file.resolve("archive").toString(), "--venue", "binance", "--once");
        assertOneLine(unwritable, "archive root " + file.resolve("archive") + " is not writable: ");
        assertFalse(Files.exists(dir.resolve("archive")), "nothing written");
        assertFalse(Files.exists(q.resolve("readers/raw-archiver.pos")), "not registered on the queue");
        JournalFixture.Result usage = run("raw-archiver", "--source", q.toString());
        assertEquals(2, usage.code(), "a missing option is a usage error");
    }

    private static void assertOneLine(JournalFixture.Result r, String expected) {
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("chronicle raw-archiver: " + expected), r.err());
    }
}
