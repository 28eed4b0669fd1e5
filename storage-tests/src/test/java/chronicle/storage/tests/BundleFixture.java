package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierMove;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.HotSegments;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TierManager;
import chronicle.storage.api.Tiers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source archive for day bundles: on {@link #DAY}, a {@code book} and a {@code trades} stream whose older
 * segments the tier manager moved to a local tier {@code cold}, compressed with zstd, and whose newer segments stay
 * hot; the next day's {@code book} (which a bundle of {@link #DAY} must not carry); {@code ids.json}, import ledger
 * lines and a {@code meta.json}; and a pristine copy taken before tiering, to compare with.
 */
final class BundleFixture {

    static final LocalDate DAY = LocalDate.of(2024, 5, 2);
    static final int EVENTS = 6_000;

    /**
     * @param archive    the source archive root.
     * @param pristine   its copy before tiering.
     * @param cold       the cold tier's directory.
     * @param configFile a configuration file with the cold tier.
     * @param config     that configuration.
     * @param days       the stream days of {@link #DAY}.
     */
    record Source(Path archive, Path pristine, Path cold, Path configFile, ChronicleConfig config,
                  List<StreamDay> days) {
    }

    private BundleFixture() {
    }

    static Source build(Path dir) throws IOException {
        Path archive = Files.createDirectories(dir.resolve("source"));
        Path cold = Files.createDirectories(dir.resolve("cold"));
        List<StreamDay> days = List.of(ArchiveFixture.writeDay(archive, DAY, EVENTS, 5, "book"),
                ArchiveFixture.writeDay(archive, DAY, EVENTS, 6, "trades"));
        ArchiveFixture.writeDay(archive, DAY.plusDays(1), EVENTS / 3, 7, "book");
        Files.writeString(archive.resolve("ids.json"), "{\"venues\":{\"other\":1,\"" + ArchiveFixture.VENUE + "\":"
                + ArchiveFixture.VENUE_ID + "},\"markets\":{\"other/X\":2,\"" + ArchiveFixture.VENUE + "/"
                + ArchiveFixture.SYMBOL + "\":" + ArchiveFixture.MARKET_ID + "}}");
        Files.createDirectories(archive.resolve("imports"));
        List<String> ledger = new ArrayList<>();
        for (LocalDate date : List.of(DAY, DAY.plusDays(1))) {
            StreamDay day = new StreamDay(ArchiveFixture.VENUE, ArchiveFixture.SYMBOL, date, "book");
            ledger.add("{\"vendor\":\"tardis\",\"venue\":\"" + day.venue() + "\",\"symbol\":\"" + day.symbol()
                    + "\",\"stream\":\"book\",\"queue\":\"" + day.queueDir(archive) + "\",\"rows\":" + date.getDayOfMonth()
                    + "}");
        }
        Files.write(archive.resolve("imports/ledger.jsonl"), ledger, StandardCharsets.UTF_8);
        Files.writeString(days.getFirst().queueDir(archive).getParent().resolve("meta.json"), "{\"note\":\"kept\"}");
        Path pristine = dir.resolve("pristine");
        ArchiveFixture.copyTree(archive, pristine);

        long now = System.currentTimeMillis();
        for (StreamDay day : days) {
            List<Long> segments = HotSegments.numbers(day.queueDir(archive));
            assertTrue(segments.size() >= 3, day + " has several segments: " + segments);
            for (int i = 0; i < segments.size(); i++) {
                long age = i < segments.size() / 2 ? Duration.ofDays(1).toMillis() : 0;
                Files.setLastModifiedTime(day.queueDir(archive).resolve(HotSegments.fileName(segments.get(i))),
                        FileTime.fromMillis(now - age));
            }
        }
        ChronicleConfig config = ArchiveFixture.config(archive, Map.of("cold", cold),
                List.of(TierMove.of("cold", "2h", "zstd")));
        try (Tiers tiers = Tiers.of(config, PluginHost.of(dir.resolve("no-plugins")))) {
            TierManager.Report report = new TierManager(tiers, config.tiering(), Clock.systemUTC(), line -> { })
                    .runOnce();
            assertTrue(report.problems().isEmpty(), report.problems().toString());
        }
        for (StreamDay day : days) {
            List<SegmentLocation> entries = Manifest.load(archive, day).segments();
            assertTrue(entries.stream().anyMatch(SegmentLocation::hot), day + ": some segments stay hot");
            assertTrue(entries.stream().anyMatch(s -> s.tier().equals("cold") && "zstd".equals(s.compression())),
                    day + ": some segments are in the cold tier, compressed: " + entries);
        }
        Path configFile = dir.resolve("chronicle.json");
        Files.writeString(configFile, "{\"busRoot\":\"" + archive.resolve("bus") + "\",\"archiveRoot\":\"" + archive
                + "\",\"tiers\":{\"cold\":{\"backend\":\"local\",\"root\":\"" + cold + "\"}}}");
        return new Source(archive, pristine, cold, configFile, config, days);
    }

    /** Every file under a directory with its bytes' CRC, to show a failed unpack changed nothing. */
    static Map<String, Long> tree(Path root) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                crc.update(Files.readAllBytes(p));
                files.put(root.relativize(p).toString(), crc.getValue());
            }
        }
        return files;
    }
}
