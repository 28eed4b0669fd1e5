package chronicle.feed.binance.api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link BinanceFeed} reads and where it writes. Validated once, in the constructor: a bad value is an
 * {@link IllegalArgumentException} naming the option and the fix.
 *
 * @param market           spot or USD-M futures.
 * @param symbols          the symbols (any case; Binance's names, such as {@code BTCUSDT}), at least one.
 * @param venue            the venue name they are registered under in the bus registry.
 * @param busRoot          the bus root: its registry names the markets, its raw queue of the venue receives the
 *                         records ({@code <bus-root>/streams/raw/<venue>/queue}).
 * @param wsUrl            the websocket base ({@code wss://stream.binance.com:9443}); the feed appends
 *                         {@code /stream?streams=...}.
 * @param restUrl          the REST base ({@code https://api.binance.com}); the feed appends
 *                         {@link BinanceMarket#depthPath()}{@code ?symbol=...&limit=...}.
 * @param timing           back-off, keep-alive and connection lifetime.
 */
public record BinanceFeedOptions(BinanceMarket market, List<String> symbols, String venue, Path busRoot,
                                 URI wsUrl, URI restUrl, Timing timing) {

    /**
     * The feed's clocks.
     *
     * @param reconnectMin     the first back-off after a failed or lost connection; it doubles up to
     *                         {@code reconnectMax}, and each wait is jittered down to half (so many feeds do not
     *                         reconnect in step).
     * @param reconnectMax     the longest back-off.
     * @param pingInterval     how often the feed pings the server (Binance pings too; the JDK answers its pings).
     * @param idleTimeout      a connection that has received nothing (not even a pong) for this long is dropped.
     * @param maxConnectionAge Binance closes connections after 24 hours; the feed reconnects before that.
     * @param snapshotRetry    the shortest time between two REST snapshot requests of one symbol (REST weight).
     */
    public record Timing(Duration reconnectMin, Duration reconnectMax, Duration pingInterval, Duration idleTimeout,
                         Duration maxConnectionAge, Duration snapshotRetry) {

        /** Checks every duration. */
        public Timing {
            positive("reconnectMin", reconnectMin);
            positive("reconnectMax", reconnectMax);
            positive("pingInterval", pingInterval);
            positive("idleTimeout", idleTimeout);
            positive("maxConnectionAge", maxConnectionAge);
            if (snapshotRetry == null || snapshotRetry.isNegative()) {
                throw new IllegalArgumentException("snapshotRetry must be zero or more");
            }
            if (reconnectMax.compareTo(reconnectMin) < 0) {
                throw new IllegalArgumentException("reconnectMax (" + reconnectMax + ") is below reconnectMin ("
                        + reconnectMin + ")");
            }
        }

        /** @return production timing: back-off 250 ms to 30 s, ping every 30 s, idle limit 60 s, reconnect at 23 h 50 m. */
        public static Timing defaults() {
            return new Timing(Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(30),
                    Duration.ofSeconds(60), Duration.ofHours(23).plusMinutes(50), Duration.ofSeconds(1));
        }

        private static void positive(String name, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
        }
    }

    /** Checks the options and upper-cases the symbols. */
    public BinanceFeedOptions {
        if (market == null) {
            throw new IllegalArgumentException("--market: give spot or usdm");
        }
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("--symbols: give at least one symbol, e.g. BTCUSDT,ETHUSDT");
        }
        symbols = symbols.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        for (String symbol : symbols) {
            if (symbol.isEmpty() || !symbol.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException("--symbols: '" + symbol + "' is not a Binance symbol (letters and"
                        + " digits, e.g. BTCUSDT)");
            }
        }
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException("--symbols: a symbol is named twice in " + symbols);
        }
        if (venue == null || venue.isBlank()) {
            venue = market.defaultVenue();
        }
        if (busRoot == null) {
            throw new IllegalArgumentException("--bus-root: no bus root");
        }
        wsUrl = base("--ws-url", wsUrl, "ws", "wss");
        restUrl = base("--rest-url", restUrl, "http", "https");
        if (timing == null) {
            timing = Timing.defaults();
        }
    }

    private static URI base(String option, URI url, String plain, String secure) {
        if (url == null || url.getHost() == null || !(plain.equals(url.getScheme()) || secure.equals(url.getScheme()))) {
            throw new IllegalArgumentException(option + ": '" + url + "' is not a " + plain + ":// or " + secure
                    + ":// URL with a host");
        }
        String text = url.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
    }

    /** @return the combined-stream URL: depth diffs at 100 ms, trades and book ticker of every symbol. */
    public URI streamUrl() {
        StringBuilder streams = new StringBuilder();
        for (String symbol : symbols) {
            String s = symbol.toLowerCase(Locale.ROOT);
            if (!streams.isEmpty()) {
                streams.append('/');
            }
            streams.append(s).append("@depth@100ms/").append(s).append("@trade/").append(s).append("@bookTicker");
        }
        return URI.create(wsUrl + "/stream?streams=" + streams);
    }

    /**
     * @param symbol one of {@link #symbols()}.
     * @return the REST depth snapshot's URL, as deep as the endpoint serves.
     */
    public URI snapshotUrl(String symbol) {
        return URI.create(restUrl + market.depthPath() + "?symbol=" + symbol + "&limit=" + market.maxDepth());
    }
}
