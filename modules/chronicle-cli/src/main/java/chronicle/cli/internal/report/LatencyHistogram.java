package chronicle.cli.internal.report;

import java.util.Arrays;

/**
 * The distribution of order latencies as the report draws it: equal-width bins between the fastest and the
 * slowest order, and the percentiles the page marks. Values are microseconds.
 *
 * @param binCentres the centre of each bin.
 * @param counts     orders per bin.
 * @param binWidth   the width of every bin.
 * @param count      orders measured.
 * @param min        the fastest.
 * @param p50        the median (nearest rank).
 * @param p90        the 90th percentile (nearest rank).
 * @param p99        the 99th percentile (nearest rank).
 * @param max        the slowest.
 */
record LatencyHistogram(double[] binCentres, long[] counts, double binWidth, long count, double min, double p50,
                        double p90, double p99, double max) {

    /** Bins of a histogram whose orders do not all share one latency. */
    static final int BINS = 40;

    private static final double NANOS_PER_MICRO = 1_000.0;

    /**
     * @param latencyNanos every order's latency, in nanoseconds, in any order (not changed).
     * @return the histogram; with no orders, one without bins and with zero statistics.
     */
    static LatencyHistogram of(long[] latencyNanos) {
        if (latencyNanos.length == 0) {
            return new LatencyHistogram(new double[0], new long[0], 0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        double min = micros(sorted[0]);
        double max = micros(sorted[sorted.length - 1]);
        int bins = min == max ? 1 : BINS;
        double width = min == max ? Math.max(min * 0.02, 0.001) : (max - min) / bins;
        double[] centres = new double[bins];
        long[] counts = new long[bins];
        for (int i = 0; i < bins; i++) {
            centres[i] = min == max ? min : min + width * (i + 0.5);
        }
        for (long nanos : sorted) {
            int bin = min == max ? 0 : (int) Math.min(bins - 1, (micros(nanos) - min) / width);
            counts[bin]++;
        }
        return new LatencyHistogram(centres, counts, width, sorted.length, min,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), max);
    }

    /** Nearest rank: the smallest value with at least {@code percent} of the values at or below it. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return micros(sorted[Math.max(0, rank - 1)]);
    }

    private static double micros(long nanos) {
        return nanos / NANOS_PER_MICRO;
    }
}
