package chronicle.bus.api;

/**
 * The live feeds' settings, under {@code "feeds"} in {@code config/chronicle.json}.
 *
 * @param binance the live Binance feed's endpoints ({@link BinanceEndpoints#PUBLIC} when left out).
 */
public record FeedsConfig(BinanceEndpoints binance) {

    /** Settings with every default. */
    public static final FeedsConfig DEFAULTS = new FeedsConfig(null);

    /** Fills what was left out with the defaults. */
    public FeedsConfig {
        binance = binance == null ? BinanceEndpoints.PUBLIC : binance;
    }
}
