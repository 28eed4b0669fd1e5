package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierMove;
import chronicle.core.api.StartPosition;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tier manager moves (and deletes) the hot segments of a day that a tiered reader listed when they were all
 * hot and is reading: the reader finds each one in its new tier through the manifest.
 */
@Timeout(120)
class TieredReaderMovedSegmentTest {

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryRecordOnceWhenTheSegmentsItListedAreMovedWhileItReads() throws IOException {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path cold = Files.createDirectories(dir.resolve("cold"));
        StreamDay day = ArchiveFixture.writeDay(archive, LocalDate.of(2024, 3, 1), 6_000, 9);
        List<Written> expected = ArchiveFixture.readQueue(day.queueDir(archive));
        ChronicleConfig config = ArchiveFixture.config(archive, Map.of("cold", cold),
                List.of(TierMove.of("cold", "0s", "zstd")));
        ExecutorService readAhead = Executors.newSingleThreadExecutor();
        try (Tiers tiers = ArchiveFixture.tiers(config, dir);
             TieredReader reader = TieredReader.open(tiers, day, StartPosition.earliest(),
                     TieredReader.Options.DEFAULT.withReadAhead(readAhead))) {
            List<SegmentLocation> listed = reader.segments();
            assertTrue(listed.size() >= 3, "several segments: " + listed.size());
            assertTrue(listed.stream().allMatch(SegmentLocation::hot), "listed while hot: " + listed);

            List<Written> got = new ArrayList<>();
            assertEquals(100, reader.poll(ArchiveFixture.collector(got), 100), "reading the first segment");

            TierManager.Report report = ArchiveFixture.runTierManager(tiers, config, 0);
            assertEquals(listed.size(), report.moved(), report.toString());
            for (SegmentLocation s : listed) {
                assertFalse(Files.exists(day.queueDir(archive).resolve(s.key())), "hot copy deleted: " + s.key());
            }
            assertTrue(Manifest.load(archive, day).segments().stream().allMatch(s -> s.tier().equals("cold")));

            got.addAll(ArchiveFixture.drain(reader));
            assertEquals(expected, got, "every record once, in order");
        } finally {
            readAhead.shutdownNow();
        }
    }
}
