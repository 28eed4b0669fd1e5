package chronicle.benchmarks;

import java.util.Locale;

/**
 * A log-linear histogram of nanosecond values, allocation-free when recording: exact below 64 ns, then 64
 * sub-buckets per power of two (at most 1.6% error). Written by one thread.
 */
final class LatencyHistogram {

    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private final long[] counts = new long[SUB + (64 - SUB_BITS) * SUB];
    private long total;
    private long max;

    void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        if (v > max) {
            max = v;
        }
    }

    void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        max = 0;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    private static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int msb = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (msb - SUB_BITS)) & (SUB - 1));
        return SUB + (msb - SUB_BITS) * SUB + sub;
    }

    /** Highest value that falls in bucket {@code i}. */
    private static long upper(int i) {
        if (i < SUB) {
            return i;
        }
        int msb = (i - SUB) / SUB + SUB_BITS;
        long sub = (i - SUB) % SUB;
        long lower = (SUB + sub) << (msb - SUB_BITS);
        return lower + (1L << (msb - SUB_BITS)) - 1;
    }

    /** @return the value at or below which {@code fraction} of the samples lie (bucket upper bound). */
    long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return Math.min(upper(i), max);
            }
        }
        return max;
    }

    String summary(String label) {
        return String.format(Locale.ROOT,
                "%s one-way latency (ns): samples=%d p50=%d p90=%d p99=%d p99.9=%d p99.99=%d max=%d",
                label, total, percentile(0.50), percentile(0.90), percentile(0.99), percentile(0.999),
                percentile(0.9999), max);
    }
}
