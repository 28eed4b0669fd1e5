package chronicle.feed.binance.api;

/**
 * Which of Binance's markets a feed reads: they differ in endpoints, in the REST depth path and in how diffs chain
 * (spot bridges {@code U}/{@code u}, USD-M futures chain {@code pu}).
 */
public enum BinanceMarket {
    /** Spot: {@code <rest>/api/v3/depth}, venue {@code binance}. */
    SPOT("/api/v3/depth", "binance", 5000),
    /** USD-M futures: {@code <rest>/fapi/v1/depth}, venue {@code binance-futures}. */
    USDM("/fapi/v1/depth", "binance-futures", 1000);

    private final String depthPath;
    private final String defaultVenue;
    private final int maxDepth;

    BinanceMarket(String depthPath, String defaultVenue, int maxDepth) {
        this.depthPath = depthPath;
        this.defaultVenue = defaultVenue;
        this.maxDepth = maxDepth;
    }

    /** @return the REST path of the depth snapshot, appended to the REST base. */
    public String depthPath() {
        return depthPath;
    }

    /** @return the venue name the Binance import uses for this market by convention. */
    public String defaultVenue() {
        return defaultVenue;
    }

    /** @return the deepest snapshot the REST endpoint serves ({@code limit}). */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * @param name {@code spot} or {@code usdm}, any case.
     * @return the market, or null for another name.
     */
    public static BinanceMarket of(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "spot" -> SPOT;
            case "usdm" -> USDM;
            default -> null;
        };
    }
}
