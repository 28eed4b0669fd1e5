package chronicle.etl.api;

import chronicle.bus.api.TierConfig;
import chronicle.bus.api.TierMove;
import chronicle.bus.api.TieringRule;
import chronicle.etl.testing.Extracts;
import chronicle.etl.testing.TardisArchive;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TierManager;
import chronicle.storage.api.Tiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A day whose segments the tier manager moved to another tier extracts exactly as it did while hot: the engine reads
 * it through the manifest and the tiers of the configuration.
 */
@Timeout(120)
class TieredExtractTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;

    @Test
    void shouldExtractADayMovedToAnotherTierAsItDidWhileHot() throws IOException {
        TardisArchive archive = TardisArchive.build(dir.resolve("archive"), dir.resolve("vendor"),
                List.of("XBT/USD"), List.of(DAY), 800);
        Path hot = dir.resolve("hot");
        Extracts.run(Extracts.request(archive, List.of("XBT/USD"), DAY, DAY.plusDays(1), "mid,levels:2,trades",
                new Sampling.Every(50_000_000L), "csv", hot.toString(), null), dir.resolve("none"));

        Path cold = Files.createDirectories(dir.resolve("cold"));
        Path config = Files.writeString(dir.resolve("chronicle.json"), """
                { "busRoot": "%s", "archiveRoot": "%s", "tiers": { "cold": { "backend": "local", "root": "%s" } } }
                """.formatted(dir.resolve("bus"), archive.root(), cold));
        try (Tiers tiers = new Tiers(archive.root(), Map.of("cold", TierConfig.of(Map.of("backend", "local",
                "root", cold.toString()))), PluginHost.of(dir.resolve("none")))) {
            List<String> log = new ArrayList<>();
            TierManager.Report report = new TierManager(tiers, List.of(new TieringRule("*", "*", "*",
                    List.of(TierMove.of("cold", "1h", null)))), Clock.offset(Clock.systemUTC(), Duration.ofDays(2)),
                    log::add).runOnce();
            assertEquals(List.of(), report.problems(), log.toString());
            assertTrue(report.moved() >= 2, "book and trades segments moved: " + report + " " + log);
        }
        Path queue = new StreamDay(TardisArchive.VENUE, "XBT/USD", DAY, "book").queueDir(archive.root());
        try (Stream<Path> left = Files.exists(queue) ? Files.list(queue) : Stream.empty()) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().endsWith(".q")), "no hot segment left");
        }

        Path tiered = dir.resolve("tiered");
        Extracts.run(Extracts.request(archive, List.of("XBT/USD"), DAY, DAY.plusDays(1), "mid,levels:2,trades",
                new Sampling.Every(50_000_000L), "csv", tiered.toString(), config), dir.resolve("none"));
        List<String> files = Extracts.files(hot);
        assertEquals(2, files.size(), files.toString());
        assertEquals(files, Extracts.files(tiered));
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(hot.resolve(file)), Files.readAllBytes(tiered.resolve(file)), file);
        }
    }
}
