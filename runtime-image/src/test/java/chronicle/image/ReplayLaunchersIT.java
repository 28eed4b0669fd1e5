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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots and warm start end to end through the image's launchers: the demo feed, the archive tap, the snapshotter
 * over the archive, and a warm start that reports the snapshot header it used and begins replay at the snapshot
 * boundary; then the book at a time T.
 */
class ReplayLaunchersIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();

    private static String run(Path work, String launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(IMAGE.resolve("bin").resolve(launcher).toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, launcher, ".out");
        Path err = Files.createTempFile(work, launcher, ".err");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), launcher + " hung");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), launcher + " " + args[0] + ": " + text + Files.readString(err));
        return text;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void snapshotterWritesSnapshotsAndWarmStartBeginsAtTheBoundary(@TempDir Path work) throws Exception {
        Path bus = work.resolve("bus");
        String live = bus.resolve("live/market_data/queue/demo_feed").toString();
        String archive = bus.resolve("archive/market_data/queue/demo_feed").toString();
        run(work, "chronicle", "feed", "--bus-root", bus.toString(), "--symbols", "3", "--rate", "0",
                "--count", "100000");
        run(work, "archive-tap", "--live", live, "--archive", archive, "--start", "earliest",
                "--exit-when-idle", "500ms");
        String snapshotter = run(work, "snapshotter", "--archive", archive, "--venue", "1", "--market", "1",
                "--interval", "1ms", "--exit-when-idle", "500ms");
        Matcher wrote = Pattern.compile("wrote (\\d+) snapshot").matcher(snapshotter);
        assertTrue(wrote.find() && Integer.parseInt(wrote.group(1)) > 0, snapshotter);
        try (var files = Files.list(bus.resolve("archive/snapshots/1/1"))) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().matches("snapshot_\\d{20}\\.bin|timeline\\.idx")));
        }
        assertTrue(Files.isRegularFile(bus.resolve("archive/snapshots/1/1/timeline.idx")), "the snapshots' time line");

        String warm = run(work, "warm-start", "--archive", archive, "--venue", "1", "--market", "1");
        Matcher header = Pattern.compile("snapshot: .*snapshot_(\\d{20})\\.bin\\n  codec l2, venue 1, market 1, mode L2, "
                + "sequence (\\d+)").matcher(warm);
        assertTrue(header.find(), warm);
        long sequence = Long.parseLong(header.group(2));
        assertEquals(Long.parseLong(header.group(1)), sequence, "the file is named after its sequence");
        assertTrue(warm.contains("replay: began at sequence " + (sequence + 1) + ";"), warm);

        String book = run(work, "chronicle", "book", "--archive", archive, "--venue", "1", "--market", "1",
                "--at", "2100-01-01T00:00:00Z", "--json", "--depth", "3");
        assertTrue(book.startsWith("{\"venue\":1,\"market\":1,") && book.contains("\"bids\":[[\""), book);

        // The same market by name: the feed registered demo BTC-USD, the tap carried the name to the archive root.
        String named = run(work, "chronicle", "book", "--archive", archive, "--venue", "demo", "--symbol", "BTC-USD",
                "--at", "2100-01-01T00:00:00Z", "--json", "--depth", "3");
        assertEquals(book, named, "numbers and names give the same book");
        assertTrue(named.startsWith("{\"venue\":1,\"market\":1,\"venue_name\":\"demo\",\"symbol\":\"BTC-USD\","),
                named);
        String again = run(work, "snapshotter", "--archive", archive, "--venue", "demo", "--symbol", "BTC-USD",
                "--interval", "1ms", "--exit-when-idle", "500ms");
        assertTrue(again.startsWith("snapshotter: demo BTC-USD of " + archive), again);
        String warmByName = run(work, "warm-start", "--archive", archive, "--venue", "demo", "--symbol", "BTC-USD");
        assertTrue(warmByName.startsWith("warm-start: demo BTC-USD of " + archive), warmByName);
    }
}
