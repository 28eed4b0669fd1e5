package chronicle.sim.internal;

import chronicle.replay.api.MarketBook;
import chronicle.sim.api.LatencyModel;

/**
 * The run's latency model, per instrument: constant, or the recorded feed latency of the instrument's last book
 * event (local minus exchange timestamp) with the last usable measurement kept. Allocation-free.
 */
final class Latencies {

    private final LatencyModel model;
    private long[] feedLatency;

    Latencies(LatencyModel model, int instruments) {
        this.model = model;
        this.feedLatency = new long[instruments];
        long fallback = model instanceof LatencyModel.Recorded r ? r.fallbackNanos() : 0;
        java.util.Arrays.fill(feedLatency, fallback);
    }

    /** @param instruments the number of instruments from now on (more than before). */
    void grow(int instruments) {
        int had = feedLatency.length;
        feedLatency = java.util.Arrays.copyOf(feedLatency, instruments);
        long fallback = model instanceof LatencyModel.Recorded r ? r.fallbackNanos() : 0;
        java.util.Arrays.fill(feedLatency, had, instruments, fallback);
    }

    /** @param instrument the index. @param book its book after an event: its feed latency is measured. */
    void observe(int instrument, MarketBook book) {
        long exchange = book.lastExchangeTimestamp();
        long local = book.lastIngestTimestamp();
        if (exchange > 0 && local >= exchange) {
            feedLatency[instrument] = local - exchange;
        }
    }

    /** @param instrument the index. @return nanoseconds from the strategy to the exchange now. */
    long entry(int instrument) {
        return switch (model) {
            case LatencyModel.Constant c -> c.entryNanos();
            case LatencyModel.Recorded r -> Math.round(feedLatency[instrument] * r.entryScale());
        };
    }

    /** @param instrument the index. @return nanoseconds from the exchange to the strategy now. */
    long response(int instrument) {
        return switch (model) {
            case LatencyModel.Constant c -> c.responseNanos();
            case LatencyModel.Recorded r -> Math.round(feedLatency[instrument] * r.responseScale());
        };
    }
}
