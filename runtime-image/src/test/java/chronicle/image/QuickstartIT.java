package chronicle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chronicle quickstart} end to end in a temporary folder, its outputs checked with other tools than the
 * ones that made them: record counts with {@code chronicle inspect}, the book at T from the cold tier against the
 * book of the same sample imported into a second, untiered archive, the manifest's tier, the HTML report, and the
 * Parquet extract read by DuckDB.
 */
class QuickstartIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();

    private static ImageProcess.Result chronicle(Path work, long timeoutSeconds, String... args) throws Exception {
        return ImageProcess.chronicle(IMAGE, work, timeoutSeconds, args);
    }

    private static String ok(Path work, String... args) throws Exception {
        return ImageProcess.chronicleOk(IMAGE, work, args);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theQuickstartRunsThePipelineAndItsOutputsHoldUp(@TempDir Path work) throws Exception {
        Path dir = work.resolve("qs");
        ImageProcess.Result run = chronicle(work, 240, "quickstart", "--dir", dir.toString());
        assertEquals(0, run.exit(), run::describe);
        String out = run.out();
        assertTrue(out.contains("quickstart: 10 steps in"), out);

        // every live record reached the archive queue, and the clean streams hold each once plus the snapshots
        long live = records(ok(work, "inspect", dir.resolve("bus/live/market_data/queue/demo_feed").toString(),
                "--json"));
        long archived = records(ok(work, "inspect", dir.resolve("bus/archive/market_data/queue/demo_feed").toString(),
                "--json"));
        assertTrue(live > 10_000, out);
        assertEquals(live, archived, "archive queue against live queue");
        long snapshots = Long.parseLong(group(out, "(\\d+) snapshots injected"));
        long clean = 0;
        try (Stream<Path> walk = Files.walk(dir.resolve("archive/demo"))) {
            for (Path queue : walk.filter(p -> p.getFileName().toString().equals("queue")).toList()) {
                clean += records(ok(work, "inspect", queue.toString(), "--json"));
                ok(work, "verify", queue.toString());
            }
        }
        assertEquals(live + snapshots, clean, "clean records = raw records + injected snapshots");

        // the raw archiver's copies are there, with their compressed twins
        try (Stream<Path> walk = Files.walk(dir.resolve("archive/raw/v1/demo"))) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            long q = files.stream().filter(p -> p.toString().endsWith(".q")).count();
            long zst = files.stream().filter(p -> p.toString().endsWith(".q.zst")).count();
            assertTrue(q > 0 && q == zst, files.toString());
        }

        // the book at T read from the cold tier equals the same sample's book in an archive that was never tiered
        String manifest = ok(work, "manifest", dir.resolve("archive").toString(), "--venue", "nasdaq", "--symbol",
                "AAPL", "--json");
        assertTrue(manifest.contains("\"tier\":\"cold\"") && !manifest.contains("\"tier\":\"hot\""), manifest);
        String cold = ok(work, "book", "--archive", dir.resolve("archive").toString(), "--config",
                dir.resolve("chronicle.json").toString(), "--venue", "nasdaq", "--symbol", "AAPL",
                "--at", "2012-06-21T13:30:10Z", "--depth", "10");
        Path hotRoot = work.resolve("hot");
        Path samples = IMAGE.resolve("samples/lobster");
        ok(work, "import", "--vendor", "lobster", "--input",
                samples.resolve("AAPL_2012-06-21_34200000_57600000_message_10.csv").toString(),
                "--archive", hotRoot.toString(), "--venue", "nasdaq", "--symbol", "AAPL");
        String hot = ok(work, "book", "--archive", hotRoot.toString(), "--venue", "nasdaq", "--symbol", "AAPL",
                "--at", "2012-06-21T13:30:10Z", "--depth", "10");
        assertEquals(levels(hot), levels(cold), "the book at T from the cold tier");
        assertTrue(levels(cold).lines().count() > 5, cold);

        // the report is a complete page with its chart library inlined
        String report = Files.readString(dir.resolve("report/index.html"));
        assertTrue(report.length() > 20_000 && report.contains("uPlot") && report.contains("market-maker")
                && report.strip().endsWith("</html>"), "report of " + report.length() + " chars");

        // DuckDB reads the extract as one table, with as many rows as the quickstart reported
        long reported = Long.parseLong(group(out, "([\\d,]+) rows into").replace(",", ""));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement()) {
            long book = count(st, "SELECT count(*) FROM read_parquet('" + dir.resolve("extract/book")
                    + "/**/*.parquet', hive_partitioning = true) WHERE symbol = 'BTC-USD' AND mid > 0");
            long trades = count(st, "SELECT count(*) FROM read_parquet('" + dir.resolve("extract/trades")
                    + "/**/*.parquet', hive_partitioning = true)");
            assertTrue(book > 0 && trades > 0, book + " book rows, " + trades + " trades");
            assertEquals(reported, book + trades, "rows DuckDB reads against rows reported");
        }
    }

    @Test
    void aFolderWithOtherContentIsRefusedAndLeftAlone(@TempDir Path work) throws Exception {
        Path mine = Files.writeString(work.resolve("mine.txt"), "keep me");
        ImageProcess.Result r = chronicle(work, ImageProcess.TIMEOUT_SECONDS, "quickstart", "--dir", work.toString());
        assertEquals(1, r.exit(), r::describe);
        assertEquals(1, r.err().strip().lines().count(), r::describe);
        assertTrue(r.err().startsWith("chronicle quickstart: --dir ") && r.err().contains("not empty"), r::describe);
        assertEquals("keep me", Files.readString(mine));
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static long records(String inspectJson) {
        return Long.parseLong(group(inspectJson, "\"records\" : (\\d+)"));
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }

    private static String levels(String book) {
        int table = book.indexOf("BID SIZE");
        assertTrue(table >= 0, book);
        return book.substring(table).strip();
    }
}
