package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EtlMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void shouldListExtractAndImportInItsHelp() {
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: chronicle-etl "), help.out());
        assertTrue(help.out().contains("  extract ") && help.out().contains("  import "), help.out());
        Result extract = run("extract", "--help");
        assertTrue(extract.out().startsWith("Usage: chronicle-etl extract "), extract.out());
        for (String option : List.of("--archive", "--venue", "--symbol", "--from", "--to", "--features", "--every",
                "--every-event", "--format", "--compression", "--out", "--row-group-rows", "--gap-policy",
                "--config")) {
            assertTrue(extract.out().contains(option), option + " in " + extract.out());
        }
        assertTrue(run("import", "--help").out().startsWith("Usage: chronicle-etl import "));
    }

    private List<String> extract(String... extra) {
        List<String> args = new ArrayList<>(List.of("extract", "--archive", dir.resolve("archive").toString(),
                "--venue", "kraken", "--symbol", "XBT/USD", "--from", "2026-11-02", "--to", "2026-11-03", "--out",
                dir.resolve("out").toString(), "--format", "csv"));
        args.addAll(List.of(extra));
        return args;
    }

    private String usageLine(List<String> args) {
        Result result = run(args.toArray(String[]::new));
        assertEquals(2, result.code(), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().startsWith("chronicle-etl extract: "), result.err());
        return result.err().strip().substring("chronicle-etl extract: ".length());
    }

    @Test
    void shouldRejectBadInputWithOneLineAndExitTwo() throws Exception {
        assertTrue(usageLine(extract("--features", "mid,vwap")).startsWith("--features: unknown feature 'vwap'"));
        assertTrue(usageLine(extract("--every", "fast")).contains("'fast' is not a duration"));
        assertTrue(usageLine(extract("--every", "1s", "--every-event"))
                .startsWith("--every and --every-event exclude each other"));
        assertTrue(usageLine(extract("--format", "orc")).startsWith("--format: no extract sink named 'orc'"));
        assertTrue(usageLine(extract("--gap-policy", "ignore")).startsWith("--gap-policy must be fail, reset or flag"));
        assertTrue(usageLine(extract()).startsWith("--archive: " + dir.resolve("archive") + " is not a directory"));
        Files.createDirectories(dir.resolve("archive"));
        assertTrue(usageLine(extract()).startsWith("--venue: no venue 'kraken' in "));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
