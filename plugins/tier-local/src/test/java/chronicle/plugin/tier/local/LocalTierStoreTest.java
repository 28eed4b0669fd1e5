package chronicle.plugin.tier.local;

import chronicle.storage.testing.TierStoreContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code local} backend passes the file-system tier contract, and names its root's problems. */
class LocalTierStoreTest extends TierStoreContract {

    @Override
    protected String backendName() {
        return "local";
    }

    @Override
    protected Map<String, String> extraSettings(Path root) {
        return Map.of();
    }

    @Test
    void shouldBeTheLocalBackendAndSayWhatIsWrongWithTheRoot() throws IOException {
        assertEquals(LocalTierBackend.class, backend().getClass());
        assertEquals("tier \"warm\": root " + work.resolve("none") + " does not exist (tiers.warm.root)",
                assertThrows(IOException.class, () -> backend().open("warm", settings(work.resolve("none"))))
                        .getMessage());
        Path file = Files.writeString(work.resolve("file"), "x");
        assertEquals("tier \"warm\": root " + file + " is not a directory (tiers.warm.root)",
                assertThrows(IOException.class, () -> backend().open("warm", settings(file))).getMessage());
        assertEquals("tier \"warm\": setting tiers.warm.root must be a non-empty string, not 42",
                assertThrows(IOException.class, () -> backend().open("warm", Map.of("root", "42"))).getMessage());
        assertEquals("tier \"warm\": setting tiers.warm.root is missing",
                assertThrows(IOException.class, () -> backend().open("warm", Map.of())).getMessage());
    }
}
