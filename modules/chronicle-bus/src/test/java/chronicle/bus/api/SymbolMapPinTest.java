package chronicle.bus.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pinned ids apply on first use; a pin that disagrees with the registry is one line, never a renumbering. */
@Timeout(10)
class SymbolMapPinTest {

    @TempDir
    Path dir;

    private SymbolMap map(String json) throws IOException {
        return SymbolMap.read(Files.writeString(dir.resolve("symbols.json"), json));
    }

    @Test
    void shouldGiveNewNamesThePinnedIdsAndOthersFreeOnes() throws IOException {
        Path root = dir.resolve("bus");
        SymbolMap pins = map("{\"venues\":{\"demo\":5},\"symbols\":{\"demo/ETH-USD\":1,\"demo/BTC-USD\":40}}");
        MarketRegistry registry = MarketRegistry.open(root);
        assertEquals(new MarketIds.Ids(5, 40), registry.assign("demo", "BTC-USD", pins));
        assertEquals(new MarketIds.Ids(5, 1), registry.assign("demo", "ETH-USD", pins));
        assertEquals(new MarketIds.Ids(5, 41), registry.assign("demo", "SOL-USD", pins), "above the highest");
        assertEquals(new MarketIds.Ids(6, 42), registry.assign("kraken", "XBT/USD", pins));
        assertEquals(new MarketIds.Ids(5, 40), MarketRegistry.open(root).assign("demo", "BTC-USD"), "kept");
    }

    @Test
    void shouldNotGiveAnUnpinnedNameAnIdThatIsPinnedForAnother() throws IOException {
        SymbolMap pins = map("{\"venues\":{\"kraken\":1},\"symbols\":{\"kraken/XBT/USD\":1}}");
        MarketRegistry registry = MarketRegistry.open(dir.resolve("root"));
        assertEquals(new MarketIds.Ids(2, 2), registry.assign("demo", "BTC-USD", pins));
        assertEquals(new MarketIds.Ids(1, 1), registry.assign("kraken", "XBT/USD", pins));
    }

    @Test
    void shouldRefuseAPinThatDisagreesWithTheRegistry() throws IOException {
        Path root = dir.resolve("bus");
        MarketRegistry registry = MarketRegistry.open(root);
        registry.assign("demo", "BTC-USD");
        String before = Files.readString(root.resolve("ids.json"));

        SymbolMap venuePin = map("{\"venues\":{\"demo\":2}}");
        ConfigException venue = assertThrows(ConfigException.class,
                () -> registry.assign("demo", "ETH-USD", venuePin));
        assertEquals(dir.resolve("symbols.json") + ": $.venues.demo: pins venue demo to id 2, but "
                + root.resolve("ids.json") + " gave it id 1 on first use (ids never change). Fix: pin 1, or remove "
                + "the pin", venue.getMessage());

        SymbolMap marketPin = map("{\"symbols\":{\"demo/BTC-USD\":7}}");
        ConfigException market = assertThrows(ConfigException.class,
                () -> registry.assign("demo", "BTC-USD", marketPin));
        assertTrue(market.getMessage().contains("pins market demo/BTC-USD to id 7, but") && market.getMessage()
                .contains("gave it id 1"), market.getMessage());

        SymbolMap taken = map("{\"symbols\":{\"demo/ETH-USD\":1}}");
        ConfigException clash = assertThrows(ConfigException.class, () -> registry.assign("demo", "ETH-USD", taken));
        assertEquals("$.symbols.demo/ETH-USD", clash.jsonPath());
        assertTrue(clash.getMessage().contains("gave id 1 to demo/BTC-USD"), clash.getMessage());
        assertEquals(before, Files.readString(root.resolve("ids.json")), "the registry is unchanged");
    }

    @Test
    void shouldMergeAnotherRegistryAndRefuseAClashNamingBothIds() {
        Path bus = dir.resolve("bus");
        Path archive = dir.resolve("archive");
        MarketRegistry.open(bus).assign("demo", "BTC-USD");
        MarketRegistry.open(bus).assign("demo", "ETH-USD");
        MarketRegistry merged = MarketRegistry.open(archive).mergeFrom(MarketRegistry.open(bus));
        assertEquals(MarketRegistry.open(bus).markets(), merged.markets());
        assertEquals(merged.markets(), MarketRegistry.open(archive).markets(), "written");
        assertEquals(merged.markets(), MarketRegistry.open(archive).mergeFrom(MarketRegistry.open(bus)).markets(),
                "merging again changes nothing");

        Path other = dir.resolve("other");
        MarketRegistry.open(other).assign("nasdaq", "AAPL");
        ConfigException e = assertThrows(ConfigException.class,
                () -> MarketRegistry.open(other).mergeFrom(MarketRegistry.open(bus)));
        assertEquals(other.resolve("ids.json") + ": $.venues.demo: id 1 is venue nasdaq's, but "
                + bus.resolve("ids.json") + " gives demo id 1 (ids never change, so the two cannot merge). Fix: keep "
                + "these roots apart, or pin the ids in a symbol map (--symbol-map) before the first event",
                e.getMessage());
    }
}
