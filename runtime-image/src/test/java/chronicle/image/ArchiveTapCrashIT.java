package chronicle.image;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live-to-archive path through the image's launchers, with crashes: the demo feed writes the live queue while
 * the {@code archive-tap} launcher is started and killed with SIGKILL twenty times at random moments (during start-up,
 * recovery and copying). Afterwards a last tap catches up, and the archive must equal the live stream record for
 * record (sequence, timestamp, type, payload bytes): nothing lost, nothing twice, nothing out of order.
 */
class ArchiveTapCrashIT {

    private static Path image;

    @BeforeAll
    static void locateImage() {
        image = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle")).toAbsolutePath();
        assertTrue(Files.isExecutable(image.resolve("bin/archive-tap")), "no archive-tap launcher in " + image);
    }

    private static Process start(Path work, String launcher, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(image.resolve("bin").resolve(launcher).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(launcher + ".out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve(launcher + ".err").toFile()));
        builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        return builder.start();
    }

    private static String run(Path work, String launcher, String... args) throws Exception {
        Path out = Files.createTempFile(work, launcher, ".out");
        List<String> command = new ArrayList<>(List.of(image.resolve("bin").resolve(launcher).toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("run.err").toFile())).start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), launcher + " " + String.join(" ", args) + " hung");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), launcher + " " + String.join(" ", args) + " failed: " + text
                + Files.readString(work.resolve("run.err")));
        return text;
    }

    /** Waits until the tap has printed one more "copying" line than before; returns the new count. */
    private static int awaitCopying(Path work, int before, Process tap) throws Exception {
        Path out = work.resolve("archive-tap.out");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long count = Files.exists(out) ? Files.readString(out).lines()
                    .filter(l -> l.startsWith("archive-tap: copying")).count() : 0;
            if (count > before) {
                return (int) count;
            }
            assertTrue(tap.isAlive(), "the tap exited: " + Files.readString(work.resolve("archive-tap.err")));
            Thread.sleep(10);
        }
        throw new AssertionError("the tap never started copying: " + Files.readString(work.resolve("archive-tap.err")));
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void archiveEqualsLiveAfterTheTapIsKilledTwentyTimes(@TempDir Path work) throws Exception {
        Path live = work.resolve("bus/live/market_data/queue/demo_feed");
        Path archive = work.resolve("bus/archive/market_data/queue/demo_feed");
        Process feed = start(work, "chronicle", "feed", "--bus-root", work.resolve("bus").toString(),
                "--symbols", "4", "--rate", "5000", "--duration", "5m");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(live.resolve("queue.ctl")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(live.resolve("queue.ctl")), "the feed created the live queue");
            Random random = new Random(20);
            int copying = 0;
            for (int kill = 0; kill < 20; kill++) {
                Process tap = start(work, "archive-tap", "--live", live.toString(), "--archive", archive.toString(),
                        "--start", "earliest");
                if (kill % 4 == 3) {
                    Thread.sleep(random.nextInt(400)); // during start-up or the archive writer's recovery
                } else {
                    copying = awaitCopying(work, copying, tap); // mid-copy, at a random moment
                    Thread.sleep(random.nextInt(300));
                }
                tap.destroyForcibly(); // SIGKILL, straight to the JVM: the launcher execs it
                assertTrue(tap.waitFor(30, TimeUnit.SECONDS));
            }
            // SIGTERM to the launcher reaches the JVM (the launcher execs it): the tap stops cleanly.
            Path graceful = Files.createDirectories(work.resolve("graceful"));
            Process tap = start(graceful, "archive-tap", "--live", live.toString(), "--archive", archive.toString());
            awaitCopying(graceful, 0, tap); // started and copying, however long the JVM took to start
            tap.destroy();
            assertTrue(tap.waitFor(30, TimeUnit.SECONDS));
            String said = Files.readString(graceful.resolve("archive-tap.out"));
            assertTrue(said.contains("archive-tap: copied"), "stopped cleanly on SIGTERM: " + said
                    + Files.readString(graceful.resolve("archive-tap.err")));
        } finally {
            feed.destroy(); // SIGTERM: the feed closes its queue cleanly
            assertTrue(feed.waitFor(60, TimeUnit.SECONDS), "feed stopped");
        }
        assertTrue(Files.readString(work.resolve("chronicle.out")).contains("feed: wrote"), "feed stopped cleanly");
        String last = run(work, "archive-tap", "--live", live.toString(), "--archive", archive.toString(),
                "--exit-when-idle", "1s");
        assertTrue(last.contains("archive-tap: copied"), last);

        assertTrue(run(work, "chronicle", "verify", live.toString()).startsWith("OK"));
        assertTrue(run(work, "chronicle", "verify", archive.toString()).startsWith("OK"));
        List<String> liveRecords = run(work, "chronicle", "tail", live.toString(), "--from-seq", "0",
                "--limit", "100000000", "--json", "--hex").lines().toList();
        List<String> archived = run(work, "chronicle", "tail", archive.toString(), "--from-seq", "0",
                "--limit", "100000000", "--json", "--hex").lines().toList();
        assertTrue(liveRecords.size() > 10_000, "the feed ran: " + liveRecords.size() + " records");
        assertEquals(liveRecords.size(), archived.size(), "same number of records");
        for (int i = 0; i < liveRecords.size(); i++) {
            assertEquals(liveRecords.get(i), archived.get(i), "record " + i);
        }
    }
}
