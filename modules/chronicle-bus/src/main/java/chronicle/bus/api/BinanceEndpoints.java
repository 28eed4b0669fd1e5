package chronicle.bus.api;

/**
 * The endpoints of the live Binance feed, under {@code "feeds": {"binance": ...}} in {@code config/chronicle.json};
 * either market may be left out (Binance's public endpoints apply), and {@code --ws-url} / {@code --rest-url} override
 * both.
 *
 * <pre>{@code
 * "feeds": {
 *   "binance": {
 *     "spot": { "wsUrl": "wss://stream.binance.com:9443", "restUrl": "https://api.binance.com" },
 *     "usdm": { "wsUrl": "wss://fstream.binance.com",     "restUrl": "https://fapi.binance.com" }
 *   }
 * }
 * }</pre>
 *
 * @param spot the spot endpoints.
 * @param usdm the USD-M futures endpoints.
 */
public record BinanceEndpoints(Endpoints spot, Endpoints usdm) {

    /** Binance's public spot endpoints. */
    public static final Endpoints PUBLIC_SPOT = new Endpoints("wss://stream.binance.com:9443", "https://api.binance.com");
    /** Binance's public USD-M futures endpoints. */
    public static final Endpoints PUBLIC_USDM = new Endpoints("wss://fstream.binance.com", "https://fapi.binance.com");
    /** The public endpoints of both markets. */
    public static final BinanceEndpoints PUBLIC = new BinanceEndpoints(PUBLIC_SPOT, PUBLIC_USDM);

    /** Fills a market left out with the public endpoints. */
    public BinanceEndpoints {
        spot = spot == null ? PUBLIC_SPOT : spot;
        usdm = usdm == null ? PUBLIC_USDM : usdm;
    }

    /**
     * One market's endpoints.
     *
     * @param wsUrl   the websocket base, {@code ws://} or {@code wss://}; the feed appends {@code /stream?streams=...}.
     * @param restUrl the REST base, {@code http://} or {@code https://}; the feed appends the depth path.
     */
    public record Endpoints(String wsUrl, String restUrl) {
    }
}
