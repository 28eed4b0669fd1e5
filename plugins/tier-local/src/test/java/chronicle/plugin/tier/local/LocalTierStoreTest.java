package chronicle.plugin.tier.local;

import chronicle.storage.spi.ObjectStat;
import chronicle.storage.spi.TierStore;
import chronicle.storage.testing.TierStoreContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void shouldDeleteTemporaryFilesOfGoneProcessesAndKeepThoseOfLiveOnes() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path source = source("a.q", 10_000, 1);
        try (TierStore store = open()) {
            Path dir = Files.createDirectories(work.resolve("tier/v"));
            Path dead = Files.writeString(dir.resolve("k.q." + gone.pid() + ".tmp"), "half");
            Path live = Files.writeString(dir.resolve("k.q.1.tmp"), "being written by pid 1");
            Path other = Files.writeString(dir.resolve("k.q.zst." + gone.pid() + ".tmp"), "another key's");
            store.put("v/k.q", source, false);
            assertFalse(Files.exists(dead), "its writer is gone");
            assertTrue(Files.exists(live), "its writer runs");
            assertTrue(Files.exists(other), "another key's temporary file is left to that key's puts");
            assertEquals(List.of("v/k.q"), store.list("v/").stream().map(ObjectStat::key).toList());
        }
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
