package chronicle.etl.api;

import chronicle.etl.testing.Extracts;
import chronicle.etl.testing.TardisArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad requests are usage errors of one line naming the option and the fix; a failing extract leaves the files it
 * completed and nothing else that looks complete.
 */
@Timeout(120)
class ExtractErrorsTest {

    static final LocalDate DAY1 = LocalDate.of(2026, 11, 2);
    static final LocalDate DAY2 = LocalDate.of(2026, 11, 3);

    @TempDir
    static Path dir;
    static TardisArchive archive;

    @BeforeAll
    static void importArchive() {
        archive = TardisArchive.build(dir.resolve("archive"), dir.resolve("vendor"), List.of("XBT/USD"),
                List.of(DAY1, DAY2), 300);
    }

    private ExtractRequest request(String venue, List<String> symbols, LocalDate from, LocalDate to, String format,
                                   String compression, String out) {
        ExtractRequest base = Extracts.request(archive, symbols, from, to, "mid,trades",
                new Sampling.Every(1_000_000_000L), format, out, null);
        return new ExtractRequest(base.archiveRoot(), null, venue, symbols, base.from(), base.to(), base.features(),
                base.sampling(), base.gapPolicy(), format, compression, out, base.rowGroupRows());
    }

    private String usage(ExtractRequest request) {
        ExtractException e = assertThrows(ExtractException.class, () -> Extracts.run(request, dir.resolve("none")));
        assertTrue(e.isUsage(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void shouldNameTheOptionAndTheFixForEveryBadRequest() {
        String out = dir.resolve("out").toString();
        assertTrue(usage(request("nasdaq", List.of("XBT/USD"), DAY1, DAY2, "csv", null, out))
                .startsWith("--venue: no venue 'nasdaq' in "));
        assertTrue(usage(request("kraken", List.of("DOGE/USD"), DAY1, DAY2, "csv", null, out))
                .contains("--symbol: no symbol 'DOGE/USD' of venue kraken"));
        assertTrue(usage(request("kraken", List.of("XBT/USD"), DAY1.minusDays(10), DAY1, "csv", null, out))
                .startsWith("--from/--to: no book stream of kraken/XBT/USD from "));
        assertTrue(usage(request("kraken", List.of("XBT/USD"), DAY2, DAY1, "csv", null, out))
                .startsWith("--from must be before --to"));
        String format = usage(request("kraken", List.of("XBT/USD"), DAY1, DAY2, "orc", null, out));
        assertTrue(format.startsWith("--format: no extract sink named 'orc' is installed; installed: csv"), format);
        assertEquals("--compression: the csv format writes none, not 'zstd'",
                usage(request("kraken", List.of("XBT/USD"), DAY1, DAY2, "csv", "zstd", out)));
        ExtractRequest badRoot = request("kraken", List.of("XBT/USD"), DAY1, DAY2, "csv", null, out);
        assertTrue(usage(new ExtractRequest(dir.resolve("nowhere"), null, "kraken", badRoot.symbols(),
                badRoot.from(), badRoot.to(), badRoot.features(), badRoot.sampling(), badRoot.gapPolicy(), "csv",
                null, out, 10)).startsWith("--archive: " + dir.resolve("nowhere") + " is not a directory"));
        assertEquals("--features: unknown feature 'vwap'; choose from mid, spread, microprice, imbalance, "
                + "levels:N, trades", FeatureSet.parse("mid,vwap").problem());
        assertTrue(FeatureSet.parse("levels:0").problem().startsWith("--features: 'levels:0' needs a level count"));
        assertFalse(Files.exists(dir.resolve("out")), "a rejected request writes nothing");
    }

    @Test
    void shouldKeepCompletedDaysAndLeaveNoCompleteLookingFileWhenADayIsDamaged() throws IOException {
        Path copy = dir.resolve("damaged");
        TardisArchive damaged = TardisArchive.build(copy.resolve("archive"), copy.resolve("vendor"),
                List.of("XBT/USD"), List.of(DAY1, DAY2), 300);
        Path queue = new chronicle.storage.api.StreamDay("kraken", "XBT/USD", DAY2, "book")
                .queueDir(damaged.root());
        flipAByteInTheMiddleOfTheRecords(queue);
        Path out = copy.resolve("out");
        ExtractRequest request = Extracts.request(damaged, List.of("XBT/USD"), DAY1, DAY2.plusDays(1), "mid",
                new Sampling.EveryEvent(), "csv", out.toString(), null);
        ExtractException e = assertThrows(ExtractException.class, () -> Extracts.run(request, dir.resolve("none")));
        assertFalse(e.isUsage());
        assertTrue(e.getMessage().startsWith("kraken/XBT/USD/" + DAY2 + "/book: damaged record"), e.getMessage());
        assertEquals(List.of("book/venue=kraken/symbol=XBT%2FUSD/date=" + DAY1 + "/part-0.csv"), Extracts.files(out),
                "day 1 complete; day 2 neither under its name nor as a temporary file");
        List<String> lines = Files.readAllLines(out.resolve(Extracts.files(out).getFirst()));
        assertTrue(lines.size() > 100 && lines.getFirst().startsWith("ts,"), "day 1 whole: " + lines.size());
    }

    @Test
    void shouldReplaceTheTemporaryFileAKilledRunLeftAndNeverShowItToAGlob() throws IOException {
        Path out = dir.resolve("killed");
        Path partition = out.resolve("book/venue=kraken/symbol=XBT%2FUSD/date=" + DAY1);
        Files.createDirectories(partition);
        Path leftover = partition.resolve(".part-0.csv.tmp");
        Files.writeString(leftover, "ts,event_ts,seq,mid\n2026-11-02T01:00:00.000000000Z,");
        assertFalse(partition.getFileSystem().getPathMatcher("glob:**/*.csv").matches(leftover),
                "a reader's *.csv glob skips what a killed run left");
        Extracts.run(Extracts.request(archive, List.of("XBT/USD"), DAY1, DAY1.plusDays(1), "mid",
                new Sampling.Every(1_000_000_000L), "csv", out.toString(), null), dir.resolve("none"));
        try (Stream<Path> files = Files.list(partition)) {
            assertEquals(List.of(partition.resolve("part-0.csv")), files.toList());
        }
    }

    /** Flips one byte halfway through the written part of the queue's first segment: a record's checksum fails. */
    private static void flipAByteInTheMiddleOfTheRecords(Path queue) throws IOException {
        Path segment;
        try (Stream<Path> files = Files.list(queue)) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".q")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        int end = bytes.length - 1;
        while (end > 0 && bytes[end] == 0) {
            end--;
        }
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(end / 2);
            int b = file.read();
            file.seek(end / 2);
            file.write(b ^ 0x5A);
        }
    }
}
