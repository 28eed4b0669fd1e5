package chronicle.sim.api;

import chronicle.api.strategy.Instrument;

import java.util.Map;

/**
 * Writes a {@link BacktestResult} as JSON: the summary alone ({@code chronicle backtest --json}) or everything.
 * Numbers are written with {@link Double#toString(double)}, fields in a fixed order, so equal results give equal
 * text (the determinism check compares it byte for byte).
 */
public final class BacktestJson {

    private BacktestJson() {
    }

    /**
     * @param result a result.
     * @return one JSON object: strategy, parameters, instruments, span, events and the summary.
     */
    public static String summary(BacktestResult result) {
        StringBuilder s = new StringBuilder(1024).append('{');
        head(s, result);
        return s.append('}').toString();
    }

    /**
     * @param result a result.
     * @return one JSON object: the summary's fields and every series.
     */
    public static String full(BacktestResult result) {
        StringBuilder s = new StringBuilder(4096).append('{');
        head(s, result);
        s.append(",\"equity\":[");
        for (int i = 0; i < result.equity().size(); i++) {
            BacktestResult.EquityPoint p = result.equity().get(i);
            s.append(i == 0 ? "[" : ",[").append(p.time()).append(',').append(p.equity()).append(',')
                    .append(p.cash()).append(',').append(p.drawdown()).append(']');
        }
        s.append("],\"positions\":[");
        for (int i = 0; i < result.positions().size(); i++) {
            BacktestResult.PositionPoint p = result.positions().get(i);
            s.append(i == 0 ? "[" : ",[").append(p.time()).append(',').append(p.instrument()).append(',')
                    .append(p.position()).append(']');
        }
        s.append("],\"fills\":[");
        for (int i = 0; i < result.fills().size(); i++) {
            BacktestResult.FillRecord f = result.fills().get(i);
            s.append(i == 0 ? "{" : ",{").append("\"time\":").append(f.time()).append(",\"instrument\":")
                    .append(f.instrument()).append(",\"order\":").append(f.orderId()).append(",\"side\":\"")
                    .append(f.buy() ? "buy" : "sell").append("\",\"price\":").append(f.price())
                    .append(",\"quantity\":").append(f.quantity()).append(",\"liquidity\":\"")
                    .append(f.maker() ? "maker" : "taker").append("\",\"fee\":").append(f.fee()).append('}');
        }
        s.append("],\"mids\":[");
        for (int i = 0; i < result.mids().size(); i++) {
            BacktestResult.MidPoint m = result.mids().get(i);
            s.append(i == 0 ? "[" : ",[").append(m.time()).append(',').append(m.instrument()).append(',')
                    .append(m.mid()).append(']');
        }
        s.append("],\"order_latency_ns\":[");
        long[] latencies = result.orderLatencyNanos();
        for (int i = 0; i < latencies.length; i++) {
            s.append(i == 0 ? "" : ",").append(latencies[i]);
        }
        return s.append("]}").toString();
    }

    private static void head(StringBuilder s, BacktestResult r) {
        s.append("\"strategy\":").append(quote(r.strategy())).append(",\"parameters\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : r.parameters().entrySet()) {
            s.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
            first = false;
        }
        s.append("},\"instruments\":[");
        for (int i = 0; i < r.instruments().size(); i++) {
            Instrument in = r.instruments().get(i);
            s.append(i == 0 ? "{" : ",{").append("\"index\":").append(in.index()).append(",\"venue\":")
                    .append(quote(in.venue())).append(",\"symbol\":").append(quote(in.symbol())).append('}');
        }
        BacktestResult.Summary m = r.summary();
        s.append("],\"start\":").append(r.start()).append(",\"end\":").append(r.end()).append(",\"events\":")
                .append(r.events()).append(",\"initial_cash\":").append(r.initialCash())
                .append(",\"summary\":{\"pnl\":").append(m.pnl()).append(",\"fees\":").append(m.fees())
                .append(",\"fills\":").append(m.fills()).append(",\"orders\":").append(m.orders())
                .append(",\"fill_ratio\":").append(m.fillRatio()).append(",\"max_drawdown\":")
                .append(m.maxDrawdown()).append(",\"sharpe\":").append(m.sharpe()).append(",\"time_in_market\":")
                .append(m.timeInMarket()).append(",\"volume\":").append(m.volume()).append(",\"final_equity\":")
                .append(m.finalEquity()).append('}');
    }

    /** @return the text as a JSON string literal. */
    private static String quote(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
