package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierMove;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TierManager;
import chronicle.storage.api.Tiers;
import chronicle.storage.spi.TierChecksums;
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
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tier manager meets a damaged source object and a misconfigured tier: it refuses with one line naming what is
 * wrong, and deletes and changes nothing.
 */
@Timeout(120)
class TierManagerFaultTest {

    private static final long TWO_DAYS = 2L * 24 * 3600 * 1000;

    @TempDir
    Path dir;

    @Test
    void shouldRefuseToMoveADamagedTieredObjectNamingItAndDeleteNothing() throws IOException {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path cold = Files.createDirectories(dir.resolve("cold"));
        Path far = Files.createDirectories(dir.resolve("far"));
        StreamDay day = ArchiveFixture.writeDay(archive, LocalDate.of(2024, 3, 1), 6_000, 3);
        ChronicleConfig config = ArchiveFixture.config(archive, Map.of("cold", cold, "far", far),
                List.of(TierMove.of("cold", "0s", "zstd"), TierMove.of("far", "1d", null)));
        try (Tiers tiers = ArchiveFixture.tiers(config, dir)) {
            ArchiveFixture.runTierManager(tiers, config, 0);
            SegmentLocation first = Manifest.load(archive, day).segment(0).orElseThrow();
            assertEquals("cold", first.tier());
            Path damaged = cold.resolve(first.key());
            TieredCorruptionTest.flipByte(damaged, Files.size(damaged) / 3);
            Map<String, String> coldBefore = checksums(cold);
            List<SegmentLocation> manifestBefore = Manifest.load(archive, day).segments();

            for (int pass = 0; pass < 2; pass++) {
                List<String> log = new ArrayList<>();
                TierManager.Report report = ArchiveFixture.tierManager(tiers, config, TWO_DAYS, log).runOnce();
                assertEquals(1, report.problems().size(), report.problems().toString());
                String problem = report.problems().getFirst();
                assertTrue(problem.contains(damaged.toString()), problem);
                assertTrue(problem.contains("damaged") && problem.contains(first.checksum()), problem);
                assertFalse(problem.contains("\n"), problem);
                assertEquals(0, report.moved(), report.toString());
                assertEquals(0, report.recovered(), "no unfinished move was left behind: " + report);
                assertEquals(coldBefore, checksums(cold), "nothing in the cold tier deleted or changed");
                assertEquals(Map.of(), checksums(far), "nothing reached the far tier");
                assertEquals(manifestBefore, Manifest.load(archive, day).segments(), "the manifest is unchanged");
                assertEquals(Map.of(), checksums(archive.resolve(TierManager.STAGING)), "no staged copy left");
            }
        }
    }

    @Test
    void shouldNameTheRootSettingOfATierWhoseRootIsMissingAndLeaveTheSourceAlone() throws IOException {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path missing = dir.resolve("not-mounted");
        StreamDay day = ArchiveFixture.writeDay(archive, LocalDate.of(2024, 3, 1), 6_000, 4);
        Map<String, String> hotBefore = checksums(day.queueDir(archive));
        ChronicleConfig config = ArchiveFixture.config(archive, Map.of("cold", missing),
                List.of(TierMove.of("cold", "0s", "zstd")));
        try (Tiers tiers = ArchiveFixture.tiers(config, dir)) {
            TierManager.Report report = ArchiveFixture.tierManager(tiers, config, 0, new ArrayList<>()).runOnce();
            assertEquals(1, report.problems().size(), report.problems().toString());
            String problem = report.problems().getFirst();
            assertTrue(problem.contains("tiers.cold.root"), problem);
            assertTrue(problem.contains(missing.toString()), problem);
            assertFalse(problem.contains("\n"), problem);
            assertEquals(0, report.moved());
        }
        assertEquals(hotBefore, checksums(day.queueDir(archive)), "the hot segments are untouched");
        List<SegmentLocation> segments = Manifest.load(archive, day).segments();
        assertFalse(segments.isEmpty());
        for (SegmentLocation s : segments) {
            assertTrue(s.hot(), s.toString());
            assertNull(s.move(), "no move recorded: " + s);
        }
        assertFalse(Files.exists(missing), "the tier's root is not created behind the operator's back");
    }

    /** CRC32C of every file under a directory by relative path (none if it does not exist). */
    static Map<String, String> checksums(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(file).toString(), TierChecksums.of(file));
            }
        }
        return out;
    }
}
