package chronicle.storage.tests;

import chronicle.core.api.StartPosition;
import chronicle.pluginhost.api.PluginHost;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.WarmStart;
import chronicle.storage.api.BundleException;
import chronicle.storage.api.DayBundle;
import chronicle.storage.api.HotSegments;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import chronicle.storage.tests.BundleFixture.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static chronicle.storage.tests.ArchiveFixture.MARKET_ID;
import static chronicle.storage.tests.ArchiveFixture.VENUE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Day bundles through the API with the real plug-ins (local tier, zstd and xz compressors): a day whose segments
 * are partly hot and partly in a compressed local tier reads exactly the same after pack and unpack into another
 * archive root that has no tiers, record for record and book for book.
 */
@Timeout(180)
class DayBundleTest {

    @TempDir
    Path dir;

    private final PluginHost host = PluginHost.of(Path.of("no-plugins-folder"));

    @Test
    void shouldReadTheSameRecordsAndBooksAfterPackAndUnpackWithZstd() throws IOException {
        roundTrip(".tar.zst");
    }

    @Test
    void shouldReadTheSameRecordsAndBooksAfterPackAndUnpackWithXz() throws IOException {
        roundTrip(".tar.xz");
    }

    private void roundTrip(String extension) throws IOException {
        Source source = BundleFixture.build(dir);
        Path bundle = dir.resolve("out/day" + extension);
        Files.createDirectories(bundle.getParent());
        DayBundle.Packed packed;
        try (Tiers tiers = Tiers.of(source.config(), host)) {
            packed = DayBundle.pack(tiers, host, ArchiveFixture.VENUE, ArchiveFixture.SYMBOL, BundleFixture.DAY,
                    bundle);
        }
        assertEquals(List.of("book", "trades"), packed.streams());
        assertTrue(packed.size() < packed.bytes(), "compressed: " + packed);
        try (var left = Files.list(bundle.getParent())) {
            assertEquals(List.of(bundle), left.toList(), "no temporary file or work directory left beside it");
        }

        Path target = Files.createDirectories(dir.resolve("target"));
        DayBundle.Unpacked unpacked = DayBundle.unpack(bundle, target, host, false);
        assertTrue(unpacked.restoredSegments() >= 2, "tiered segments made hot: " + unpacked);
        assertFalse(unpacked.replaced());

        try (Tiers none = new Tiers(target, Map.of(), host)) {
            for (StreamDay day : source.days()) {
                List<SegmentLocation> entries = Manifest.load(target, day).segments();
                assertEquals(Manifest.load(source.archive(), day).segments().size(), entries.size(), day.toString());
                for (SegmentLocation entry : entries) {
                    assertTrue(entry.hot(), day + " segment " + entry.segment() + " is hot in the target");
                    assertEquals(null, entry.compression());
                    assertTrue(Files.isRegularFile(day.queueDir(target).resolve(entry.key())), entry.key());
                    assertTrue(Files.isRegularFile(day.queueDir(target).resolve(entry.indexKey())), entry.indexKey());
                }
                List<ArchiveFixture.Written> expected = ArchiveFixture.readQueue(day.queueDir(source.pristine()));
                try (TieredReader reader = TieredReader.open(none, day, StartPosition.earliest(),
                        TieredReader.Options.DEFAULT)) {
                    assertEquals(expected, ArchiveFixture.drain(reader), day + ": the same records after unpack");
                }
                assertEquals(expected, ArchiveFixture.readQueue(day.queueDir(target)),
                        day + ": the target's queue reads the same on its own");
            }
            assertBooks(none, source, target);
        }
        StreamDay next = new StreamDay(ArchiveFixture.VENUE, ArchiveFixture.SYMBOL, BundleFixture.DAY.plusDays(1),
                "book");
        assertFalse(Files.exists(next.queueDir(target)), "only the day asked for");
        assertEquals("{\"note\":\"kept\"}", Files.readString(source.days().getFirst().queueDir(target).getParent()
                .resolve("meta.json")));
        List<String> ledger = Files.readAllLines(target.resolve("imports/ledger.jsonl"), StandardCharsets.UTF_8);
        assertEquals(1, ledger.size(), "the day's ledger line only: " + ledger);
        assertTrue(ledger.getFirst().contains(BundleFixture.DAY.toString()), ledger.getFirst());
        String ids = Files.readString(target.resolve("ids.json"));
        assertTrue(ids.contains("\"" + ArchiveFixture.VENUE + "\" : " + VENUE_ID), ids);
        assertStagingEmpty(target);

        BundleException again = assertThrows(BundleException.class,
                () -> DayBundle.unpack(bundle, target, host, false));
        assertTrue(again.getMessage().contains("already in this archive") && again.getMessage().contains("--force"),
                again.getMessage());

        Path segment = source.days().getFirst().queueDir(target).resolve(HotSegments.fileName(0));
        Files.write(segment, new byte[] {1, 2, 3});
        DayBundle.Unpacked replaced = DayBundle.unpack(bundle, target, host, true);
        assertTrue(replaced.replaced());
        try (Tiers none = new Tiers(target, Map.of(), host)) {
            StreamDay day = source.days().getFirst();
            try (TieredReader reader = TieredReader.open(none, day, StartPosition.earliest(),
                    TieredReader.Options.DEFAULT)) {
                assertEquals(ArchiveFixture.readQueue(day.queueDir(source.pristine())), ArchiveFixture.drain(reader),
                        "--force replaced the damaged day with the bundle's");
            }
        }
        assertEquals(1, Files.readAllLines(target.resolve("imports/ledger.jsonl")).size(), "no ledger line twice");
        assertStagingEmpty(target);
    }

    private static void assertBooks(Tiers target, Source source, Path targetRoot) {
        SplittableRandom random = new SplittableRandom(3);
        StreamDay day = source.days().getFirst();
        long start = day.date().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() * 1_000_000L;
        for (int i = 0; i < 30; i++) {
            long at = start + random.nextLong(BundleFixture.EVENTS * 1_000_000L);
            WarmStart.Result original = WarmStart.bookAt(day.queueDir(source.pristine()), null, name -> null,
                    VENUE_ID, MARKET_ID, at, GapPolicy.FAIL, 20, null);
            WarmStart.Result tiered = WarmStart.bookAt(TieredReader.opener(target, day, TieredReader.Options.DEFAULT),
                    null, name -> null, VENUE_ID, MARKET_ID, at, GapPolicy.FAIL, 20, null);
            WarmStart.Result queue = WarmStart.bookAt(day.queueDir(targetRoot), null, name -> null, VENUE_ID,
                    MARKET_ID, at, GapPolicy.FAIL, 20, null);
            assertNotNull(original.book(), "a book at " + at);
            assertEquals(original.book().hash(), tiered.book().hash(), "the same book at " + at);
            assertEquals(original.book().lastSequence(), tiered.book().lastSequence(), "at " + at);
            assertEquals(original.book().hash(), queue.book().hash(), "the same book from the queue at " + at);
        }
    }

    static void assertStagingEmpty(Path target) throws IOException {
        Path staging = target.resolve(".staging");
        if (Files.isDirectory(staging)) {
            try (var left = Files.list(staging)) {
                assertEquals(List.of(), left.toList(), "no staging directory left");
            }
        }
    }
}
