package chronicle.cli.internal.report;

import chronicle.sim.api.BacktestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders reports in headless Chromium (from a {@code file://} URL, so without any network) and reads the page's
 * own check of its canvases: every chart with data must have drawn its series, a chart without data must say so,
 * and no script may have failed. Without Chromium these tests fail, unless {@code -Dchronicle.skipBrowserTests}
 * (see {@link HeadlessChromium}).
 */
@Timeout(90)
class HtmlReportRenderTest {

    /** A 2-px line across a plot about 1,000 px wide covers thousands of pixels; axes alone cover none. */
    private static final int MIN_LINE_PIXELS = 800;
    /** The mid is a thinner line, partly under the fill markers. */
    private static final int MIN_MID_PIXELS = 400;
    /** Hundreds of 10-px triangles cover thousands of pixels even where they overlap. */
    private static final int MIN_MARKER_PIXELS = 300;

    @TempDir
    Path temp;

    @Test
    void shouldDrawEveryChartOfATradingStrategyAndPrintItsSummary() throws Exception {
        BacktestResult result = SampleResults.marketMaker();
        String dom = render(result);

        Map<String, String> charts = drawn(dom, "data-charts-drawn");
        assertEquals(List.of("equity", "drawdown", "position-0", "fills-0", "position-1", "fills-1", "latency"),
                List.copyOf(charts.keySet()), "charts in page order");
        for (String chart : List.of("equity", "drawdown", "position-0", "position-1", "fills-0", "fills-1")) {
            assertAtLeast(charts, chart, MIN_LINE_PIXELS);
        }
        assertAtLeast(charts, "latency", 200);
        Map<String, String> series = drawn(dom, "data-series-drawn");
        for (String fills : List.of("fills-0", "fills-1")) {
            assertAtLeast(series, fills + ".mid", MIN_MID_PIXELS);
            assertAtLeast(series, fills + ".buy", MIN_MARKER_PIXELS);
            assertAtLeast(series, fills + ".sell", MIN_MARKER_PIXELS);
        }

        assertEquals("+1,234.50", stat(dom, "pnl"));
        assertEquals("101,234.50", stat(dom, "finalEquity"));
        assertEquals("87.25", stat(dom, "fees"));
        assertEquals(Integer.toString(result.fills().size()), stat(dom, "fills"));
        assertEquals("1,000", stat(dom, "orders"));
        assertEquals("45.0 %", stat(dom, "fillRatio"));
        assertEquals("321.75", stat(dom, "maxDrawdown"));
        assertEquals("1.87", stat(dom, "sharpe"));
        assertEquals("62.5 %", stat(dom, "timeInMarket"));
        assertEquals("2,500,000.00", stat(dom, "volume"));
        assertTrue(dom.contains("2026-03-02 08:00:00.000 UTC"), "start time in UTC");
        assertTrue(dom.contains("binance BTCUSDT") && dom.contains("binance ETHUSDT"), "instruments named");
        assertTrue(dom.matches("(?s).*<p class=\"note\" id=\"latency-stats\">1,000 orders.*<b>p50 [0-9.]+ µs</b>"
                + ".*<b>p99 [0-9.]+ µs</b>.*"), "latency percentiles stated");
        assertNoScriptErrors(dom);
    }

    @Test
    void shouldSayWhatIsMissingWhenTheStrategyNeverTraded() throws Exception {
        String dom = render(SampleResults.neverTraded());

        Map<String, String> charts = drawn(dom, "data-charts-drawn");
        assertEquals("empty", charts.get("position-0"));
        assertEquals("empty", charts.get("latency"));
        assertAtLeast(charts, "equity", MIN_LINE_PIXELS);
        assertAtLeast(charts, "drawdown", MIN_LINE_PIXELS);
        Map<String, String> series = drawn(dom, "data-series-drawn");
        assertAtLeast(series, "fills-0.mid", MIN_MID_PIXELS);
        assertFalse(series.containsKey("fills-0.buy") || series.containsKey("fills-0.sell"), "no fill markers");
        assertTrue(dom.contains("No position: the strategy never traded binance BTCUSDT."));
        assertTrue(dom.contains("No fills: the strategy never traded binance BTCUSDT."));
        assertTrue(dom.contains("No orders were sent"));
        assertEquals("0.00", stat(dom, "pnl"));
        assertNoScriptErrors(dom);
    }

    @Test
    void shouldShowHostileNamesAsTextWithoutRunningThem() throws Exception {
        String attack = "</script><script>document.body.setAttribute('data-injected','yes')</script>";
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("note", attack);
        parameters.put("<b>bold</b>", "a & b \u2028 \"quoted\"");
        String dom = render(SampleResults.marketMaker("mm " + attack, parameters));

        assertTrue(HeadlessChromium.bodyAttribute(dom, "data-injected").isEmpty(), "a strategy's text ran as a script");
        assertTrue(dom.contains("mm &lt;/script&gt;&lt;script&gt;document.body.setAttribute("), "name shown as text");
        assertTrue(dom.contains("&lt;b&gt;bold&lt;/b&gt;"), "parameter name shown as text");
        assertAtLeast(drawn(dom, "data-charts-drawn"), "equity", MIN_LINE_PIXELS);
        assertNoScriptErrors(dom);
    }

    private String render(BacktestResult result) throws Exception {
        Path page = HtmlReport.write(result, temp.resolve("report"));
        Path scratch = Files.createDirectories(temp.resolve("browser"));
        return HeadlessChromium.require().dumpDom(page, scratch);
    }

    private static Map<String, String> drawn(String dom, String attribute) {
        String value = HeadlessChromium.bodyAttribute(dom, attribute)
                .orElseGet(() -> fail("<body> has no " + attribute + ": the report's script did not finish"));
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            int colon = entry.lastIndexOf(':');
            entries.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        return entries;
    }

    private static void assertAtLeast(Map<String, String> drawn, String name, int pixels) {
        String value = drawn.get(name);
        if (value == null || !value.matches("\\d+") || Integer.parseInt(value) < pixels) {
            fail(name + " drew " + value + " series pixels, expected at least " + pixels + " (all: " + drawn + ")");
        }
    }

    private static String stat(String dom, String name) {
        Matcher cell = Pattern.compile("<td data-stat=\"" + name + "\"[^>]*>([^<]*)</td>").matcher(dom);
        return cell.find() ? cell.group(1) : fail("no summary cell " + name);
    }

    private static void assertNoScriptErrors(String dom) {
        HeadlessChromium.bodyAttribute(dom, "data-report-errors")
                .ifPresent(error -> fail("a script of the report failed: " + error));
    }
}
