package chronicle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tiering through the image: an imported day, moved by {@code tier-manager} into a compressed local tier, answers
 * {@code chronicle book --at T} and {@code chronicle tail} exactly as it did while hot; {@code chronicle manifest}
 * says where it is; a misconfigured tier is one line and moves nothing.
 */
class TieringLaunchersIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();
    private static final long T0 = 1_795_305_600_000_000L; // 2026-11-22T00:00Z in microseconds

    /** Exit code, standard output and standard error of a launcher. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path work, String launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(IMAGE.resolve("bin").resolve(launcher).toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, launcher, ".out");
        Path err = Files.createTempFile(work, launcher, ".err");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), launcher + " hung");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String ok(Path work, String launcher, String... args) throws Exception {
        Run r = run(work, launcher, args);
        assertEquals(0, r.exit(), launcher + " " + String.join(" ", args) + ": " + r.out() + r.err());
        return r.out();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTieredDayAnswersAsItDidWhileHot(@TempDir Path work) throws Exception {
        Path input = work.resolve("kraken_incremental_book_L2_2026-11-22_XBT-USD.csv");
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.US_ASCII)) {
            w.write("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
            for (int i = 0; i < 10; i++) {
                w.write("kraken,XBT/USD," + T0 + "," + T0 + ",true," + (i % 2 == 0 ? "bid," + (50_000 - i) : "ask,"
                        + (50_001 + i)) + ".5,1.25\n");
            }
            for (int row = 0; row < 50_000; row++) {
                long ts = T0 + 1 + row * 1000L;
                w.write("kraken,XBT/USD," + ts + "," + ts + ",false," + (row % 2 == 0 ? "bid," : "ask,")
                        + (row % 2 == 0 ? 49_990 + row % 10 : 50_010 + row % 10) + ".5," + (row % 7) + ".125\n");
            }
        }
        Path archive = work.resolve("archive");
        Path cold = Files.createDirectories(work.resolve("cold"));
        ok(work, "chronicle", "import", "--vendor", "tardis", "--input", input.toString(), "--archive",
                archive.toString(), "--venue", "kraken", "--symbol", "XBT/USD");
        Path config = work.resolve("chronicle.json");
        Files.writeString(config, """
                {"busRoot": "bus", "archiveRoot": "%s",
                 "tiers": {"cold": {"backend": "local", "root": "%s"}},
                 "tiering": [{"moves": [{"to": "cold", "after": "0s", "compress": "zstd"}]}]}
                """.formatted(archive, cold));
        String[] book = {"book", "--archive", archive.toString(), "--venue", "kraken", "--symbol", "XBT/USD",
            "--at", "2026-11-22T00:00:30Z", "--json", "--depth", "5", "--config", config.toString()};
        String[] tail = {"tail", archive.toString(), "--venue", "kraken", "--symbol", "XBT/USD", "--date",
            "2026-11-22", "-n", "5", "--config", config.toString()};
        String[] fromTime = {"tail", archive.toString(), "--venue", "kraken", "--symbol", "XBT/USD", "--date",
            "2026-11-22", "--from-time", "2026-11-22T00:00:20Z", "-n", "3", "--config", config.toString()};
        String hotBook = ok(work, "chronicle", book);
        String hotTail = ok(work, "chronicle", tail);
        String hotFrom = ok(work, "chronicle", fromTime);
        assertTrue(hotBook.contains("\"bids\":[[\""), hotBook);
        assertEquals(5, hotTail.lines().count(), hotTail);

        Run broken = run(work, "tier-manager", "--once", "--config", writeBrokenConfig(work, archive));
        assertEquals(1, broken.exit(), broken.out() + broken.err());
        assertTrue(broken.out().contains("tiers.cold.root"), broken.out());
        assertTrue(Files.exists(archive.resolve("kraken/XBT%2FUSD/2026-11-22/book/queue/000000000.q")),
                "a failed move leaves the segment hot");

        String moved = ok(work, "tier-manager", "--once", "--config", config.toString());
        assertTrue(moved.contains("moved segment=0 of kraken/XBT/USD/2026-11-22/book"), moved);
        try (Stream<Path> hot = Files.list(archive.resolve("kraken/XBT%2FUSD/2026-11-22/book/queue"))) {
            assertFalse(hot.anyMatch(p -> p.toString().endsWith(".q")), "no hot segment left");
        }
        assertTrue(Files.isRegularFile(cold.resolve("kraken/XBT%2FUSD/2026-11-22/book/000000000.q.zst")));
        String manifest = ok(work, "chronicle", "manifest", archive.toString());
        assertTrue(manifest.contains("cold") && manifest.contains("zstd"), manifest);

        assertEquals(hotBook, ok(work, "chronicle", book), "the same book from the cold tier");
        assertEquals(hotTail, ok(work, "chronicle", tail), "the same last records");
        assertEquals(hotFrom, ok(work, "chronicle", fromTime), "the same records from a time");
        String again = ok(work, "tier-manager", "--once", "--config", config.toString());
        assertTrue(again.contains("0 moved"), again);
    }

    private static String writeBrokenConfig(Path work, Path archive) throws Exception {
        Path config = work.resolve("broken.json");
        Files.writeString(config, """
                {"busRoot": "bus", "archiveRoot": "%s",
                 "tiers": {"cold": {"backend": "local", "root": "%s"}},
                 "tiering": [{"moves": [{"to": "cold", "after": "0s"}]}]}
                """.formatted(archive, work.resolve("no-such-dir")));
        return config.toString();
    }
}
