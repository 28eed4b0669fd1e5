package chronicle.cli.internal.report;

import chronicle.api.strategy.Instrument;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestResult.FillRecord;
import chronicle.sim.api.BacktestResult.Summary;

import java.util.Map;

/**
 * The top of a report, drawn on the server side so that it reads without a script: what ran (strategy,
 * parameters, instruments, time range) and the summary statistics. Every statistic's value cell carries
 * {@code data-stat="<name>"}, so tools and tests find it without parsing the layout.
 */
final class ReportHeader {

    private ReportHeader() {
    }

    /**
     * @param result a backtest's result.
     * @param out    the page being written.
     */
    static void write(BacktestResult result, StringBuilder out) {
        out.append("<header>\n<h1>Backtest: <span class=\"strategy\">").append(Html.text(result.strategy()))
                .append("</span></h1>\n<dl class=\"run\">\n");
        term(out, "Instruments", instruments(result));
        term(out, "From", Html.text(Figures.utc(result.start())));
        term(out, "To", Html.text(Figures.utc(result.end())));
        term(out, "Duration", Html.text(Figures.duration(result.end() - result.start())));
        term(out, "Events replayed", Figures.count(result.events()));
        term(out, "Initial cash", Figures.money(result.initialCash()));
        out.append("</dl>\n");
        parameters(result.parameters(), out);
        out.append("</header>\n");
        summary(result, out);
    }

    private static String instruments(BacktestResult result) {
        if (result.instruments().isEmpty()) {
            return "none";
        }
        StringBuilder labels = new StringBuilder();
        for (Instrument instrument : result.instruments()) {
            labels.append(labels.isEmpty() ? "" : ", ").append(Html.text(instrument.label()));
        }
        return labels.toString();
    }

    private static void parameters(Map<String, String> parameters, StringBuilder out) {
        out.append("<section class=\"parameters\"><h2>Parameters</h2>\n");
        if (parameters.isEmpty()) {
            out.append("<p class=\"empty\">The strategy takes no parameters.</p>\n");
        } else {
            out.append("<table class=\"parameters\">\n");
            parameters.forEach((name, value) -> out.append("<tr><th>").append(Html.text(name))
                    .append("</th><td>").append(Html.text(value)).append("</td></tr>\n"));
            out.append("</table>\n");
        }
        out.append("</section>\n");
    }

    private static void summary(BacktestResult result, StringBuilder out) {
        Summary s = result.summary();
        long buys = result.fills().stream().filter(FillRecord::buy).count();
        long makers = result.fills().stream().filter(FillRecord::maker).count();
        long recorded = result.fills().size();
        out.append("<section id=\"summary\"><h2>Summary</h2>\n<table class=\"summary\">\n");
        String pnlClass = s.pnl() > 0 ? "gain" : s.pnl() < 0 ? "loss" : "";
        row(out, "pnl", "PnL", Figures.signedMoney(s.pnl()), pnlClass, "final equity minus initial cash, after fees");
        row(out, "finalEquity", "Final equity", Figures.money(s.finalEquity()), "", "cash plus positions at the last mid");
        row(out, "fees", "Fees", Figures.money(s.fees()), "", "paid (negative: rebates earned)");
        row(out, "fills", "Fills", Figures.count(s.fills()), "", Figures.count(buys, "buy", "buys") + ", "
                + Figures.count(recorded - buys, "sell", "sells") + "; " + Figures.count(makers) + " maker, "
                + Figures.count(recorded - makers) + " taker");
        row(out, "orders", "Orders", Figures.count(s.orders()), "", "orders sent");
        row(out, "fillRatio", "Fill ratio", Figures.percent(s.fillRatio()), "", "orders with at least one fill");
        row(out, "maxDrawdown", "Max drawdown", Figures.money(s.maxDrawdown()), s.maxDrawdown() > 0 ? "loss" : "",
                "largest fall of equity from a previous peak");
        row(out, "sharpe", "Sharpe ratio", Figures.ratio(s.sharpe()), "", "annualised, from per-minute equity returns");
        row(out, "timeInMarket", "Time in market", Figures.percent(s.timeInMarket()), "",
                "share of the run with a non-zero position");
        row(out, "volume", "Volume", Figures.money(s.volume()), "", "traded value, the sum of |price × quantity|");
        out.append("</table>\n</section>\n");
    }

    private static void term(StringBuilder out, String term, String safeValue) {
        out.append("<div><dt>").append(term).append("</dt><dd>").append(safeValue).append("</dd></div>\n");
    }

    private static void row(StringBuilder out, String key, String label, String value, String cssClass, String hint) {
        out.append("<tr><th>").append(label).append("</th><td data-stat=\"").append(key).append('"')
                .append(cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"").append('>')
                .append(Html.text(value)).append("</td><td class=\"hint\">").append(Html.text(hint))
                .append("</td></tr>\n");
    }
}
