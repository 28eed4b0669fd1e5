package chronicle.sim.internal;

import chronicle.api.strategy.Instrument;
import chronicle.sim.api.BacktestResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects what a run produces: the sampled equity curve and mids, positions and fills, order counts and
 * latencies; and from them the summary. Marking allocates only when a sample is taken (once per sample interval
 * of event time) or a fill is recorded.
 */
final class ResultRecorder {

    /** Minutes in a year of a market that never closes: the annualisation of per-minute Sharpe ratios. */
    static final double MINUTES_PER_YEAR = 365.0 * 24 * 60;
    private static final long MINUTE = 60_000_000_000L;

    private final List<Instrument> instruments;
    private final Accountant accountant;
    private final long sampleInterval;
    private final List<BacktestResult.EquityPoint> equity = new ArrayList<>();
    private final List<BacktestResult.PositionPoint> positions = new ArrayList<>();
    private final List<BacktestResult.FillRecord> fills = new ArrayList<>();
    private final List<BacktestResult.MidPoint> mids = new ArrayList<>();
    private double[] minuteEquity = new double[64];
    private int minutes;
    private long nextMinute = Long.MIN_VALUE;
    private long nextSample = Long.MIN_VALUE;
    private long[] latencies = new long[64];
    private int latencyCount;
    private double peak = Double.NEGATIVE_INFINITY;
    private double maxDrawdown;
    private long first = Long.MIN_VALUE;
    private long last;
    private long inMarketNanos;
    private boolean inMarket;
    private long orders;
    private long ordersFilled;

    ResultRecorder(List<Instrument> instruments, Accountant accountant, long sampleIntervalNanos) {
        this.instruments = instruments;
        this.accountant = accountant;
        this.sampleInterval = Math.max(1, sampleIntervalNanos);
    }

    /**
     * After every event: drawdown, time in market, and the samples that fall due.
     *
     * @param time event time.
     */
    void mark(long time) {
        if (first == Long.MIN_VALUE) {
            first = time;
            nextMinute = time;
            nextSample = time;
        }
        if (inMarket) {
            inMarketNanos += time - last;
        }
        last = time;
        inMarket = accountant.inMarket();
        double e = accountant.equity();
        if (e > peak) {
            peak = e;
        }
        maxDrawdown = Math.max(maxDrawdown, peak - e);
        if (time >= nextMinute) {
            if (minutes == minuteEquity.length) {
                minuteEquity = Arrays.copyOf(minuteEquity, minutes * 2);
            }
            minuteEquity[minutes++] = e;
            nextMinute = (Math.floorDiv(time, MINUTE) + 1) * MINUTE;
        }
        if (time >= nextSample) {
            sample(time, e);
            nextSample = (Math.floorDiv(time, sampleInterval) + 1) * sampleInterval;
        }
    }

    private void sample(long time, double e) {
        equity.add(new BacktestResult.EquityPoint(time, e, accountant.cash(), e - peak));
        for (Instrument i : instruments) {
            double mid = accountant.mid(i.index());
            if (!Double.isNaN(mid)) {
                mids.add(new BacktestResult.MidPoint(time, i.index(), mid));
            }
        }
    }

    /** An order was sent. */
    void orderSent() {
        orders++;
    }

    /** @param nanos time from sending an order to learning it was accepted or rejected. */
    void orderLatency(long nanos) {
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencyCount * 2);
        }
        latencies[latencyCount++] = nanos;
    }

    /**
     * A fill, after the accountant booked it.
     *
     * @param time       exchange time.
     * @param order      the order.
     * @param price      price mantissa.
     * @param quantity   quantity mantissa.
     * @param maker      whether it rested.
     * @param fee        fee charged.
     * @param firstFill  whether it is the order's first fill.
     */
    void fill(long time, SimOrder order, long price, long quantity, boolean maker, double fee, boolean firstFill) {
        Instrument i = instruments.get(order.instrument);
        if (firstFill) {
            ordersFilled++;
        }
        fills.add(new BacktestResult.FillRecord(time, i.index(), order.id, order.buy(), i.price(price),
                i.size(quantity), maker, fee));
        positions.add(new BacktestResult.PositionPoint(time, i.index(), i.size(accountant.position(i.index()))));
        mark(time);
    }

    /**
     * @param strategy   the strategy's name.
     * @param parameters its parameters.
     * @param events     market events replayed.
     * @param runStart   the run's start time (the result's start and end when no event came).
     * @return the result.
     */
    BacktestResult result(String strategy, java.util.Map<String, String> parameters, long events, long runStart) {
        double finalEquity = accountant.equity();
        if (first == Long.MIN_VALUE) {
            last = runStart;
        }
        long start = first == Long.MIN_VALUE ? runStart : first;
        if (first != Long.MIN_VALUE && (equity.isEmpty() || equity.getLast().time() != last)) {
            sample(last, finalEquity);
        }
        long span = last - start;
        BacktestResult.Summary summary = new BacktestResult.Summary(finalEquity - accountant.initialCash(),
                accountant.fees(), fills.size(), orders, orders == 0 ? 0 : (double) ordersFilled / orders,
                maxDrawdown, sharpe(), span <= 0 ? 0 : (double) inMarketNanos / span, accountant.volume(),
                finalEquity);
        return new BacktestResult(strategy, parameters, instruments, start, last, events, accountant.initialCash(),
                summary, List.copyOf(equity), List.copyOf(positions), List.copyOf(fills), List.copyOf(mids),
                Arrays.copyOf(latencies, latencyCount));
    }

    /** Annualised Sharpe ratio of per-minute equity returns (the equity at the first event of each minute). */
    private double sharpe() {
        double[] e = Arrays.copyOf(minuteEquity, minutes);
        if (minutes < 2 || e[minutes - 1] != accountant.equity()) {
            e = Arrays.copyOf(e, minutes + 1);
            e[e.length - 1] = accountant.equity();
        }
        int n = e.length - 1;
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        double[] r = new double[n];
        for (int k = 0; k < n; k++) {
            r[k] = e[k] == 0 ? 0 : (e[k + 1] - e[k]) / e[k];
            sum += r[k];
        }
        double mean = sum / n;
        double squares = 0;
        for (double x : r) {
            squares += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        return sd == 0 ? 0 : mean / sd * Math.sqrt(MINUTES_PER_YEAR);
    }
}
