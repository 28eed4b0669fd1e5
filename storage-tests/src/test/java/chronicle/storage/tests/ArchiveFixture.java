package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierConfig;
import chronicle.bus.api.TierMove;
import chronicle.bus.api.TieringRule;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.RecordSource;
import chronicle.core.api.StartPosition;
import chronicle.pluginhost.api.PluginHost;
import chronicle.protocol.api.SyntheticMarket;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TierManager;
import chronicle.storage.api.Tiers;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An archive root of synthetic stream days (one symbol's L2 book, several sealed segments a day), with the
 * records as written, to compare what a tiered reader gives back.
 */
final class ArchiveFixture {

    static final int VENUE_ID = 7;
    static final long MARKET_ID = 1;
    static final String VENUE = "synth";
    static final String SYMBOL = "BTC/USD";
    static final String STREAM = "book";

    /** One record as written: enough to tell any difference. */
    record Written(long sequence, long timestamp, int type, int length, long payloadCrc) {
    }

    private ArchiveFixture() {
    }

    /**
     * Writes a stream day: {@code events} records of a synthetic market, 64 KiB segments, sealed (a finished day).
     */
    static StreamDay writeDay(Path archiveRoot, LocalDate date, int events, long seed) {
        return writeDay(archiveRoot, date, events, seed, STREAM);
    }

    /** Writes a stream day of another stream name (the same synthetic events, for a day of several streams). */
    static StreamDay writeDay(Path archiveRoot, LocalDate date, int events, long seed, String stream) {
        StreamDay day = new StreamDay(VENUE, SYMBOL, date, stream);
        Path dir = day.queueDir(archiveRoot);
        SyntheticMarket market = new SyntheticMarket(VENUE_ID, 1, 500, seed);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        long start = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() * 1_000_000L;
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.archive().withSegmentSize(256 << 10));
             QueueWriter writer = queue.createWriter()) {
            for (int i = 0; i < events; i++) {
                long now = start + i * 1_000_000L;
                int length = market.next(buffer, 0, now);
                writer.append(market.lastType(), now, buffer, 0, length);
            }
            writer.finish();
        }
        return day;
    }

    /** Sets the modification time of every segment of a stream day: its "sealed at" for tiering. */
    static void sealedAt(Path archiveRoot, StreamDay day, long epochMillis) throws IOException {
        try (Stream<Path> files = Files.list(day.queueDir(archiveRoot))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".q")).toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(epochMillis));
            }
        }
    }

    /** Every record of a queue, read with the queue's own reader. */
    static List<Written> readQueue(Path queueDir) {
        try (ChronicleQueue queue = ChronicleQueue.openExisting(queueDir);
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            return drain(reader);
        }
    }

    /** Every record a source gives until it has none. */
    static List<Written> drain(RecordSource source) {
        List<Written> out = new ArrayList<>();
        RecordHandler collector = collector(out);
        while (true) {
            int n = source.poll(collector, 256);
            if (n == RecordSource.CORRUPT) {
                throw new AssertionError("damaged record: " + source.lastError());
            }
            if (n == 0) {
                return out;
            }
        }
    }

    /** A handler that adds each record it gets to a list. */
    static RecordHandler collector(List<Written> out) {
        CRC32C crc = new CRC32C();
        byte[] bytes = new byte[SyntheticMarket.maxLength() * 2];
        return (type, sequence, timestamp, buffer, offset, length) -> {
            buffer.getBytes(offset, bytes, 0, length);
            crc.reset();
            crc.update(bytes, 0, length);
            out.add(new Written(sequence, timestamp, type, length, crc.getValue()));
        };
    }

    /** The tiers of a configuration, with the built-in plug-ins only. */
    static Tiers tiers(ChronicleConfig config, Path dir) {
        return Tiers.of(config, PluginHost.of(dir.resolve("no-plugins")));
    }

    /**
     * One tier manager pass, ages measured that much later than now.
     *
     * @return its report, with no problems.
     */
    static TierManager.Report runTierManager(Tiers tiers, ChronicleConfig config, long laterMillis) {
        TierManager.Report report = tierManager(tiers, config, laterMillis, new ArrayList<>()).runOnce();
        if (!report.problems().isEmpty()) {
            throw new AssertionError("the tier manager had problems: " + report.problems());
        }
        return report;
    }

    /** A tier manager whose clock runs that much later than now, logging into a list. */
    static TierManager tierManager(Tiers tiers, ChronicleConfig config, long laterMillis, List<String> log) {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(laterMillis));
        return new TierManager(tiers, config.tiering(), clock, log::add);
    }

    /** A configuration with local tiers (name to directory) and one rule for every stream. */
    static ChronicleConfig config(Path archiveRoot, Map<String, Path> localTiers, List<TierMove> moves) {
        Map<String, TierConfig> tiers = new LinkedHashMap<>();
        localTiers.forEach((name, dir) -> tiers.put(name, TierConfig.of(Map.of("backend", "local",
                "root", dir.toString()))));
        return new ChronicleConfig(archiveRoot.resolve("bus"), archiveRoot, tiers,
                List.of(new TieringRule("*", "*", "*", moves)));
    }

    /** Copies a directory tree (the pristine archive to compare with). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
