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

@Timeout(10)
class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("chronicle.json"), json);
    }

    private ConfigException fails(String json) throws IOException {
        Path file = write(json);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), "says the fix: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void shouldLoadAValidFile() throws IOException {
        ChronicleConfig config = ConfigLoader.load(write("""
                {"busRoot": "bus", "archiveRoot": "/data/archive"}"""));
        assertEquals(Path.of("bus"), config.busRoot());
        assertEquals(Path.of("/data/archive"), config.archiveRoot());
    }

    @Test
    void shouldLoadTheProjectDefaultConfig() {
        Path shipped = Path.of(System.getProperty("user.dir")).resolve("../../config/chronicle.json").normalize();
        ChronicleConfig config = ConfigLoader.load(shipped);
        assertEquals(Path.of("demo_bus"), config.busRoot());
    }

    @Test
    void shouldNameUnknownFieldWithItsPathAndTheKnownOnes() throws IOException {
        ConfigException e = fails("""
                {"busRoot": "bus", "archiveRoot": "a", "bussRoot": "typo"}""");
        assertEquals("$.bussRoot", e.jsonPath());
        assertTrue(e.getMessage().contains("unknown field \"bussRoot\" (line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("archiveRoot, busRoot"), e.getMessage());
    }

    @Test
    void shouldNameWrongType() throws IOException {
        ConfigException e = fails("""
                {"busRoot": ["a", "b"], "archiveRoot": "a"}""");
        assertEquals("$.busRoot", e.jsonPath());
        assertTrue(e.getMessage().contains("wrong type, expected a path string"), e.getMessage());
    }

    @Test
    void shouldNameMissingRequiredValue() throws IOException {
        ConfigException e = fails("""
                {"busRoot": "bus"}""");
        assertEquals("$.archiveRoot", e.jsonPath());
        assertTrue(e.getMessage().contains("missing required value. Fix: add \"archiveRoot\""), e.getMessage());
    }

    @Test
    void shouldReportSyntaxErrorWithLine() throws IOException {
        ConfigException e = fails("{\n\"busRoot\": \"bus\",,\n}");
        assertTrue(e.getMessage().contains("not valid JSON (line 2"), e.getMessage());
    }

    @Test
    void shouldReadTheSymbolMapPathAndRefuseOneThatNamesNoFile() throws IOException {
        Path map = Files.writeString(dir.resolve("symbols.json"), "{\"venues\":{\"demo\":1}}");
        ChronicleConfig config = ConfigLoader.load(write("{\"busRoot\": \"bus\", \"archiveRoot\": \"a\", "
                + "\"symbolMap\": \"" + map + "\"}"));
        assertEquals(map, config.symbolMap());
        ConfigException e = fails("{\"busRoot\": \"bus\", \"archiveRoot\": \"a\", \"symbolMap\": \""
                + dir.resolve("none.json") + "\"}");
        assertEquals("$.symbolMap", e.jsonPath());
        assertTrue(e.getMessage().contains("no file " + dir.resolve("none.json")), e.getMessage());
    }

    @Test
    void shouldReportMissingFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("file not found. Fix: create it"), e.getMessage());
    }
}
