package chronicle.cli.internal.report;

import chronicle.sim.api.BacktestResult;
import chronicle.storage.spi.DurableFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a backtest's HTML report: one self-contained page, {@code <dir>/index.html}, that opens offline in any
 * browser. It shows what ran (strategy, parameters, instruments, time range), the summary statistics, and charts
 * of the equity curve, the drawdown, each instrument's position and fills over its mid price, and the order
 * latency distribution (with p50 and p99). The chart library (uPlot) and the data are inlined; see
 * {@code docs/REPORTS.md}.
 *
 * <p>The page is written to a temporary file beside its target, forced to disk and renamed over it, so a reader
 * sees the old report or the new one, never half a page.
 */
public final class HtmlReport {

    /** The report's file name inside its folder. */
    public static final String FILE_NAME = "index.html";

    private HtmlReport() {
    }

    /**
     * Writes the report of one backtest.
     *
     * @param result the backtest's result.
     * @param dir    the report's folder; created with its parents if missing. An existing {@code index.html} in
     *               it is replaced; nothing else in it is touched.
     * @return the page written, {@code dir/index.html}.
     * @throws IOException if {@code dir} is not a folder or the page cannot be written; the message names the
     *                     path.
     */
    public static Path write(BacktestResult result, Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": is a file, not a folder; give the report a folder of its own");
        }
        DurableFiles.createDirectories(dir);
        Path page = dir.resolve(FILE_NAME);
        byte[] html = ReportPage.render(result, PageAssets.load()).getBytes(StandardCharsets.UTF_8);
        DurableFiles.write(page, html);
        return page;
    }
}
