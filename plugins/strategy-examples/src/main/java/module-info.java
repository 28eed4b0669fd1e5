/**
 * Strategy plug-in: two example strategies written against {@code chronicle.api} only, so they run unchanged in a
 * backtest and live: {@code spread} (joins the best bid and ask while the spread is wide) and {@code market-maker}
 * (a symmetric quoter around the mid with an inventory limit).
 */
module chronicle.plugin.strategy.examples {
    requires chronicle.api;

    provides chronicle.api.spi.StrategyFactory with chronicle.plugin.strategy.examples.SpreadStrategyFactory,
            chronicle.plugin.strategy.examples.MarketMakerFactory;
}
