package chronicle.sim.api;

import java.time.Duration;

/**
 * How long an order takes to reach the exchange (entry) and how long the exchange's answer takes to reach the
 * strategy (response). An order sent at event time {@code t} is matched against the book as it stands at
 * {@code t + entry}; the strategy learns the outcome (and every later fill of the order) {@code response} after the
 * exchange produced it.
 */
public sealed interface LatencyModel {

    /**
     * Fixed latencies.
     *
     * @param entryNanos    strategy to exchange.
     * @param responseNanos exchange to strategy.
     */
    record Constant(long entryNanos, long responseNanos) implements LatencyModel {

        /** Checks the latencies. */
        public Constant {
            if (entryNanos < 0 || responseNanos < 0) {
                throw new IllegalArgumentException("a latency cannot be negative");
            }
        }

        @Override
        public String label() {
            return "constant entry " + entryNanos + " ns, response " + responseNanos + " ns";
        }
    }

    /**
     * Latencies taken from the recorded feed latency of the instrument's book: the time between the venue's
     * exchange timestamp and the local (ingest) timestamp of the last book event, scaled separately for entry and
     * response. Where a book event carries no usable pair of timestamps (zero, or local before exchange), the last
     * usable measurement is kept, and {@code fallbackNanos} is used before the first.
     *
     * @param entryScale    entry latency = feed latency x this.
     * @param responseScale response latency = feed latency x this.
     * @param fallbackNanos latency before the first usable measurement.
     */
    record Recorded(double entryScale, double responseScale, long fallbackNanos) implements LatencyModel {

        /** Checks the scales. */
        public Recorded {
            if (!(entryScale >= 0) || !(responseScale >= 0) || fallbackNanos < 0) {
                throw new IllegalArgumentException("latency scales and the fallback cannot be negative");
            }
        }

        @Override
        public String label() {
            return "recorded feed latency x " + entryScale + " (entry), x " + responseScale + " (response)";
        }
    }

    /** @return how a report names the model. */
    String label();

    /** @return no latency at all: orders meet the book the strategy saw (optimistic). */
    static LatencyModel none() {
        return new Constant(0, 0);
    }

    /** @param each both entry and response. @return a constant model. */
    static LatencyModel constant(Duration each) {
        return new Constant(each.toNanos(), each.toNanos());
    }

    /** @param entry strategy to exchange. @param response exchange to strategy. @return a constant model. */
    static LatencyModel constant(Duration entry, Duration response) {
        return new Constant(entry.toNanos(), response.toNanos());
    }

    /** @return the recorded feed latency, unscaled, for both directions (1 ms before the first measurement). */
    static LatencyModel recorded() {
        return new Recorded(1, 1, 1_000_000);
    }
}
