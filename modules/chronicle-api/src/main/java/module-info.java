/**
 * The contract between a strategy and whatever runs it: {@link chronicle.api.strategy.Strategy} callbacks and the
 * {@link chronicle.api.strategy.Context} they act through. A backtest ({@code chronicle.sim}) and the live runtime
 * ({@code chronicle.framework}) implement the context; the same strategy class runs in both unchanged.
 * Strategies are plug-ins: {@link chronicle.api.spi.StrategyFactory}.
 */
module chronicle.api {
    requires transitive chronicle.pluginhost;
    requires transitive chronicle.protocol;
    requires transitive chronicle.replay;

    exports chronicle.api.strategy;
    exports chronicle.api.spi;

    uses chronicle.api.spi.StrategyFactory;
}
