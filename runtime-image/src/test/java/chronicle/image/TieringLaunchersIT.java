package chronicle.image;

import chronicle.plugin.tier.s3.LocalS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tiering through the image: an imported day, moved by {@code tier-manager} into a compressed local tier, answers
 * {@code chronicle book --at T} and {@code chronicle tail} exactly as it did while hot, and again once moved on to
 * S3 (s3proxy, through the image's {@code plugins/tier-s3/} drop-in); {@code chronicle manifest} says where it is;
 * a misconfigured tier is one line and moves nothing.
 */
class TieringLaunchersIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();
    private static final long T0 = 1_795_305_600_000_000L; // 2026-11-22T00:00Z in microseconds

    /** Credentials of the local S3 service, as the AWS SDK's default chain finds them in the environment. */
    private static final Map<String, String> S3_CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY, "AWS_EC2_METADATA_DISABLED", "true");

    private static ImageProcess.Result run(Path work, String launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(IMAGE.resolve("bin").resolve(launcher).toString()));
        command.addAll(List.of(args));
        return ImageProcess.run(work, S3_CREDENTIALS, command);
    }

    private static String ok(Path work, String launcher, String... args) throws Exception {
        ImageProcess.Result r = run(work, launcher, args);
        assertEquals(0, r.exit(), r::describe);
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

        ImageProcess.Result broken = run(work, "tier-manager", "--once", "--config", writeBrokenConfig(work, archive));
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

        // On to S3 (s3proxy on 127.0.0.1, the tier-s3 drop-in of the image): the same answers again.
        try (LocalS3 s3 = LocalS3.start()) {
            Files.writeString(config, """
                    {"busRoot": "bus", "archiveRoot": "%s",
                     "tiers": {"cold": {"backend": "local", "root": "%s"},
                               "far": {"backend": "s3", "bucket": "%s", "endpoint": "%s", "pathStyle": true}},
                     "tiering": [{"moves": [{"to": "cold", "after": "0s", "compress": "zstd"},
                                            {"to": "far", "after": "0s"}]}]}
                    """.formatted(archive, cold, LocalS3.BUCKET, s3.endpoint()));
            String toS3 = ok(work, "tier-manager", "--once", "--config", config.toString());
            assertTrue(toS3.contains("-> s3://" + LocalS3.BUCKET + "/kraken/XBT%2FUSD/2026-11-22/book/000000000.q.zst"),
                    toS3);
            assertFalse(Files.exists(cold.resolve("kraken/XBT%2FUSD/2026-11-22/book/000000000.q.zst")),
                    "the cold copy is deleted once the S3 copy is verified");
            assertEquals(hotBook, ok(work, "chronicle", book), "the same book from S3");
            assertEquals(hotTail, ok(work, "chronicle", tail), "the same last records from S3");
            assertEquals(hotFrom, ok(work, "chronicle", fromTime), "the same records from a time, from S3");
        }
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
