package chronicle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Killing an import mid-file leaves no visible partial data; re-running completes it; re-running again is a no-op.
 * Runs the image's {@code chronicle import} on a generated Tardis file and kills it with SIGKILL while it writes.
 */
class ImportKillIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();
    private static final int ROWS = 1_500_000;

    private static List<String> command(Path input, Path archive) {
        return List.of(IMAGE.resolve("bin/chronicle").toString(), "import", "--vendor", "tardis", "--input",
                input.toString(), "--archive", archive.toString(), "--venue", "kraken", "--symbol", "XBT/USD");
    }

    private static String run(Path work, Path input, Path archive) throws Exception {
        Path out = Files.createTempFile(work, "import", ".out");
        Process p = new ProcessBuilder(command(input, archive)).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("import.err").toFile())).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "import hung");
        String text = Files.readString(out);
        assertEquals(0, p.exitValue(), text + Files.readString(work.resolve("import.err")));
        return text;
    }

    private static boolean stagingHasQueue(Path archive) throws Exception {
        Path staging = archive.resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".q"));
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void killedImportLeavesNothingVisibleAndARerunCompletesIt(@TempDir Path work) throws Exception {
        Path input = work.resolve("kraken_incremental_book_L2_2026-11-22_XBT-USD.csv");
        long t0 = 1_795_305_600_000_000L; // 2026-11-22T00:00Z in microseconds
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.US_ASCII)) {
            w.write("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
            for (int i = 0; i < 10; i++) {
                w.write("kraken,XBT/USD," + t0 + "," + t0 + ",true," + (i % 2 == 0 ? "bid," + (50_000 - i) : "ask,"
                        + (50_001 + i)) + ".5,1.25\n");
            }
            for (int row = 0; row < ROWS; row++) {
                long ts = t0 + 1 + row;
                w.write("kraken,XBT/USD," + ts + "," + ts + ",false," + (row % 2 == 0 ? "bid," : "ask,")
                        + (row % 2 == 0 ? 49_990 + row % 10 : 50_010 + row % 10) + ".5," + (row % 7) + ".125\n");
            }
        }
        Path archive = work.resolve("archive");
        Process doomed = new ProcessBuilder(command(input, archive)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!stagingHasQueue(archive) && doomed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(doomed.isAlive(), "the import was still running when the staging queue appeared");
        Thread.sleep(50); // the import appends for about a second after its staging queue appears
        doomed.destroyForcibly(); // SIGKILL mid-file
        assertTrue(doomed.waitFor(30, TimeUnit.SECONDS));

        Path target = archive.resolve("kraken/XBT%2FUSD/2026-11-22/book/queue");
        assertFalse(Files.exists(target), "no partial queue is visible");
        assertFalse(Files.exists(archive.resolve("imports/ledger.jsonl")), "nothing recorded");
        assertTrue(stagingHasQueue(archive), "only the staging queue of the killed import remains");

        String completed = run(work, input, archive);
        // rows: the 10-row snapshot block and the diffs (the header is not a row); events: one snapshot and one diff
        // per row
        assertTrue(completed.startsWith("import: " + target + ": " + (ROWS + 10) + " rows, " + (ROWS + 1)
                + " events, 0 gap(s)"), completed);
        assertFalse(stagingHasQueue(archive), "the killed import's staging was removed");
        String again = run(work, input, archive);
        assertTrue(again.startsWith("import: already imported"), again);
        String verify = new String(new ProcessBuilder(IMAGE.resolve("bin/chronicle").toString(), "verify",
                target.toString()).start().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verify.startsWith("OK: ") && verify.contains((ROWS + 1) + " record(s)"), verify);
    }
}
