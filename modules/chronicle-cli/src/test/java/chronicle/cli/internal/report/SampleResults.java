package chronicle.cli.internal.report;

import chronicle.api.strategy.Instrument;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestResult.EquityPoint;
import chronicle.sim.api.BacktestResult.FillRecord;
import chronicle.sim.api.BacktestResult.MidPoint;
import chronicle.sim.api.BacktestResult.PositionPoint;
import chronicle.sim.api.BacktestResult.Summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Backtest results built by hand, as a runner would produce them: a market maker on two instruments over six hours
 * (mids every 5 s, a few hundred fills on both sides, equity from cash and positions, a thousand order latencies),
 * and a strategy that never traded. The summary statistics are fixed numbers, so tests know what the page must
 * print.
 */
final class SampleResults {

    static final long START = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli() * 1_000_000L;
    static final long STEP = 5_000_000_000L;
    static final int SAMPLES = 6 * 60 * 12;
    static final long END = START + (SAMPLES - 1) * STEP;
    static final double INITIAL_CASH = 100_000;

    /**
     * @param fills the fills recorded.
     * @return PnL 1,234.50; fees 87.25; the fills; 1,000 orders; 45 % filled; drawdown 321.75; Sharpe 1.87; 62.5 % in
     *         the market; volume 2,500,000; final equity 101,234.50.
     */
    static Summary summary(long fills) {
        return new Summary(1234.5, 87.25, fills, 1000, 0.45, 321.75, 1.87, 0.625, 2_500_000, 101_234.5);
    }

    private SampleResults() {
    }

    /**
     * @param strategy   the strategy's name.
     * @param parameters its parameters.
     * @return a market maker's six hours on two instruments.
     */
    static BacktestResult marketMaker(String strategy, Map<String, String> parameters) {
        List<Instrument> instruments = List.of(
                new Instrument(0, "binance", "BTCUSDT", 1, 11, -2, -5),
                new Instrument(1, "binance", "ETHUSDT", 1, 12, -2, -4));
        Random random = new Random(20260302L);
        List<MidPoint> mids = new ArrayList<>();
        List<FillRecord> fills = new ArrayList<>();
        List<PositionPoint> positions = new ArrayList<>();
        List<EquityPoint> equity = new ArrayList<>();
        double[] mid = {65_000, 3_400};
        double[] position = new double[2];
        double[] quantity = {0.01, 0.2};
        double cash = INITIAL_CASH;
        double peak = INITIAL_CASH;
        long orderId = 1;
        for (int i = 0; i < SAMPLES; i++) {
            long time = START + i * STEP;
            for (int k = 0; k < 2; k++) {
                mid[k] *= 1 + random.nextGaussian() * 0.0004;
                mids.add(new MidPoint(time, k, mid[k]));
                if (random.nextInt(14) == 0) {
                    boolean buy = position[k] <= 0 ? random.nextInt(4) != 0 : random.nextInt(4) == 0;
                    double price = mid[k] * (buy ? 0.9999 : 1.0001);
                    long fillTime = time + random.nextLong(STEP);
                    boolean maker = random.nextInt(5) != 0;
                    double fee = (maker ? -0.0001 : 0.0004) * price * quantity[k];
                    fills.add(new FillRecord(fillTime, k, orderId++, buy, price, quantity[k], maker, fee));
                    position[k] += buy ? quantity[k] : -quantity[k];
                    cash += (buy ? -price : price) * quantity[k] - fee;
                    positions.add(new PositionPoint(fillTime, k, position[k]));
                }
            }
            double value = cash + position[0] * mid[0] + position[1] * mid[1];
            peak = Math.max(peak, value);
            equity.add(new EquityPoint(time, value, cash, value - peak));
        }
        fills.sort((a, b) -> Long.compare(a.time(), b.time()));
        positions.sort((a, b) -> Long.compare(a.time(), b.time()));
        long[] latencies = new long[1000];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (long) (180_000 + Math.exp(random.nextGaussian() * 0.5) * 60_000);
        }
        return new BacktestResult(strategy, parameters, instruments, START, END, 1_843_221, INITIAL_CASH,
                summary(fills.size()), equity, positions, fills, mids, latencies);
    }

    /** @return a market maker's six hours, with two ordinary parameters. */
    static BacktestResult marketMaker() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("spread", "0.0002");
        parameters.put("quantity", "0.01");
        return marketMaker("market-maker", parameters);
    }

    /** @return six hours of one instrument in which the strategy sent no order. */
    static BacktestResult neverTraded() {
        List<Instrument> instruments = List.of(new Instrument(0, "binance", "BTCUSDT", 1, 11, -2, -5));
        List<MidPoint> mids = new ArrayList<>();
        List<EquityPoint> equity = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long time = START + i * STEP;
            mids.add(new MidPoint(time, 0, 65_000 + 200 * Math.sin(i / 300.0)));
            equity.add(new EquityPoint(time, INITIAL_CASH, INITIAL_CASH, 0));
        }
        Summary summary = new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, INITIAL_CASH);
        return new BacktestResult("idle", Map.of(), instruments, START, END, 912_004, INITIAL_CASH, summary, equity,
                List.of(), List.of(), mids, new long[0]);
    }
}
