package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chronicle quickstart}'s answers to bad input, each one line that leaves what is there alone (the whole run
 * is the image's QuickstartIT).
 */
@Timeout(60)
class QuickstartCommandTest {

    @TempDir
    Path dir;

    @Test
    void missingSamplesAreOneLineNamingTheFileAndTheOption() {
        JournalFixture.Result r = run("quickstart", "--dir", dir.resolve("qs").toString(), "--samples",
                dir.resolve("nowhere").toString());
        assertEquals(Main.FAILURE, r.code(), r.err());
        assertEquals(List.of("chronicle quickstart: no sample " + dir.resolve("nowhere/lobster")
                + "/AAPL_2012-06-21_34200000_57600000_message_10.csv: pass --samples DIR, the samples/ folder of "
                + "the runtime image"), r.err().lines().toList());
        assertFalse(Files.exists(dir.resolve("qs")), "nothing made before the samples are found");
    }

    @Test
    void aFolderOfOtherDataIsRefusedAndKept() throws Exception {
        Path data = Files.writeString(dir.resolve("orders.csv"), "keep");
        Path samples = Samples.all(dir.resolve("samples"));
        JournalFixture.Result r = run("quickstart", "--dir", dir.toString(), "--samples", samples.toString());
        assertEquals(Main.FAILURE, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("the folder is not empty and was not made by chronicle quickstart"), r.err());
        assertEquals("keep", Files.readString(data));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("qs"), "keep");
        Path samples = Samples.all(dir.resolve("samples"));
        JournalFixture.Result r = run("quickstart", "--dir", file.toString(), "--samples", samples.toString());
        assertEquals(Main.FAILURE, r.code(), r.err());
        assertEquals(List.of("chronicle quickstart: --dir " + file + ": is a file; give a folder to create"),
                r.err().lines().toList());
        assertEquals("keep", Files.readString(file));
    }

    /** Empty stand-ins for the sample files, enough to pass the check that comes first. */
    private static final class Samples {
        static Path all(Path root) throws Exception {
            for (String f : List.of("lobster/AAPL_2012-06-21_34200000_57600000_message_10.csv",
                    "binance/BINANCE.http.0.0", "binance/BINANCE.ws.1.0",
                    "tardis/binance_incremental_book_L2_NKNUSDT.csv")) {
                Files.createDirectories(root.resolve(f).getParent());
                Files.writeString(root.resolve(f), "");
            }
            return root;
        }
    }
}
