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

/** {@code feeds.binance} in the configuration: defaults, overrides, and strict errors. */
@Timeout(10)
class FeedsConfigTest {

    @TempDir
    Path dir;

    private ChronicleConfig load(String feeds) throws IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("chronicle.json"),
                "{\"busRoot\": \"bus\", \"archiveRoot\": \"a\"" + feeds + "}"));
    }

    private ConfigException fails(String feeds) {
        return assertThrows(ConfigException.class, () -> load(feeds));
    }

    @Test
    void shouldUseBinancePublicEndpointsWhenLeftOut() throws IOException {
        assertEquals(BinanceEndpoints.PUBLIC, load("").feeds().binance());
        assertEquals(BinanceEndpoints.PUBLIC_USDM, load(", \"feeds\": {\"binance\": {\"spot\": {\"wsUrl\": "
                + "\"ws://127.0.0.1:9000\", \"restUrl\": \"http://127.0.0.1:9001\"}}}").feeds().binance().usdm());
    }

    @Test
    void shouldReadConfiguredEndpoints() throws IOException {
        BinanceEndpoints.Endpoints spot = load(", \"feeds\": {\"binance\": {\"spot\": {\"wsUrl\": "
                + "\"ws://127.0.0.1:9000\", \"restUrl\": \"http://127.0.0.1:9001\"}}}").feeds().binance().spot();
        assertEquals("ws://127.0.0.1:9000", spot.wsUrl());
        assertEquals("http://127.0.0.1:9001", spot.restUrl());
    }

    @Test
    void shouldNameAnUnknownFieldUnderFeeds() {
        ConfigException e = fails(", \"feeds\": {\"binance\": {\"coinm\": {}}}");
        assertEquals("$.feeds.binance.coinm", e.jsonPath());
        assertTrue(e.getMessage().contains("unknown field \"coinm\""), e.getMessage());
    }

    @Test
    void shouldRefuseAUrlOfTheWrongScheme() {
        ConfigException e = fails(", \"feeds\": {\"binance\": {\"usdm\": {\"wsUrl\": \"https://fstream.binance.com\","
                + " \"restUrl\": \"https://fapi.binance.com\"}}}");
        assertEquals("$.feeds.binance.usdm.wsUrl", e.jsonPath());
        assertTrue(e.getMessage().contains("is not a ws:// or wss:// URL"), e.getMessage());
    }

    @Test
    void shouldRefuseAMissingUrl() {
        ConfigException e = fails(", \"feeds\": {\"binance\": {\"spot\": {\"wsUrl\": \"wss://stream.binance.com\"}}}");
        assertEquals("$.feeds.binance.spot.restUrl", e.jsonPath());
        assertTrue(e.getMessage().contains("Fix: write a URL such as \"https://api.binance.com\""), e.getMessage());
    }
}
