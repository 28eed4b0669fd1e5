package chronicle.bus.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry of names and ids: assignment, round trip through ids.json, resolving names and ids both ways. */
@Timeout(30)
class MarketRegistryTest {

    @TempDir
    Path root;

    @Test
    void shouldGiveIdsOnFirstUseAndKeepThemAcrossReopen() {
        MarketRegistry registry = MarketRegistry.open(root);
        assertEquals(new MarketIds.Ids(1, 1), registry.assign("kraken", "XBT/USD"));
        assertEquals(new MarketIds.Ids(1, 2), registry.assign("kraken", "ETH/USD"));
        assertEquals(new MarketIds.Ids(2, 3), registry.assign("binance", "BTCUSDT"));
        assertEquals(new MarketIds.Ids(1, 1), registry.assign("kraken", "XBT/USD"), "never changes");

        MarketRegistry reopened = MarketRegistry.open(root);
        assertEquals(Map.of("kraken", 1, "binance", 2), reopened.venues());
        assertEquals(Map.of("kraken/XBT/USD", 1L, "kraken/ETH/USD", 2L, "binance/BTCUSDT", 3L), reopened.markets());
        assertEquals(new MarketIds.Ids(1, 2), reopened.resolve("kraken", "ETH/USD"));
        assertEquals(Optional.of(new MarketName("binance", "BTCUSDT")), reopened.nameOf(2, 3));
        assertEquals(Optional.empty(), reopened.nameOf(1, 3), "market 3 is binance's, not kraken's");
        assertEquals("kraken XBT/USD", reopened.describe(1, 1));
        assertEquals("venue 9 market 9", reopened.describe(9, 9));
    }

    @Test
    void shouldReadAFileWrittenBeforeTheVersionFieldUnchanged() throws IOException {
        Files.writeString(root.resolve("ids.json"), "{\"venues\":{\"binance\":1},\"markets\":{\"binance/BTCUSDT\":1}}");
        MarketRegistry registry = MarketRegistry.open(root);
        assertEquals(new MarketIds.Ids(1, 1), registry.resolve("binance", "BTCUSDT"));
        assertEquals(new MarketIds.Table(Map.of("binance", 1), Map.of("binance/BTCUSDT", 1L)),
                MarketIds.read(root.resolve("ids.json")));
        assertEquals(new MarketIds.Ids(1, 2), MarketIds.assign(root, "binance", "ETHUSDT"));
        assertTrue(Files.readString(root.resolve("ids.json")).contains("\"version\" : 1"));
    }

    @Test
    void shouldTakeNumbersAsIdsAndNamesFirst() {
        MarketRegistry registry = MarketRegistry.open(root);
        registry.assign("demo", "BTC-USD");
        registry.assign("demo", "ETH-USD");
        MarketRegistry named = MarketRegistry.open(root);
        assertEquals(new MarketIds.Ids(1, 2), named.resolve("1", "ETH-USD"), "a venue id and a symbol");
        assertEquals(new MarketIds.Ids(1, 2), named.resolve("demo", "2"), "a venue name and a market id");
        assertEquals(new MarketIds.Ids(7, 9), named.resolve("7", "9"), "unregistered numbers are ids");
        assertEquals(new MarketName("demo", "ETH-USD"), named.name("1", "2"));
        assertEquals("demo", named.venueName("1"));
    }

    @Test
    void shouldRefuseAnUnregisteredNameWithTheRegisteredOnesInOneLine() {
        MarketRegistry registry = MarketRegistry.open(root);
        registry.assign("demo", "BTC-USD");
        registry.assign("demo", "ETH-USD");
        MarketRegistry named = MarketRegistry.open(root);
        UnknownMarketException venue = assertThrows(UnknownMarketException.class,
                () -> named.resolve("demoo", "BTC-USD"));
        assertEquals(root.resolve("ids.json") + ": no venue \"demoo\" (registered: demo)", venue.getMessage());
        UnknownMarketException symbol = assertThrows(UnknownMarketException.class,
                () -> named.resolve("demo", "BTC-USDT"));
        assertEquals(root.resolve("ids.json") + ": no symbol \"BTC-USDT\" of venue demo (registered: BTC-USD, "
                + "ETH-USD)", symbol.getMessage());
        assertThrows(UnknownMarketException.class, () -> named.name("demo", "5"), "an id must be registered");
    }

    @Test
    void shouldListTheNearestNamesWhenThereAreMany() {
        MarketRegistry registry = MarketRegistry.open(root);
        for (int i = 0; i < 30; i++) {
            registry.assign("venue" + i, "S");
        }
        UnknownMarketException e = assertThrows(UnknownMarketException.class,
                () -> MarketRegistry.open(root).resolve("venue17x", "S"));
        assertTrue(e.getMessage().contains("nearest: venue17, "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(of 30 registered))"), e.getMessage());
        assertFalse(e.getMessage().contains("venue3,"), "not all thirty: " + e.getMessage());
    }

    @Test
    void shouldFindTheRootOfAQueue() throws IOException {
        Path bus = root.resolve("bus");
        assertEquals(bus.toAbsolutePath(), MarketRegistry.rootOf(bus.resolve("live/market_data/queue/demo_feed")));
        assertEquals(bus.resolve("archive").toAbsolutePath(),
                MarketRegistry.rootOf(bus.resolve("archive/market_data/queue/demo_feed")));
        Path imports = Files.createDirectories(root.resolve("imports"));
        MarketRegistry.open(imports).assign("nasdaq", "AAPL");
        Path day = imports.resolve("nasdaq/AAPL/2012-06-21/book/queue");
        assertEquals(imports.toAbsolutePath(), MarketRegistry.rootOf(day));
        assertEquals(new MarketIds.Ids(1, 1), MarketRegistry.forQueue(day).resolve("nasdaq", "AAPL"));
    }

    @Test
    void shouldRefuseNamesThatCannotBeDirectoriesOrKeys() {
        MarketRegistry registry = MarketRegistry.open(root);
        assertThrows(IllegalArgumentException.class, () -> registry.assign("..", "X"));
        assertThrows(IllegalArgumentException.class, () -> registry.assign("a/b", "X"));
        assertFalse(Files.exists(root.resolve("ids.json")), "nothing written for a refused name");
    }
}
