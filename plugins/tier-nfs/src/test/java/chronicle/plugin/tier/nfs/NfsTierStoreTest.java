package chronicle.plugin.tier.nfs;

import chronicle.storage.spi.TierChecksums;
import chronicle.storage.spi.TierStore;
import chronicle.storage.testing.TierStoreContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code nfs} backend passes the file-system tier contract on a local directory (there is no kernel NFS here:
 * the semantics are what is tested), and keeps its NFS habits: lock files, stale locks, stale file handles, and a
 * root that is missing or not mounted.
 */
class NfsTierStoreTest extends TierStoreContract {

    @Override
    protected String backendName() {
        return "nfs";
    }

    @Override
    protected Map<String, String> extraSettings(Path root) {
        return Map.of("require_mount", "false", "lock_timeout_ms", "20000");
    }

    @Test
    void shouldNameTheMountRootAndTheSettingWhenTheRootIsMissingOrNotMounted() throws IOException {
        Path missing = work.resolve("mnt/x");
        assertEquals("tier \"warm\": NFS root " + missing + " is missing or not mounted (tiers.warm.root)",
                assertThrows(IOException.class, () -> backend().open("warm", settings(missing))).getMessage());
        // A directory on the file system of / (the temporary folder): the mount is not there.
        Map<String, String> onSlash = Map.of("root", "\"" + work + "\"");
        if (Files.getFileStore(work).equals(Files.getFileStore(Path.of("/")))) {
            String message = assertThrows(IOException.class, () -> backend().open("warm", onSlash)).getMessage();
            assertEquals("tier \"warm\": NFS root " + work + " is not mounted (it is on the file system of /; set "
                    + "tiers.warm.require_mount to false for a local directory) (tiers.warm.root)", message);
        }
        // A real mount (tmpfs at /dev/shm) passes the check.
        Path shm = Files.createTempDirectory(Path.of("/dev/shm"), "nfs-root");
        try (TierStore store = backend().open("warm", Map.of("root", "\"" + shm + "\""))) {
            assertEquals("warm", store.name());
        } finally {
            Files.delete(shm);
        }
    }

    @Test
    void shouldWaitForALiveWritersLockFileAndTimeOutNamingIt() throws IOException {
        Path source = source("a.q", 1000, 1);
        Path root = Files.createDirectories(work.resolve("tier"));
        Map<String, String> settings = new HashMap<>(settings(root));
        settings.put("lock_timeout_ms", "300");
        try (TierStore store = backend().open("t", settings)) {
            Path lock = Files.createDirectories(root.resolve("v")).resolve("k.q.lock");
            String holder = "pid=" + ProcessHandle.current().pid() + " host=" + Files.readString(Path.of("/etc/hostname"))
                    .strip() + " time=" + System.currentTimeMillis() + " token=other\n";
            Files.writeString(lock, holder);
            IOException e = assertThrows(IOException.class, () -> store.put("v/k.q", source, false));
            assertTrue(e.getMessage().startsWith("tier \"t\": cannot lock v/k.q ("), e.getMessage());
            assertTrue(e.getMessage().contains("locked by " + holder.strip() + " (lock file " + lock + "); waited "
                    + "300 ms (tiers.t.lock_timeout_ms)"), e.getMessage());
            assertEquals(holder, Files.readString(lock), "a live holder's lock is left alone");
            assertFalse(Files.exists(root.resolve("v/k.q")), "nothing stored while locked");
            Files.delete(lock);
            assertEquals(TierChecksums.of(source), store.put("v/k.q", source, false).checksum());
            assertFalse(Files.exists(lock), "released after the put");
        }
    }

    @Test
    void shouldBreakTheLockOfADeadProcessAndAnOldLockOfAnotherHost() throws Exception {
        Path source = source("a.q", 1000, 2);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (TierStore store = open()) {
            Path dir = Files.createDirectories(work.resolve("tier/v"));
            Files.writeString(dir.resolve("dead.q.lock"), "pid=" + gone.pid() + " host="
                    + Files.readString(Path.of("/etc/hostname")).strip() + " time=" + System.currentTimeMillis()
                    + " token=dead\n");
            Files.writeString(dir.resolve("old.q.lock"), "pid=1 host=elsewhere time="
                    + (System.currentTimeMillis() - 3_600_000) + " token=old\n");
            store.put("v/dead.q", source, false);
            store.put("v/old.q", source, false);
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of("dead.q", "old.q"), files.map(p -> p.getFileName().toString()).sorted()
                        .toList());
            }
        }
    }

    @Test
    void shouldRemoveATemporaryFileADeadWriterLeftAndPutAgain() throws IOException {
        Path source = source("a.q", 50_000, 3);
        try (TierStore store = open()) {
            Path dir = Files.createDirectories(work.resolve("tier/v"));
            Files.writeString(dir.resolve("k.q.tmp"), "half of it");
            assertEquals(TierChecksums.of(source), store.put("v/k.q", source, false).checksum());
            assertFalse(Files.exists(dir.resolve("k.q.tmp")));
        }
    }

    @Test
    void shouldRetryAnOperationThatMeetsAStaleFileHandleThenGiveUpWithOneLine() throws IOException {
        Path root = Files.createDirectories(work.resolve("tier"));
        NfsTierStore store = new NfsTierStore("t", root, 1000, 60_000, 3, "tiers.t.lock_timeout_ms",
                "tiers.t.stale_handle_retries");
        AtomicInteger calls = new AtomicInteger();
        String result = store.attempt("stat", "v/k.q", () -> {
            if (calls.incrementAndGet() <= 2) {
                throw new FileSystemException(root.resolve("v").toString(), null, "Stale file handle");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, calls.get());
        calls.set(0);
        IOException e = assertThrows(IOException.class, () -> store.attempt("stat", "v/k.q", () -> {
            calls.incrementAndGet();
            throw new IOException("wrapped", new FileSystemException("x", null, "Stale file handle"));
        }));
        assertEquals(4, calls.get(), "the first try and three retries");
        assertEquals("tier \"t\": cannot stat v/k.q (" + root.resolve("v/k.q") + "): stale file handle after 4 "
                + "attempts (the NFS server restarted or another host replaced the file; check the mount, or raise "
                + "tiers.t.stale_handle_retries)", e.getMessage());
        calls.set(0);
        IOException other = assertThrows(IOException.class, () -> store.attempt("stat", "v/k.q", () -> {
            calls.incrementAndGet();
            throw new FileSystemException("x", null, "Input/output error");
        }));
        assertEquals(1, calls.get(), "other failures are not retried");
        assertTrue(other.getMessage().endsWith("): Input/output error"), other.getMessage());
    }
}
