package chronicle.plugin.importer.tardis;

import chronicle.ingest.api.ImportLedger;
import chronicle.ingest.api.ImportResult;
import chronicle.ingest.api.LedgerEntry;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.ArchiveImport;
import chronicle.ingest.testing.Damage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Damaged copies of the real incremental_book_L2 sample through the real import pipeline into an archive on disk:
 * each damage is rejected with one {@code file:line: reason} and nothing published (under {@code --on-error fail}),
 * or skipped with a gap marker at that line (under {@code gap}); never accepted with a row lost.
 */
@Timeout(60)
class CorruptedInputTest {

    private static final String SAMPLE = "kraken_incremental_book_L2_XBT-USD.csv";

    @TempDir
    Path dir;

    static Stream<Damage> damages() {
        return Stream.of(
                Damage.truncatedLine(11),
                Damage.garbageLine(7), // another symbol's row
                Damage.cutInLastLine(21),
                new Damage("an extra column in another symbol's row",
                        copy -> copy.editLine(4, row -> row.replace("kraken,", "kraken,,")), 4),
                new Damage("a missing column in another symbol's row",
                        copy -> copy.editLine(14, row -> row.substring(0, row.lastIndexOf(','))), 14),
                new Damage("a bad number", copy -> copy.editLine(12, row -> row.replace(",100.2,", ",100.2x,")), 12),
                new Damage("a row cut to nothing", copy -> copy.replaceLine(16, ""), 16),
                new Damage("a row of the trades of another file",
                        copy -> copy.replaceLine(3, "kraken,ETH/USD,1700000000000950,1700000000001050,,sell,2000.1"),
                        3));
    }

    private ArchiveImport archive(String name) {
        return new ArchiveImport(dir.resolve(name), new TardisAdapter(), "kraken", "XBT/USD", "book");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void shouldRejectTheDamageNamingItsLineOrSkipItWithAGap(Damage damage) throws IOException {
        Path input = damage.applyTo(TardisRun.sample(SAMPLE), Files.createDirectories(dir.resolve("input")));
        archive("archives").assertRejectedOrSkippedAt(List.of(input), input, damage.line());
    }

    @Test
    void shouldCountEveryRowButTheHeaderAndTheRowsOfOtherSymbols() throws IOException {
        ArchiveImport archive = archive("archive");
        ImportResult result = ArchiveImport.published(archive.run(List.of(TardisRun.sample(SAMPLE)),
                OnError.FAIL));
        assertEquals(20, result.rows(), "21 lines: the header and 20 rows");
        assertEquals(4, result.otherRows(), "the ETH/USD rows");
        assertEquals(6, result.events());
        LedgerEntry entry = new ImportLedger(archive.archive()).entries().getFirst();
        assertEquals(20, entry.rows());
        assertEquals(4, entry.otherRows());
        assertEquals(6, ArchiveImport.recordTypes(result.queue()).size());
    }

    /**
     * Tardis rows carry no sequence number, so a row deleted from a file cannot be found in it; the documented rule
     * is that the summary and the ledger count the rows read, to compare with the vendor's count.
     */
    @Test
    void shouldCountTheRowsOfAFileWithARowDeleted() throws IOException {
        Path input = Damage.deletedLine(12).applyTo(TardisRun.sample(SAMPLE), Files.createDirectories(dir.resolve("input")));
        ArchiveImport archive = archive("archive");
        ImportResult result = ArchiveImport.published(archive.run(List.of(input), OnError.FAIL));
        assertEquals(19, result.rows(), "one row fewer than the vendor's 20");
        assertEquals(19, new ImportLedger(archive.archive()).entries().getFirst().rows());
    }
}
