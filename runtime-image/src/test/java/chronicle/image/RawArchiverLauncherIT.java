package chronicle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code raw-archiver} launcher of the image: archives the sealed segment of a queue the demo feed wrote (in the
 * seekable zstd format that plain {@code zstd -d} reads back byte for byte), logs each segment, answers bad input with
 * one line, and stops cleanly on SIGTERM when polling.
 */
class RawArchiverLauncherIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();

    /** Exit code, standard output and standard error of a finished launcher. */
    private record Run(int exit, String out, String err) {
    }

    private static Process start(Path work, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(IMAGE.resolve("bin/raw-archiver").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile());
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        return builder.start();
    }

    private static Run run(Path work, String name, String... args) throws Exception {
        Process p = start(work, name, args);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "raw-archiver hung");
        return new Run(p.exitValue(), Files.readString(work.resolve(name + ".out"), StandardCharsets.UTF_8),
                Files.readString(work.resolve(name + ".err"), StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void archivesTheSealedSegmentCompressedLogsItAndStopsOnSigterm(@TempDir Path work) throws Exception {
        Process feed = new ProcessBuilder(IMAGE.resolve("bin/chronicle").toString(), "feed", "--bus-root",
                work.resolve("bus").toString(), "--symbols", "2", "--rate", "0", "--count", "2000000")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("feed.out").toFile())
                .start();
        assertTrue(feed.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, feed.exitValue(), Files.readString(work.resolve("feed.out")));
        Path queue = work.resolve("bus/live/market_data/queue/demo_feed");
        Path segment = queue.resolve("000000000.q");
        assertTrue(Files.exists(queue.resolve("000000001.q")), "the feed rolled into a second segment");

        Run once = run(work, "once", "--source", queue.toString(), "--archive-root", "archive", "--venue", "demo",
                "--once", "--compress", "--retain-q=false");
        assertEquals(0, once.exit(), once.out() + once.err());
        assertTrue(once.out().endsWith("raw-archiver: 1 segments archived; stopped\n"), once.out());
        Path day;
        try (var days = Files.list(work.resolve("archive/raw/v1/demo"))) {
            day = days.findFirst().orElseThrow().resolve("raw");
        }
        assertEquals("INFO archived segment=" + segment + " -> " + day.resolve("000000000.q.zst").toString()
                .replace(work + "/", ""), once.err().strip(), "one log line per segment, nothing else");
        assertFalse(Files.exists(day.resolve("000000000.q")), "--retain-q=false");
        Process zstd = new ProcessBuilder("zstd", "-q", "-d", "-c", day.resolve("000000000.q.zst").toString())
                .redirectOutput(work.resolve("restored").toFile()).start();
        assertTrue(zstd.waitFor(1, TimeUnit.MINUTES));
        assertArrayEquals(Files.readAllBytes(segment), Files.readAllBytes(work.resolve("restored")),
                "plain zstd restores the segment byte for byte");

        Process polling = start(work, "poll", "--source", queue.toString(), "--archive-root", "archive", "--venue",
                "demo", "--poll-ms", "200");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(work.resolve("poll.out")).contains("every 200 ms")) {
            assertTrue(System.nanoTime() < deadline && polling.isAlive(), Files.readString(work.resolve("poll.err")));
            Thread.sleep(50);
        }
        Thread.sleep(500);
        polling.destroy(); // SIGTERM, straight to the JVM: the launcher execs it
        assertTrue(polling.waitFor(30, TimeUnit.SECONDS), "stopped on SIGTERM");
        assertTrue(Files.readString(work.resolve("poll.out")).contains("raw-archiver: 0 segments archived; stopped"),
                Files.readString(work.resolve("poll.out")) + Files.readString(work.resolve("poll.err")));

        Run bad = run(work, "bad", "--source", work.resolve("nowhere").toString(), "--archive-root", "archive",
                "--venue", "demo", "--once");
        assertEquals(1, bad.exit());
        assertEquals("chronicle raw-archiver: source " + work.resolve("nowhere") + " does not exist\n", bad.err());
    }
}
