package chronicle.sim.api;

import chronicle.api.strategy.Instrument;

import java.util.List;
import java.util.Map;

/**
 * Everything a backtest produced: the summary statistics and the series the report plots. Times are epoch
 * nanoseconds of event time; money is in the quote currency, as numbers.
 *
 * @param strategy          the strategy's name.
 * @param parameters        its parameter values as text, in declaration order.
 * @param instruments       the instruments it received.
 * @param start             event time of the first event.
 * @param end               event time of the last event.
 * @param events            market events replayed.
 * @param initialCash       cash at the start.
 * @param summary           the statistics.
 * @param equity            the equity curve (sampled; the last point is the end).
 * @param positions         each instrument's position after every change.
 * @param fills             every fill, in time order.
 * @param mids              each instrument's mid price (sampled).
 * @param orderLatencyNanos for every order, the time from sending it to learning that the exchange accepted or
 *                          rejected it, as the strategy saw it (order entry plus response latency).
 */
public record BacktestResult(String strategy, Map<String, String> parameters, List<Instrument> instruments,
                             long start, long end, long events, double initialCash, Summary summary,
                             List<EquityPoint> equity, List<PositionPoint> positions, List<FillRecord> fills,
                             List<MidPoint> mids, long[] orderLatencyNanos) {

    /**
     * The statistics a user reads first.
     *
     * @param pnl          final equity minus initial cash (after fees).
     * @param fees         fees paid (negative: rebates earned).
     * @param fills        fills.
     * @param orders       orders sent.
     * @param fillRatio    orders with at least one fill / orders sent.
     * @param maxDrawdown  the largest fall of equity from a previous peak (a positive amount).
     * @param sharpe       annualised Sharpe ratio of per-minute equity returns (0 with fewer than two minutes).
     * @param timeInMarket fraction of the run's event time with a non-zero position.
     * @param volume       traded value (sum of |price x quantity| of fills).
     * @param finalEquity  cash plus positions at the last mid.
     */
    public record Summary(double pnl, double fees, long fills, long orders, double fillRatio, double maxDrawdown,
                          double sharpe, double timeInMarket, double volume, double finalEquity) {
    }

    /**
     * One point of the equity curve.
     *
     * @param time     event time.
     * @param equity   cash plus positions at mid.
     * @param cash     cash.
     * @param drawdown equity minus its running peak (zero or negative).
     */
    public record EquityPoint(long time, double equity, double cash, double drawdown) {
    }

    /**
     * An instrument's position after a fill.
     *
     * @param time       event time.
     * @param instrument instrument index.
     * @param position   signed quantity (negative: short).
     */
    public record PositionPoint(long time, int instrument, double position) {
    }

    /**
     * One fill.
     *
     * @param time       event time the exchange filled it.
     * @param instrument instrument index.
     * @param orderId    the order.
     * @param buy        true for a buy.
     * @param price      price.
     * @param quantity   quantity.
     * @param maker      true if the order rested (maker), false if it took liquidity.
     * @param fee        fee charged (negative: rebate).
     */
    public record FillRecord(long time, int instrument, long orderId, boolean buy, double price, double quantity,
                             boolean maker, double fee) {
    }

    /**
     * An instrument's mid price.
     *
     * @param time       event time.
     * @param instrument instrument index.
     * @param mid        (best bid + best ask) / 2.
     */
    public record MidPoint(long time, int instrument, double mid) {
    }
}
