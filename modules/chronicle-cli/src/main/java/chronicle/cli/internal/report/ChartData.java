package chronicle.cli.internal.report;

import chronicle.api.strategy.Instrument;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestResult.EquityPoint;
import chronicle.sim.api.BacktestResult.FillRecord;
import chronicle.sim.api.BacktestResult.MidPoint;
import chronicle.sim.api.BacktestResult.PositionPoint;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The series a report draws, as the JSON its script reads ({@code report.js}), made safe to sit inside a
 * {@code <script>} element. Times are epoch seconds (what uPlot's time scale counts in); non-finite numbers are
 * {@code null} (JSON has no NaN).
 *
 * <pre>
 * { "equity":   {"t": [..], "v": [..], "points": n},          equity curve (thinned: see {@link Decimation})
 *   "drawdown": {"t": [..], "v": [..]},                        equity minus its running peak
 *   "instruments": [{"index": i, "label": "venue symbol",
 *       "position": {"t": [..], "v": [..]},                    step series from start to end; empty: never traded
 *       "fills": {"t": [..], "mid": [..], "buy": [..], "sell": [..], "fills": n, "shown": k}}],
 *   "latency": {"x": [..], "n": [..], "width": w, "count": n, "p50": .., "p99": ..} }   microseconds
 * </pre>
 *
 * In {@code fills} every row is one mid sample or one fill, in time order, with {@code null} in the other columns.
 */
final class ChartData {

    /** Most points of one drawn line; longer series are thinned (2,000 runs of four points). */
    static final int MAX_LINE_POINTS = 8_000;

    /** Most fill markers per instrument; beyond it every k-th fill is drawn and the page says so. */
    static final int MAX_FILL_MARKERS = 20_000;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final double NANOS_PER_SECOND = 1e9;

    private ChartData() {
    }

    /**
     * @param result  a backtest's result.
     * @param latency its order latency histogram.
     * @return the JSON text, with {@code <}, {@code >} and {@code &} written as {@code \}{@code u} escapes, so that
     *         no value (a strategy's name, a parameter) can end the script element that holds it.
     */
    static String scriptSafeJson(BacktestResult result, LatencyHistogram latency) {
        StringWriter text = new StringWriter(1 << 16);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            writeEquity(json, result.equity());
            json.writeArrayFieldStart("instruments");
            for (Instrument instrument : result.instruments()) {
                writeInstrument(json, result, instrument);
            }
            json.writeEndArray();
            writeLatency(json, latency);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("report data: " + e.getMessage(), e);
        }
        return scriptSafe(text.toString());
    }

    /**
     * @param json JSON text.
     * @return the same JSON value, with the characters that could close or confuse an HTML script element escaped.
     *         They can only occur inside JSON strings, where a {@code \}{@code u} escape means the same character.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static void writeEquity(JsonGenerator json, List<EquityPoint> equity) throws IOException {
        int n = equity.size();
        double[] times = new double[n];
        double[] values = new double[n];
        double[] drawdowns = new double[n];
        for (int i = 0; i < n; i++) {
            EquityPoint point = equity.get(i);
            times[i] = seconds(point.time());
            values[i] = point.equity();
            drawdowns[i] = point.drawdown();
        }
        json.writeObjectFieldStart("equity");
        writeSeries(json, Decimation.thin(new Decimation.Series(times, values), MAX_LINE_POINTS));
        json.writeNumberField("points", n);
        json.writeEndObject();
        json.writeObjectFieldStart("drawdown");
        writeSeries(json, Decimation.thin(new Decimation.Series(times, drawdowns), MAX_LINE_POINTS));
        json.writeEndObject();
    }

    private static void writeInstrument(JsonGenerator json, BacktestResult result, Instrument instrument)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("index", instrument.index());
        json.writeStringField("label", instrument.label());
        json.writeObjectFieldStart("position");
        writeSeries(json, Decimation.thin(position(result, instrument.index()), MAX_LINE_POINTS));
        json.writeEndObject();
        writeFills(json, result, instrument.index());
        json.writeEndObject();
    }

    /** The position as a step series over the whole run: flat at zero from the start, held until the end. */
    private static Decimation.Series position(BacktestResult result, int instrument) {
        List<PositionPoint> points = new ArrayList<>();
        for (PositionPoint point : result.positions()) {
            if (point.instrument() == instrument) {
                points.add(point);
            }
        }
        if (points.isEmpty()) {
            return new Decimation.Series(new double[0], new double[0]);
        }
        points.sort(Comparator.comparingLong(PositionPoint::time));
        int n = points.size();
        double[] times = new double[n + 2];
        double[] values = new double[n + 2];
        times[0] = seconds(Math.min(result.start(), points.getFirst().time()));
        for (int i = 0; i < n; i++) {
            times[i + 1] = seconds(points.get(i).time());
            values[i + 1] = points.get(i).position();
        }
        times[n + 1] = seconds(Math.max(result.end(), points.getLast().time()));
        values[n + 1] = values[n];
        return new Decimation.Series(times, values);
    }

    private static void writeFills(JsonGenerator json, BacktestResult result, int instrument) throws IOException {
        List<MidPoint> midPoints = new ArrayList<>();
        for (MidPoint mid : result.mids()) {
            if (mid.instrument() == instrument) {
                midPoints.add(mid);
            }
        }
        midPoints.sort(Comparator.comparingLong(MidPoint::time));
        double[] midTimes = new double[midPoints.size()];
        double[] midValues = new double[midPoints.size()];
        for (int i = 0; i < midTimes.length; i++) {
            midTimes[i] = seconds(midPoints.get(i).time());
            midValues[i] = midPoints.get(i).mid();
        }
        Decimation.Series mids = Decimation.thin(new Decimation.Series(midTimes, midValues), MAX_LINE_POINTS);

        List<FillRecord> fills = new ArrayList<>();
        for (FillRecord fill : result.fills()) {
            if (fill.instrument() == instrument) {
                fills.add(fill);
            }
        }
        fills.sort(Comparator.comparingLong(FillRecord::time));
        int step = Math.max(1, (fills.size() + MAX_FILL_MARKERS - 1) / MAX_FILL_MARKERS);

        json.writeObjectFieldStart("fills");
        FillRows rows = new FillRows(json);
        int m = 0;
        int shown = 0;
        for (int f = 0; f < fills.size(); f += step) {
            FillRecord fill = fills.get(f);
            double time = seconds(fill.time());
            while (m < mids.size() && mids.times()[m] <= time) {
                rows.mid(mids.times()[m], mids.values()[m]);
                m++;
            }
            rows.fill(time, fill.buy(), fill.price());
            shown++;
        }
        for (; m < mids.size(); m++) {
            rows.mid(mids.times()[m], mids.values()[m]);
        }
        rows.finish();
        json.writeNumberField("fills", fills.size());
        json.writeNumberField("shown", shown);
        json.writeEndObject();
    }

    private static void writeLatency(JsonGenerator json, LatencyHistogram latency) throws IOException {
        json.writeObjectFieldStart("latency");
        writeArray(json, "x", latency.binCentres());
        json.writeArrayFieldStart("n");
        for (long count : latency.counts()) {
            json.writeNumber(count);
        }
        json.writeEndArray();
        writeNumber(json, "width", latency.binWidth());
        json.writeNumberField("count", latency.count());
        writeNumber(json, "p50", latency.p50());
        writeNumber(json, "p99", latency.p99());
        json.writeEndObject();
    }

    private static void writeSeries(JsonGenerator json, Decimation.Series series) throws IOException {
        writeArray(json, "t", series.times());
        writeArray(json, "v", series.values());
    }

    static void writeArray(JsonGenerator json, String field, double[] values) throws IOException {
        json.writeArrayFieldStart(field);
        for (double value : values) {
            writeValue(json, value);
        }
        json.writeEndArray();
    }

    private static void writeNumber(JsonGenerator json, String field, double value) throws IOException {
        json.writeFieldName(field);
        writeValue(json, value);
    }

    static void writeValue(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeNull();
        }
    }

    private static double seconds(long epochNanos) {
        return epochNanos / NANOS_PER_SECOND;
    }
}
