/**
 * A strategy plug-in built outside Chronicle's own build: {@code twap}, which buys a quantity in equal slices, one
 * every interval. It needs only the Strategy API ({@code chronicle.api}, which brings {@code chronicle.protocol}
 * and {@code chronicle.pluginhost} with it) and is found by the plug-in host through the {@code provides} line.
 */
module example.strategy.twap {
    requires chronicle.api;

    provides chronicle.api.spi.StrategyFactory with example.strategy.twap.TwapStrategyFactory;
}
