package chronicle.feed.binance.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BinanceFeedOptions}: defaults by market, the URLs the feed asks for, and one-line errors. */
@Timeout(10)
class BinanceFeedOptionsTest {

    private static BinanceFeedOptions options(BinanceMarket market, List<String> symbols, String ws, String rest) {
        return new BinanceFeedOptions(market, symbols, null, Path.of("bus"), URI.create(ws), URI.create(rest), null);
    }

    @Test
    void shouldBuildTheCombinedStreamAndSnapshotUrls() {
        BinanceFeedOptions spot = options(BinanceMarket.SPOT, List.of("btcusdt", "ETHUSDT"), "wss://s.example:9443/",
                "https://api.example");
        assertEquals("binance", spot.venue());
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), spot.symbols());
        assertEquals(URI.create("wss://s.example:9443/stream?streams=btcusdt@depth@100ms/btcusdt@trade/"
                + "btcusdt@bookTicker/ethusdt@depth@100ms/ethusdt@trade/ethusdt@bookTicker"), spot.streamUrl());
        assertEquals(URI.create("https://api.example/api/v3/depth?symbol=ETHUSDT&limit=5000"),
                spot.snapshotUrl("ETHUSDT"));
        BinanceFeedOptions usdm = options(BinanceMarket.USDM, List.of("SUSHIUSDT"), "ws://127.0.0.1:1",
                "http://127.0.0.1:2");
        assertEquals("binance-futures", usdm.venue());
        assertEquals(URI.create("http://127.0.0.1:2/fapi/v1/depth?symbol=SUSHIUSDT&limit=1000"),
                usdm.snapshotUrl("SUSHIUSDT"));
    }

    @Test
    void shouldRefuseBadOptionsWithTheOptionNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                options(BinanceMarket.SPOT, List.of("BTC-USDT"), "wss://a", "https://b"));
        assertTrue(e.getMessage().startsWith("--symbols: 'BTC-USDT' is not a Binance symbol"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                options(BinanceMarket.SPOT, List.of("BTCUSDT"), "https://a", "https://b"));
        assertTrue(e.getMessage().startsWith("--ws-url: 'https://a' is not a ws:// or wss:// URL"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () ->
                options(BinanceMarket.SPOT, List.of("BTCUSDT", "btcusdt"), "wss://a", "https://b"));
        assertTrue(e.getMessage().startsWith("--symbols: a symbol is named twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BinanceFeedOptions.Timing(Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1), Duration.ZERO));
        assertTrue(e.getMessage().startsWith("reconnectMax (PT1S) is below reconnectMin (PT2S)"), e.getMessage());
    }

    @Test
    void shouldKnowBothMarketsByName() {
        assertEquals(BinanceMarket.SPOT, BinanceMarket.of("Spot"));
        assertEquals(BinanceMarket.USDM, BinanceMarket.of("usdm"));
        assertEquals(null, BinanceMarket.of("coinm"));
    }
}
