package chronicle.ingest.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import ledger stays readable: entries written before a field existed read it as its empty value. */
@Timeout(30)
class ImportLedgerTest {

    /** A ledger line as written before entries counted the rows of other symbols. */
    private static final String OLD_ENTRY = "{\"vendor\":\"tardis\",\"adapterVersion\":\"0.1.0\",\"inputs\":[{\"path\":"
            + "\"in.csv\",\"size\":42,\"sha256\":\"ab\"}],\"venue\":\"kraken\",\"symbol\":\"XBT/USD\",\"stream\":\"book\","
            + "\"queue\":\"/a/kraken/XBT%2FUSD/2026-11-22/book/queue\",\"rows\":5000002,\"events\":17,\"gaps\":1,"
            + "\"gapNotes\":[\"in.csv:3: bad\"],\"firstTimestamp\":1,\"lastTimestamp\":2,\"importedAt\":3}";

    @Test
    void shouldReadOldEntriesAndKeepThemWhenAddingNewOnes(@TempDir Path archive) throws IOException {
        ImportLedger ledger = new ImportLedger(archive);
        Files.createDirectories(ledger.file().getParent());
        Files.writeString(ledger.file(), OLD_ENTRY + "\n");
        LedgerEntry old = ledger.entries().getFirst();
        assertEquals(5000002, old.rows());
        assertEquals(0, old.otherRows(), "not counted then");
        assertEquals(List.of("in.csv:3: bad"), old.gapNotes());

        LedgerEntry added = new LedgerEntry("tardis", "0.2.0", List.of(new LedgerEntry.Input("b.csv", 1, "cd")),
                "kraken", "ETH/USD", "book", "/a/kraken/ETH%2FUSD/2026-11-22/book/queue", 20, 4, 6, 0, List.of(), 1, 2,
                3);
        ledger.add(added);
        assertEquals(List.of(old, added), ledger.entries());
        assertTrue(Files.readString(ledger.file()).contains("\"otherRows\":4"));
    }
}
