package chronicle.bus.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class TieringConfigTest {

    @TempDir
    Path dir;

    private ChronicleConfig load(String json) throws IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("chronicle.json"), json));
    }

    private ConfigException fails(String json) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(json));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
        return e;
    }

    @Test
    void shouldReadTiersAndRules() throws IOException {
        ChronicleConfig config = load("""
                {"busRoot": "b", "archiveRoot": "a",
                 "tiers": {"warm": {"backend": "nfs", "root": "/mnt/w"},
                           "cold": {"backend": "s3", "bucket": "md", "pathStyle": true, "partSize": 16}},
                 "tiering": [{"venue": "kraken", "moves": [{"to": "warm", "after": "2h", "compress": "zstd",
                                                          "frame": "1MiB"},
                                                         {"to": "cold", "after": "7d"}]}]}""");
        assertEquals("nfs", config.tiers().get("warm").backend());
        assertEquals(Map.of("root", "\"/mnt/w\""), config.tiers().get("warm").settings());
        assertEquals(Map.of("bucket", "\"md\"", "pathStyle", "true", "partSize", "16"),
                config.tiers().get("cold").settings());
        TieringRule rule = config.tiering().getFirst();
        assertTrue(rule.matches("kraken", "XBT/USD", "book"));
        assertFalse(rule.matches("binance", "XBT/USD", "book"));
        assertEquals(Duration.ofHours(2), rule.moves().get(0).after());
        assertEquals("zstd", rule.moves().get(0).compress());
        assertEquals(1 << 20, rule.moves().get(0).frameBytes());
        assertEquals(Duration.ofDays(7), rule.moves().get(1).after());
        assertNull(rule.moves().get(1).compress());
        assertNull(rule.moves().get(1).frameBytes(), "the compressor's default frame size");
    }

    @Test
    void shouldNameABadFrameSize() {
        for (String frame : new String[] {"1GB", "2KiB", "128MiB", "9999999999KiB", "big"}) {
            ConfigException e = fails("""
                    {"busRoot": "b", "archiveRoot": "a", "tiers": {"warm": {"backend": "local", "root": "/w"}},
                     "tiering": [{"moves": [{"to": "warm", "after": "1d", "compress": "zstd", "frame": "%s"}]}]}"""
                    .formatted(frame));
            assertTrue(e.jsonPath().startsWith("$.tiering[0].moves[0]"), e.jsonPath());
            assertTrue(e.getMessage().contains("\"frame\" of a move to \"warm\""), e.getMessage());
            assertTrue(e.getMessage().contains("256KiB"), e.getMessage());
        }
        ConfigException uncompressed = fails("""
                {"busRoot": "b", "archiveRoot": "a", "tiers": {"warm": {"backend": "local", "root": "/w"}},
                 "tiering": [{"moves": [{"to": "warm", "after": "1d", "frame": "256KiB"}]}]}""");
        assertTrue(uncompressed.getMessage().contains("needs \"compress\""), uncompressed.getMessage());
    }

    @Test
    void shouldDefaultToNoTiers() throws IOException {
        ChronicleConfig config = load("""
                {"busRoot": "b", "archiveRoot": "a"}""");
        assertTrue(config.tiers().isEmpty());
        assertTrue(config.tiering().isEmpty());
    }

    @Test
    void shouldNameAMoveToAnUndefinedTier() {
        ConfigException e = fails("""
                {"busRoot": "b", "archiveRoot": "a", "tiers": {"warm": {"backend": "local", "root": "/w"}},
                 "tiering": [{"moves": [{"to": "cold", "after": "1d"}]}]}""");
        assertEquals("$.tiering[0].moves[0].to", e.jsonPath());
        assertTrue(e.getMessage().contains("no tier named \"cold\""), e.getMessage());
        assertTrue(e.getMessage().contains("warm"), e.getMessage());
    }

    @Test
    void shouldNameABadAge() {
        ConfigException e = fails("""
                {"busRoot": "b", "archiveRoot": "a", "tiers": {"warm": {"backend": "local", "root": "/w"}},
                 "tiering": [{"moves": [{"to": "warm", "after": "two hours"}]}]}""");
        assertTrue(e.jsonPath().startsWith("$.tiering[0].moves[0]"), e.jsonPath());
        assertTrue(e.getMessage().contains("\"two hours\" is not an age"), e.getMessage());
    }

    @Test
    void shouldRefuseMovesOutOfOrder() {
        ConfigException e = fails("""
                {"busRoot": "b", "archiveRoot": "a",
                 "tiers": {"warm": {"backend": "local", "root": "/w"}, "cold": {"backend": "local", "root": "/c"}},
                 "tiering": [{"moves": [{"to": "cold", "after": "7d"}, {"to": "warm", "after": "2h"}]}]}""");
        assertEquals("$.tiering[0]", e.jsonPath());
        assertTrue(e.getMessage().contains("in order of \"after\""), e.getMessage());
    }

    @Test
    void shouldRefuseATierWithoutBackendOrWithANestedValue() {
        ConfigException noBackend = fails("""
                {"busRoot": "b", "archiveRoot": "a", "tiers": {"warm": {"root": "/w"}}}""");
        assertEquals("$.tiers.warm", noBackend.jsonPath());
        assertTrue(noBackend.getMessage().contains("\"backend\""), noBackend.getMessage());
        ConfigException nested = fails("""
                {"busRoot": "b", "archiveRoot": "a", "tiers": {"warm": {"backend": "local", "root": {"a": 1}}}}""");
        assertTrue(nested.getMessage().contains("setting \"root\""), nested.getMessage());
    }

    @Test
    void shouldRefuseHotAsATierName() {
        ConfigException e = fails("""
                {"busRoot": "b", "archiveRoot": "a", "tiers": {"hot": {"backend": "local", "root": "/w"}}}""");
        assertEquals("$.tiers.hot", e.jsonPath());
    }

    @Test
    void shouldNameAnUnknownFieldOfAMove() {
        ConfigException e = fails("""
                {"busRoot": "b", "archiveRoot": "a", "tiers": {"warm": {"backend": "local", "root": "/w"}},
                 "tiering": [{"moves": [{"to": "warm", "after": "1d", "compres": "zstd"}]}]}""");
        assertTrue(e.getMessage().contains("compres"), e.getMessage());
    }
}
