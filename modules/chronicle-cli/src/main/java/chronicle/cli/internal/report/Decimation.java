package chronicle.cli.internal.report;

import java.util.Arrays;

/**
 * Thins a long time series for drawing without hiding what matters: the series is cut into equal runs of points
 * and each run keeps its first, lowest, highest and last point, in time order. Spikes and drawdowns therefore
 * survive, which plain every-n-th sampling would lose; a line drawn through the kept points looks the same at
 * screen resolution. Series at or under the limit are kept whole.
 */
final class Decimation {

    private Decimation() {
    }

    /**
     * A series as two parallel arrays.
     *
     * @param times  x values, ascending.
     * @param values y values.
     */
    record Series(double[] times, double[] values) {

        /** @return the number of points. */
        int size() {
            return times.length;
        }
    }

    /**
     * @param series    the series, in time order.
     * @param maxPoints the most points to return (at least 4).
     * @return the series itself if it has at most {@code maxPoints} points, else at most {@code maxPoints} of its
     *         points: per run the first, lowest, highest and last, each once.
     */
    static Series thin(Series series, int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints " + maxPoints + ": must be at least 4");
        }
        int n = series.size();
        if (n <= maxPoints) {
            return series;
        }
        int runs = maxPoints / 4;
        double[] times = new double[runs * 4];
        double[] values = new double[runs * 4];
        int kept = 0;
        int[] picks = new int[4];
        for (int run = 0; run < runs; run++) {
            int from = (int) ((long) n * run / runs);
            int to = (int) ((long) n * (run + 1) / runs);
            int low = from;
            int high = from;
            for (int i = from + 1; i < to; i++) {
                if (series.values[i] < series.values[low]) {
                    low = i;
                }
                if (series.values[i] > series.values[high]) {
                    high = i;
                }
            }
            picks[0] = from;
            picks[1] = Math.min(low, high);
            picks[2] = Math.max(low, high);
            picks[3] = to - 1;
            int previous = -1;
            for (int pick : picks) {
                if (pick != previous) {
                    times[kept] = series.times[pick];
                    values[kept] = series.values[pick];
                    kept++;
                    previous = pick;
                }
            }
        }
        return new Series(Arrays.copyOf(times, kept), Arrays.copyOf(values, kept));
    }
}
