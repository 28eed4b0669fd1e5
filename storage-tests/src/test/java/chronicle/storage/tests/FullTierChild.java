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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link FullTierTest}, run inside a private mount namespace where the "cold" tier's root is a
 * small tmpfs: fills it, runs a tier manager pass, frees the space, runs another, and prints what happened, one fact
 * a line: {@code problem <line>}, {@code moved <pass> <n>}, {@code pending <pass> <n>}, {@code hot <pass> <n>},
 * {@code cold <pass> <n>}, {@code same <pass> <true|false>} (a tiered read gives the records as written).
 */
public final class FullTierChild {

    private FullTierChild() {
    }

    /**
     * @param args archive root, tier root (the tmpfs), the stream day's date.
     * @throws IOException if the archive cannot be read.
     */
    public static void main(String[] args) throws IOException {
        Path archive = Path.of(args[0]);
        Path cold = Path.of(args[1]);
        StreamDay day = new StreamDay(ArchiveFixture.VENUE, ArchiveFixture.SYMBOL, LocalDate.parse(args[2]),
                ArchiveFixture.STREAM);
        List<Written> expected = ArchiveFixture.readQueue(day.queueDir(archive));
        ChronicleConfig config = ArchiveFixture.config(archive, Map.of("cold", cold),
                List.of(TierMove.of("cold", "0s", "zstd")));
        Path filler = cold.resolve("filler");
        fill(filler);
        try (Tiers tiers = ArchiveFixture.tiers(config, archive)) {
            pass("full", tiers, config, day, expected);
            Files.delete(filler);
            pass("freed", tiers, config, day, expected);
        }
    }

    private static void pass(String name, Tiers tiers, ChronicleConfig config, StreamDay day, List<Written> expected) {
        TierManager.Report report = ArchiveFixture.tierManager(tiers, config, 0, new ArrayList<>()).runOnce();
        report.problems().forEach(p -> System.out.println("problem " + p));
        System.out.println("moved " + name + " " + report.moved());
        List<SegmentLocation> segments = Manifest.load(tiers.archiveRoot(), day).segments();
        System.out.println("pending " + name + " " + segments.stream().filter(s -> s.move() != null).count());
        System.out.println("hot " + name + " " + segments.stream().filter(s -> s.hot()
                && Files.isRegularFile(day.queueDir(tiers.archiveRoot()).resolve(s.key()))).count());
        System.out.println("cold " + name + " " + segments.stream().filter(s -> s.tier().equals("cold")).count());
        try (TieredReader reader = TieredReader.open(tiers, day, StartPosition.earliest(),
                TieredReader.Options.DEFAULT)) {
            System.out.println("same " + name + " " + expected.equals(ArchiveFixture.drain(reader)));
        }
    }

    /** Writes a file until the file system has no space left. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }
}
