package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static chronicle.cli.internal.JournalFixture.runEtl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code chronicle-etl} launcher: its subcommands, and bad input as one line naming the option and the fix with
 * exit code 2.
 */
@Timeout(30)
class EtlMainTest {

    @TempDir
    Path dir;

    @Test
    void shouldListRefineExtractAndImportInItsHelp() {
        JournalFixture.Result help = runEtl("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: chronicle-etl "), help.out());
        assertTrue(help.out().contains("  refine ") && help.out().contains("  extract ")
                && help.out().contains("  import "), help.out());
        JournalFixture.Result refine = runEtl("refine", "--help");
        assertTrue(refine.out().startsWith("Usage: chronicle-etl refine "), refine.out());
        for (String option : List.of("--source", "--sink", "--symbol", "--snapshot-interval", "--once",
                "--reader-name", "--symbol-map", "--config")) {
            assertTrue(refine.out().contains(option), option + " in " + refine.out());
        }
        JournalFixture.Result extract = runEtl("extract", "--help");
        assertTrue(extract.out().startsWith("Usage: chronicle-etl extract "), extract.out());
        for (String option : List.of("--archive", "--venue", "--symbol", "--from", "--to", "--features", "--every",
                "--every-event", "--format", "--compression", "--out", "--row-group-rows", "--gap-policy",
                "--config")) {
            assertTrue(extract.out().contains(option), option + " in " + extract.out());
        }
        assertTrue(runEtl("import", "--help").out().startsWith("Usage: chronicle-etl import "));
    }

    private List<String> extract(String... extra) {
        List<String> args = new ArrayList<>(List.of("extract", "--archive", dir.resolve("archive").toString(),
                "--venue", "kraken", "--symbol", "XBT/USD", "--from", "2026-11-02", "--to", "2026-11-03", "--out",
                dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--format")) {
            args.addAll(List.of("--format", "csv")); // the sink of the module graph (Parquet is a drop-in)
        }
        return args;
    }

    /** Exit code 2 and one line on standard error, {@code chronicle-etl extract: <start>...}. */
    private void assertUsage(String start, List<String> args) {
        JournalFixture.Result result = runEtl(args.toArray(String[]::new));
        assertEquals(2, result.code(), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().startsWith("chronicle-etl extract: " + start), result.err());
    }

    @Test
    void shouldRejectBadInputWithOneLineAndExitTwo() throws Exception {
        assertUsage("--features: unknown feature 'vwap'", extract("--features", "mid,vwap"));
        assertUsage("Invalid value for option '--every': 'fast' is not a duration", extract("--every", "fast"));
        assertUsage("--every and --every-event exclude each other", extract("--every", "1s", "--every-event"));
        assertUsage("--format: no extract sink named 'orc'", extract("--format", "orc"));
        assertUsage("--gap-policy must be fail, reset or flag", extract("--gap-policy", "ignore"));
        assertUsage("--config: " + dir.resolve("none.json") + " is not a file",
                extract("--config", dir.resolve("none.json").toString()));
        assertUsage("--archive: " + dir.resolve("archive") + " is not a directory", extract());
        Files.createDirectories(dir.resolve("archive"));
        assertUsage("--venue: no venue 'kraken' in ", extract());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
