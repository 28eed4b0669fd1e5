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

/** A registry file and a symbol map are read strictly: each mistake is one line naming the file and the field. */
@Timeout(10)
class RegistryValidationTest {

    @TempDir
    Path root;

    private ConfigException registryFails(String json) throws IOException {
        Path file = Files.writeString(root.resolve("ids.json"), json);
        return oneLine(file, assertThrows(ConfigException.class, () -> MarketRegistry.open(root)));
    }

    private ConfigException mapFails(String json) throws IOException {
        Path file = Files.writeString(root.resolve("symbols.json"), json);
        return oneLine(file, assertThrows(ConfigException.class, () -> SymbolMap.read(file)));
    }

    private static ConfigException oneLine(Path file, ConfigException e) {
        assertTrue(e.getMessage().startsWith(file + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(". Fix: "), "says the fix: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void shouldNameAnUnknownField() throws IOException {
        ConfigException e = registryFails("{\"venues\":{},\"market\":{}}");
        assertEquals("$.market", e.jsonPath());
        assertTrue(e.getMessage().contains("unknown field \"market\""), e.getMessage());
        assertTrue(e.getMessage().contains("markets, venues, version"), e.getMessage());
    }

    @Test
    void shouldNameAWrongType() throws IOException {
        ConfigException text = registryFails("{\"venues\":{\"kraken\":\"one\"},\"markets\":{}}");
        assertEquals("$.venues.kraken", text.jsonPath());
        ConfigException fraction = registryFails("{\"venues\":{\"kraken\":1},\"markets\":{\"kraken/X\":1.5}}");
        assertEquals("$.markets.kraken/X", fraction.jsonPath());
        ConfigException list = registryFails("{\"venues\":[1,2]}");
        assertEquals("$.venues", list.jsonPath());
        assertTrue(list.getMessage().contains("wrong type"), list.getMessage());
    }

    @Test
    void shouldNameAnIdUsedByTwoNames() throws IOException {
        ConfigException venues = registryFails("{\"venues\":{\"a\":1,\"b\":1},\"markets\":{}}");
        assertEquals("$.venues.b", venues.jsonPath());
        assertTrue(venues.getMessage().contains("venue id 1 is already venue \"a\"'s"), venues.getMessage());
        ConfigException markets = registryFails(
                "{\"venues\":{\"a\":1,\"b\":2},\"markets\":{\"a/X\":4,\"b/Y\":4}}");
        assertEquals("$.markets.b/Y", markets.jsonPath());
        assertTrue(markets.getMessage().contains("market id 4 is already market \"a/X\"'s"), markets.getMessage());
    }

    @Test
    void shouldNameADuplicateKeyBadIdsAndAMarketWithoutVenue() throws IOException {
        ConfigException twice = registryFails("{\"venues\":{\"a\":1,\"a\":2}}");
        assertTrue(twice.getMessage().contains("Duplicate field 'a'") && twice.getMessage().contains("line 1"),
                twice.getMessage());
        ConfigException zero = registryFails("{\"venues\":{\"a\":0}}");
        assertEquals("$.venues.a", zero.jsonPath());
        assertTrue(zero.getMessage().contains("id 0 is below 1"), zero.getMessage());
        ConfigException orphan = registryFails("{\"venues\":{\"a\":1},\"markets\":{\"b/X\":1}}");
        assertEquals("$.markets.b/X", orphan.jsonPath());
        assertTrue(orphan.getMessage().contains("venue \"b\" has no id"), orphan.getMessage());
        ConfigException noSymbol = registryFails("{\"venues\":{\"a\":1},\"markets\":{\"a\":1}}");
        assertTrue(noSymbol.getMessage().contains("is not venue/symbol"), noSymbol.getMessage());
        ConfigException newer = registryFails("{\"version\":2,\"venues\":{}}");
        assertEquals("$.version", newer.jsonPath());
    }

    @Test
    void shouldReadASymbolMapStrictly() throws IOException {
        Path file = Files.writeString(root.resolve("symbols.json"),
                "{\"venues\":{\"demo\":1},\"symbols\":{\"demo/BTC-USD\":1,\"kraken/XBT/USD\":100}}");
        SymbolMap map = SymbolMap.read(file);
        assertEquals(100L, map.symbols().get("kraken/XBT/USD"), "a symbol's venue need not be pinned");
        ConfigException unknown = mapFails("{\"venue\":{\"demo\":1}}");
        assertEquals("$.venue", unknown.jsonPath());
        ConfigException twice = mapFails("{\"symbols\":{\"demo/A\":3,\"demo/B\":3}}");
        assertEquals("$.symbols.demo/B", twice.jsonPath());
        ConfigException type = mapFails("{\"symbols\":{\"demo/A\":true}}");
        assertEquals("$.symbols.demo/A", type.jsonPath());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> SymbolMap.read(root.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("file not found"), missing.getMessage());
    }
}
