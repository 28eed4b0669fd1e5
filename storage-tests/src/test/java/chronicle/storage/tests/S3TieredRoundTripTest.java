package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierConfig;
import chronicle.bus.api.TierMove;
import chronicle.bus.api.TieringRule;
import chronicle.core.api.StartPosition;
import chronicle.plugin.tier.s3.LocalS3;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TierManager;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import chronicle.storage.tests.ArchiveFixture.Written;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream day moved by the tier manager into an S3 tier (the {@code s3} plug-in against s3proxy on 127.0.0.1),
 * compressed with seekable zstd, and read back through the tiered reader with ranged gets: the same records, the
 * same seeks, and a second pass that moves nothing.
 */
@Timeout(180)
class S3TieredRoundTripTest {

    private static final int EVENTS = 6_000;

    @TempDir
    Path dir;

    @Test
    void shouldReadTheSameRecordsFromAnS3Tier() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        StreamDay day = ArchiveFixture.writeDay(archive, LocalDate.of(2024, 3, 1), EVENTS, 21);
        ArchiveFixture.sealedAt(archive, day, System.currentTimeMillis() - Duration.ofDays(10).toMillis());
        Path pristine = dir.resolve("pristine");
        ArchiveFixture.copyTree(archive, pristine);
        List<Written> expected = ArchiveFixture.readQueue(day.queueDir(pristine));
        try (LocalS3 s3 = LocalS3.start()) {
            // As config/chronicle.json gives it: strings, a boolean and a number (TierConfig keeps them as JSON).
            TierConfig far = TierConfig.of(Map.of("backend", "s3", "bucket", LocalS3.BUCKET, "prefix", "md/",
                    "endpoint", s3.endpoint().toString(), "pathStyle", true, "maxAttempts", 3));
            ChronicleConfig config = new ChronicleConfig(archive.resolve("bus"), archive, Map.of("far", far),
                    List.of(new TieringRule("*", "*", "*", List.of(TierMove.of("far", "7d", "zstd")))));
            try (Tiers tiers = Tiers.of(config, PluginHost.of(dir.resolve("no-plugins")))) {
                TierManager.Report report = new TierManager(tiers, config.tiering(), Clock.systemUTC(), line -> { })
                        .runOnce();
                assertTrue(report.problems().isEmpty(), report.problems().toString());

                List<SegmentLocation> segments = Manifest.load(archive, day).segments();
                assertTrue(segments.size() >= 3, "several segments: " + segments);
                for (SegmentLocation s : segments) {
                    assertEquals("far", s.tier());
                    assertEquals("zstd", s.compression());
                    assertEquals(s.size(), s3.raw().headObject(b -> b.bucket(LocalS3.BUCKET).key("md/" + s.key()))
                            .contentLength(), "the object is in the bucket under the prefix: " + s.key());
                }
                try (TieredReader reader = TieredReader.open(tiers, day, StartPosition.earliest(),
                        TieredReader.Options.DEFAULT)) {
                    assertEquals(expected, ArchiveFixture.drain(reader), "the same records in order");
                }
                SplittableRandom random = new SplittableRandom(5);
                for (int i = 0; i < 10; i++) {
                    Written wanted = expected.get(random.nextInt(expected.size()));
                    try (TieredReader reader = TieredReader.open(tiers, day,
                            StartPosition.sequence(wanted.sequence()), TieredReader.Options.DEFAULT)) {
                        List<Written> got = ArchiveFixture.drain(reader);
                        assertFalse(got.isEmpty());
                        assertEquals(wanted, got.getFirst(), "from sequence " + wanted.sequence());
                    }
                }
                TierManager.Report again = new TierManager(tiers, config.tiering(), Clock.systemUTC(), line -> { })
                        .runOnce();
                assertEquals(0, again.moved(), "a second pass moves nothing: " + again);
            }
        }
    }
}
