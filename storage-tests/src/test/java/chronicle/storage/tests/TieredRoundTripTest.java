package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierConfig;
import chronicle.bus.api.TierMove;
import chronicle.core.api.StartPosition;
import chronicle.plugin.tier.s3.LocalS3;
import chronicle.pluginhost.api.PluginHost;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.WarmStart;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static chronicle.storage.tests.ArchiveFixture.MARKET_ID;
import static chronicle.storage.tests.ArchiveFixture.VENUE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three stream days of several sealed segments each, tiered by the tier manager by their age: one to S3 (s3proxy on
 * 127.0.0.1) through a compressed local tier's rule, one to the compressed local tier, one left hot; read back
 * through the tiered reader: the same records, the same seeks by sequence and time, the same books at 100 random
 * times as the original.
 */
@Timeout(180)
class TieredRoundTripTest {

    private static final int EVENTS = 6_000;

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheSameRecordsSeeksAndBooksWhereverTheSegmentsLive() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path cold = Files.createDirectories(dir.resolve("cold"));
        LocalDate first = LocalDate.of(2024, 3, 1);
        long now = System.currentTimeMillis();
        List<StreamDay> days = new ArrayList<>();
        long[] sealedAgo = {Duration.ofDays(10).toMillis(), Duration.ofHours(3).toMillis(), 0};
        for (int i = 0; i < 3; i++) {
            StreamDay day = ArchiveFixture.writeDay(archive, first.plusDays(i), EVENTS, 11 + i);
            ArchiveFixture.sealedAt(archive, day, now - sealedAgo[i]);
            days.add(day);
        }
        Path pristine = dir.resolve("pristine");
        ArchiveFixture.copyTree(archive, pristine);
        List<String> log = new ArrayList<>();
        try (LocalS3 s3 = LocalS3.start()) {
            // hot -> cold (a local directory, compressed on the way) after 2 h -> far (S3 through s3proxy) after 7 d
            TierConfig farTier = TierConfig.of(Map.of("backend", "s3", "bucket", LocalS3.BUCKET, "prefix", "md/",
                    "endpoint", s3.endpoint().toString(), "pathStyle", true, "maxAttempts", 3));
            ChronicleConfig local = ArchiveFixture.config(archive, Map.of("cold", cold),
                    List.of(TierMove.of("cold", "2h", "zstd"), TierMove.of("far", "7d", null)));
            Map<String, TierConfig> tierConfigs = new java.util.HashMap<>(local.tiers());
            tierConfigs.put("far", farTier);
            ChronicleConfig config = new ChronicleConfig(local.busRoot(), archive, tierConfigs, local.tiering());
            roundTrip(archive, cold, s3, days, pristine, config, log);
        }
    }

    private void roundTrip(Path archive, Path cold, LocalS3 s3, List<StreamDay> days, Path pristine,
                           ChronicleConfig config, List<String> log) throws IOException {
        try (Tiers tiers = Tiers.of(config, PluginHost.of(dir.resolve("no-plugins")))) {
            TierManager.Report report = new TierManager(tiers, config.tiering(), Clock.systemUTC(), log::add)
                    .runOnce();
            assertTrue(report.problems().isEmpty(), report.problems().toString());
            assertTrue(report.moved() >= 6, "two days of several segments moved: " + report);

            assertAllIn(archive, days.get(0), "far", key -> s3.raw().headObject(b -> b.bucket(LocalS3.BUCKET)
                    .key("md/" + key)).contentLength() > 0, ".q.zst");
            assertAllIn(archive, days.get(1), "cold", key -> Files.isRegularFile(cold.resolve(key)), ".q.zst");
            assertTrue(Manifest.load(archive, days.get(2)).segments().stream().allMatch(SegmentLocation::hot));
            assertTrue(log.stream().anyMatch(l -> l.startsWith("moved segment=")), log.toString());

            ExecutorService readAhead = Executors.newSingleThreadExecutor();
            try {
                TieredReader.Options options = TieredReader.Options.DEFAULT.withReadAhead(readAhead);
                for (StreamDay day : days) {
                    List<Written> expected = ArchiveFixture.readQueue(day.queueDir(pristine));
                    try (TieredReader reader = TieredReader.open(tiers, day, StartPosition.earliest(), options)) {
                        assertEquals(expected, ArchiveFixture.drain(reader), day + ": the same records in order");
                    }
                    assertSeeks(tiers, day, expected, options);
                }
                assertBooks(tiers, days, pristine, options);
            } finally {
                readAhead.shutdownNow();
            }

            TierManager.Report again = new TierManager(tiers, config.tiering(), Clock.systemUTC(), log::add)
                    .runOnce();
            assertEquals(0, again.moved(), "a second pass moves nothing: " + again);
            assertEquals(0, again.registered(), "and registers nothing: " + again);
        }
    }

    private static void assertAllIn(Path archive, StreamDay day, String tier, Predicate<String> stored,
                                    String suffix) throws IOException {
        List<SegmentLocation> segments = Manifest.load(archive, day).segments();
        assertTrue(segments.size() >= 3, day + " has several segments: " + segments.size());
        for (SegmentLocation s : segments) {
            assertEquals(tier, s.tier(), day + " segment " + s.segment());
            assertTrue(s.key().endsWith(suffix), s.key());
            assertEquals("zstd", s.compression());
            assertTrue(s.size() < s.originalSize() / 2, "compressed: " + s.size() + " of " + s.originalSize());
            assertTrue(stored.test(s.key()), "object there: " + s.key());
            assertFalse(Files.exists(day.queueDir(archive).resolve(String.format("%09d.q", s.segment()))),
                    "hot copy deleted");
        }
        try (Stream<Path> left = Files.list(day.queueDir(archive))) {
            assertTrue(left.noneMatch(p -> p.toString().endsWith(".q") || p.toString().endsWith(".idx")),
                    "no segment or index left in the hot queue directory");
        }
    }

    private static void assertSeeks(Tiers tiers, StreamDay day, List<Written> expected, TieredReader.Options options) {
        SplittableRandom random = new SplittableRandom(day.date().toEpochDay());
        for (int i = 0; i < 20; i++) {
            Written wanted = expected.get(random.nextInt(expected.size()));
            try (TieredReader reader = TieredReader.open(tiers, day, StartPosition.sequence(wanted.sequence()),
                    options)) {
                assertEquals(wanted.sequence(), reader.nextSequence());
                List<Written> got = ArchiveFixture.drain(reader);
                assertEquals(expected.subList(expected.indexOf(wanted), expected.size()), got,
                        day + ": from sequence " + wanted.sequence());
            }
            try (TieredReader reader = TieredReader.open(tiers, day, StartPosition.timestamp(wanted.timestamp()),
                    options)) {
                List<Written> got = ArchiveFixture.drain(reader);
                assertFalse(got.isEmpty());
                assertEquals(wanted, got.getFirst(), day + ": first record at or after " + wanted.timestamp());
            }
        }
    }

    private static void assertBooks(Tiers tiers, List<StreamDay> days, Path pristine, TieredReader.Options options) {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100; i++) {
            StreamDay day = days.get(random.nextInt(days.size()));
            long start = day.date().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() * 1_000_000L;
            long at = start + random.nextLong(EVENTS * 1_000_000L);
            WarmStart.Result tiered = WarmStart.bookAt(TieredReader.opener(tiers, day, options), null,
                    name -> null, VENUE_ID, MARKET_ID, at, GapPolicy.FAIL, 20, null);
            WarmStart.Result original = WarmStart.bookAt(day.queueDir(pristine), null, name -> null, VENUE_ID,
                    MARKET_ID, at, GapPolicy.FAIL, 20, null);
            MarketBook book = tiered.book();
            assertNotNull(book, day + " has a book at " + at);
            assertEquals(original.book().hash(), book.hash(), day + ": the same book at " + at);
            assertEquals(original.book().lastSequence(), book.lastSequence(), day + " at " + at);
            assertEquals(original.records(), tiered.records(), day + " at " + at);
        }
    }
}
