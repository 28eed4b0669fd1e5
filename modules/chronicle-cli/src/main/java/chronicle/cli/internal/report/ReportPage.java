package chronicle.cli.internal.report;

import chronicle.api.strategy.Instrument;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestResult.FillRecord;
import chronicle.sim.api.BacktestResult.MidPoint;
import chronicle.sim.api.BacktestResult.PositionPoint;

/**
 * One backtest report as a single HTML page that needs nothing but a browser: the style sheets, uPlot, the data
 * (JSON in a {@code <script type="application/json">} element) and the drawing script are all inlined.
 *
 * <p>Every chart is a {@code <div class="plot" id="chart-<name>">}: {@code equity}, {@code drawdown},
 * {@code position-<i>} and {@code fills-<i>} per instrument index, {@code latency}. A chart without data gets
 * {@code data-empty} and a sentence saying why instead of a plot. After drawing, the script writes what each chart
 * put on its canvas into {@code <body data-charts-drawn="equity:1234,...,latency:empty">} (see {@code report.js}).
 */
final class ReportPage {

    private ReportPage() {
    }

    /**
     * @param result a backtest's result.
     * @param assets the inlined library, script and styles.
     * @return the page.
     */
    static String render(BacktestResult result, PageAssets assets) {
        LatencyHistogram latency = LatencyHistogram.of(result.orderLatencyNanos());
        StringBuilder out = new StringBuilder(256 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"chronicle backtest\">\n")
                .append("<title>Backtest: ").append(Html.text(result.strategy())).append("</title>\n")
                .append("<style>\n").append(assets.uplotStyle()).append("\n</style>\n")
                .append("<style>\n").append(assets.reportStyle()).append("\n</style>\n")
                // First, so that a failure in any later script (uPlot's or the report's) is recorded too.
                .append("<script>window.addEventListener('error', function (e) {")
                .append(" document.body.setAttribute('data-report-errors', String(e.message)); });</script>\n")
                .append("</head>\n<body>\n");
        ReportHeader.write(result, out);
        out.append("<main>\n");
        equity(result, out);
        for (Instrument instrument : result.instruments()) {
            instrument(result, instrument, out);
        }
        latency(latency, out);
        out.append("</main>\n<footer>Written by <code>chronicle backtest</code>. Times are UTC. Charts drawn with ")
                .append("uPlot (MIT licence, in the page's source). Drag across a chart to zoom in; double-click ")
                .append("to zoom out.</footer>\n")
                .append("<script type=\"application/json\" id=\"chart-data\">")
                .append(ChartData.scriptSafeJson(result, latency)).append("</script>\n")
                .append("<script>\n/*\n").append(assets.uplotLicence()).append("*/\n")
                .append(assets.uplotScript()).append("\n</script>\n")
                .append("<script>\n").append(assets.reportScript()).append("\n</script>\n")
                .append("</body>\n</html>\n");
        return out.toString();
    }

    private static void equity(BacktestResult result, StringBuilder out) {
        boolean empty = result.equity().isEmpty();
        String why = "No equity points: the backtest replayed no events.";
        out.append("<section class=\"charts\"><h2>Equity</h2>\n");
        if (result.equity().size() > ChartData.MAX_LINE_POINTS) {
            out.append("<p class=\"note\">").append(Figures.count(result.equity().size()))
                    .append(" points: the first, lowest, highest and last of each interval are drawn.</p>\n");
        }
        plot(out, "equity", empty, why);
        out.append("<h3>Drawdown</h3>\n");
        plot(out, "drawdown", empty, why);
        out.append("</section>\n");
    }

    private static void instrument(BacktestResult result, Instrument instrument, StringBuilder out) {
        int index = instrument.index();
        String label = Html.text(instrument.label());
        long positions = result.positions().stream().filter(p -> p.instrument() == index).count();
        long mids = result.mids().stream().filter(m -> m.instrument() == index).count();
        long fills = result.fills().stream().filter(f -> f.instrument() == index).count();
        long buys = result.fills().stream().filter(f -> f.instrument() == index && f.buy()).count();
        out.append("<section class=\"charts\"><h2>").append(label).append("</h2>\n<h3>Position</h3>\n");
        plot(out, "position-" + index, positions == 0, "No position: the strategy never traded " + label + ".");
        out.append("<h3>Fills over the mid price</h3>\n<p class=\"note\">");
        if (fills == 0) {
            out.append("No fills: the strategy never traded ").append(label).append('.');
        } else {
            out.append(Figures.count(fills, "fill", "fills")).append(": <span class=\"buy\">&#9650; ")
                    .append(Figures.count(buys, "buy", "buys")).append("</span>, <span class=\"sell\">&#9660; ")
                    .append(Figures.count(fills - buys, "sell", "sells"))
                    .append("</span>, at their prices, over the mid (line).");
            long step = (fills + ChartData.MAX_FILL_MARKERS - 1) / ChartData.MAX_FILL_MARKERS;
            if (step > 1) {
                out.append(" One fill in ").append(Figures.count(step)).append(" is drawn.");
            }
        }
        out.append("</p>\n");
        plot(out, "fills-" + index, mids == 0 && fills == 0, "No mid prices and no fills for " + label + ".");
        out.append("</section>\n");
    }

    private static void latency(LatencyHistogram latency, StringBuilder out) {
        out.append("<section class=\"charts\"><h2>Order latency</h2>\n");
        if (latency.count() > 0) {
            out.append("<p class=\"note\" id=\"latency-stats\">")
                    .append(Figures.count(latency.count(), "order", "orders"))
                    .append(", from sending to the exchange's answer: min ")
                    .append(Figures.latency(latency.min())).append(" · <b>p50 ")
                    .append(Figures.latency(latency.p50())).append("</b> · p90 ")
                    .append(Figures.latency(latency.p90())).append(" · <b>p99 ")
                    .append(Figures.latency(latency.p99())).append("</b> · max ")
                    .append(Figures.latency(latency.max())).append("</p>\n");
        }
        plot(out, "latency", latency.count() == 0, "No orders were sent, so there is no latency to show.");
        out.append("</section>\n");
    }

    private static void plot(StringBuilder out, String name, boolean empty, String safeWhyEmpty) {
        out.append("<div class=\"plot\" id=\"chart-").append(name).append('"');
        if (empty) {
            out.append(" data-empty><p class=\"empty\">").append(safeWhyEmpty).append("</p>");
        } else {
            out.append('>');
        }
        out.append("</div>\n");
    }
}
