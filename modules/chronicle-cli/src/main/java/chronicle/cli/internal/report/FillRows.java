package chronicle.cli.internal.report;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Arrays;

/**
 * The columns of a fills-over-mid chart, gathered row by row and written as four JSON arrays ({@code t},
 * {@code mid}, {@code buy}, {@code sell}): uPlot draws series that share one x column, so each row holds either a
 * mid sample or one fill, and {@code null} in the columns it has no value for.
 */
final class FillRows {

    private final JsonGenerator json;
    private double[] times = new double[1024];
    private double[] mids = new double[1024];
    private double[] buys = new double[1024];
    private double[] sells = new double[1024];
    private int rows;

    /**
     * @param json the generator to write the columns to, positioned inside an object.
     */
    FillRows(JsonGenerator json) {
        this.json = json;
    }

    /**
     * Adds a mid sample.
     *
     * @param time epoch seconds.
     * @param mid  the mid price.
     */
    void mid(double time, double mid) {
        add(time, mid, Double.NaN, Double.NaN);
    }

    /**
     * Adds a fill.
     *
     * @param time  epoch seconds.
     * @param buy   true for a buy.
     * @param price the fill's price.
     */
    void fill(double time, boolean buy, double price) {
        add(time, Double.NaN, buy ? price : Double.NaN, buy ? Double.NaN : price);
    }

    /**
     * Writes the four columns (an absent value as {@code null}).
     *
     * @throws IOException if the generator fails.
     */
    void finish() throws IOException {
        ChartData.writeArray(json, "t", Arrays.copyOf(times, rows));
        ChartData.writeArray(json, "mid", Arrays.copyOf(mids, rows));
        ChartData.writeArray(json, "buy", Arrays.copyOf(buys, rows));
        ChartData.writeArray(json, "sell", Arrays.copyOf(sells, rows));
    }

    private void add(double time, double mid, double buy, double sell) {
        if (rows == times.length) {
            int capacity = rows * 2;
            times = Arrays.copyOf(times, capacity);
            mids = Arrays.copyOf(mids, capacity);
            buys = Arrays.copyOf(buys, capacity);
            sells = Arrays.copyOf(sells, capacity);
        }
        times[rows] = time;
        mids[rows] = mid;
        buys[rows] = buy;
        sells[rows] = sell;
        rows++;
    }
}
