package chronicle.storage.testing;

import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.spi.ObjectStat;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.TierBackend;
import chronicle.storage.spi.TierChecksums;
import chronicle.storage.spi.TierStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every file-system tier backend must do, run against a real directory: a backend's test class extends this,
 * naming the backend and its settings. Every store is opened through the plug-in host by the backend's name.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class TierStoreContract {

    /** A temporary folder per test: the tier root, sources and the (empty) drop-in folder live under it. */
    @TempDir
    protected Path work;

    /** @return the backend's name, as the configuration selects it. */
    protected abstract String backendName();

    /**
     * @param root the tier's directory.
     * @return the settings (JSON texts) of a tier there, besides {@code root}.
     */
    protected abstract Map<String, String> extraSettings(Path root);

    /** @return the backend, found through the plug-in host by its name. */
    protected TierBackend backend() {
        return PluginHost.of(work.resolve("no-drop-ins")).find(TierBackend.class, backendName())
                .orElseThrow(() -> new AssertionError("no tier backend named " + backendName())).instance();
    }

    /**
     * @param root the tier's directory.
     * @return its settings, {@code root} included.
     */
    protected Map<String, String> settings(Path root) {
        Map<String, String> settings = new HashMap<>(extraSettings(root));
        settings.put("root", "\"" + root + "\"");
        return settings;
    }

    /** @return a store over {@code <work>/tier}, created. */
    protected TierStore open() throws IOException {
        Path root = Files.createDirectories(work.resolve("tier"));
        return backend().open("t", settings(root));
    }

    /** @return a new file of random bytes. */
    protected Path source(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(Files.createDirectories(work.resolve("src")).resolve(name), bytes);
    }

    @Test
    void shouldStoreAFileAndReadAnyRangeOfIt() throws IOException {
        Path source = source("seg.q", 3 << 20, 1);
        byte[] original = Files.readAllBytes(source);
        try (TierStore store = open()) {
            ObjectStat put = store.put("kraken/XBT%2FUSD/2024-01-02/book/000000003.q", source, false);
            assertEquals(new ObjectStat("kraken/XBT%2FUSD/2024-01-02/book/000000003.q", original.length,
                    TierChecksums.of(source)), put);
            assertTrue(Files.exists(source), "copied, not moved");
            assertEquals(Optional.of(put), store.stat(put.key()));
            try (RangeReader reader = store.open(put.key())) {
                assertEquals(original.length, reader.size());
                for (long[] range : new long[][] {{0, 100}, {(1 << 20) - 7, 70_000}, {original.length - 13, 13}}) {
                    ByteBuffer dst = ByteBuffer.allocate((int) range[1]);
                    reader.readFully(range[0], dst);
                    assertArrayEquals(Arrays.copyOfRange(original, (int) range[0], (int) (range[0] + range[1])),
                            dst.array());
                }
                assertThrows(EOFException.class, () -> reader.readFully(original.length - 5, ByteBuffer.allocate(6)));
            }
            assertTrue(store.location(put.key()).endsWith("tier/kraken/XBT%2FUSD/2024-01-02/book/000000003.q"));
        }
    }

    @Test
    void shouldListByPrefixInKeyOrderHidingTemporaryAndLockFiles() throws IOException {
        Path source = source("a", 1000, 2);
        try (TierStore store = open()) {
            for (String key : List.of("b/1", "a/y/1", "a/x/2", "a/x/1", "ab/1")) {
                store.put(key, source, false);
            }
            Path dir = work.resolve("tier/a/x");
            Files.writeString(dir.resolve("3.q.12345.tmp"), "half");
            Files.writeString(dir.resolve("3.q.tmp"), "half");
            Files.writeString(dir.resolve("3.q.lock"), "pid=1");
            assertEquals(List.of("a/x/1", "a/x/2", "a/y/1"), keys(store.list("a/")));
            assertEquals(List.of("a/x/1", "a/x/2", "a/y/1", "ab/1"), keys(store.list("a")));
            assertEquals(List.of("a/x/1", "a/x/2"), keys(store.list("a/x")));
            assertEquals(List.of("a/x/1", "a/x/2", "a/y/1", "ab/1", "b/1"), keys(store.list("")));
            assertEquals(List.of(), store.list("zzz/"));
            assertEquals(1000, store.list("b/").getFirst().size());
            assertEquals(Optional.empty(), store.stat("a/x/3.q"), "a temporary file is not an object");
            assertThrows(IllegalArgumentException.class, () -> store.stat("a/x/3.q.tmp"));
            assertThrows(IllegalArgumentException.class, () -> store.put("a/x/3.q.lock", source, false));
        }
    }

    @Test
    void shouldPutTheSameBytesAgainWithoutWritingAndDeleteIdempotently() throws IOException {
        Path source = source("a", 100_000, 3);
        Path other = source("b", 100_000, 4);
        try (TierStore store = open()) {
            ObjectStat first = store.put("v/k.q", source, false);
            Path stored = work.resolve("tier/v/k.q");
            FileTime written = FileTime.fromMillis(1_000_000);
            Files.setLastModifiedTime(stored, written);
            assertEquals(first, store.put("v/k.q", source, true), "the same bytes: success");
            assertEquals(written, Files.getLastModifiedTime(stored), "nothing was rewritten");
            assertTrue(Files.exists(source), "an object already there leaves the source alone");
            ObjectStat replaced = store.put("v/k.q", other, false);
            assertEquals(TierChecksums.of(other), replaced.checksum(), "other bytes replace the object");
            assertEquals(Optional.of(replaced), store.stat("v/k.q"));
            assertTrue(store.delete("v/k.q"));
            assertFalse(store.delete("v/k.q"), "deleting an absent object succeeds");
            assertFalse(store.delete("never/there.q"));
            assertEquals(Optional.empty(), store.stat("v/k.q"));
            assertThrows(NoSuchFileException.class, () -> store.open("v/k.q").close());
        }
    }

    @Test
    void shouldRenameInsteadOfCopyingWhenAllowedOnTheSameFileSystem() throws IOException {
        try (TierStore store = open()) {
            Path source = source("moved.q", 200_000, 5);
            String checksum = TierChecksums.of(source);
            Object inode = Files.getAttribute(source, "unix:ino");
            ObjectStat moved = store.put("v/moved.q", source, true);
            assertEquals(checksum, moved.checksum());
            assertFalse(Files.exists(source), "taken by a rename");
            assertEquals(inode, Files.getAttribute(work.resolve("tier/v/moved.q"), "unix:ino"), "the same file: no copy");
            Path kept = source("kept.q", 200_000, 6);
            store.put("v/kept.q", kept, false);
            assertTrue(Files.exists(kept));
            assertTrue(!inode.equals(Files.getAttribute(work.resolve("tier/v/kept.q"), "unix:ino")));
        }
    }

    @Test
    void shouldRejectKeysThatCouldLeaveTheRoot() throws IOException {
        Path source = source("a", 10, 7);
        Path outside = Files.createDirectories(work.resolve("outside"));
        try (TierStore store = open()) {
            for (String key : List.of("../x", "/etc/x", "a/../../x", "a//b", "a/./b", "a\\..\\b", "", "a/\n")) {
                assertThrows(IllegalArgumentException.class, () -> store.put(key, source, false), key);
                assertThrows(IllegalArgumentException.class, () -> store.stat(key), key);
                assertThrows(IllegalArgumentException.class, () -> store.delete(key), key);
            }
            Files.createSymbolicLink(work.resolve("tier/link"), outside);
            IOException escaped = assertThrows(IOException.class, () -> store.put("link/x", source, false));
            assertTrue(escaped.getMessage().contains("outside the tier's root"), escaped.getMessage());
            assertTrue(escaped.getMessage().startsWith("tier \"t\": cannot put link/x"), escaped.getMessage());
            assertThrows(IOException.class, () -> store.stat("link/x"));
            try (Stream<Path> files = Files.list(outside)) {
                assertEquals(0, files.count(), "nothing was written through the link");
            }
        }
    }

    @Test
    void shouldRefuseAMissingRootWithOneLineNamingTheSetting() {
        Path missing = work.resolve("not-there");
        IOException e = assertThrows(IOException.class, () -> backend().open("warm", settings(missing)));
        assertTrue(e.getMessage().startsWith("tier \"warm\": "), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().endsWith("(tiers.warm.root)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        Map<String, String> unknown = new HashMap<>(settings(work));
        unknown.put("rot", "\"/x\"");
        IOException typo = assertThrows(IOException.class, () -> backend().open("warm", unknown));
        assertTrue(typo.getMessage().contains("tiers.warm.rot is unknown"), typo.getMessage());
        assertFalse(Files.exists(missing), "nothing created");
    }

    @Test
    void shouldLetConcurrentPutsOfOneKeyLeaveOneWholeObject() throws Exception {
        Path a = source("a", 1 << 20, 8);
        Path b = source("b", 1 << 20, 9);
        Set<String> allowed = Set.of(TierChecksums.of(a), TierChecksums.of(b));
        try (TierStore store = open()) {
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (Path source : List.of(a, b, a)) {
                writers.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < 30; i++) {
                            ObjectStat stat = store.put("v/same.q", source, false);
                            assertEquals(TierChecksums.of(source), stat.checksum());
                        }
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }, command -> Thread.ofPlatform().start(command)));
            }
            CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
                int seen = 0;
                try {
                    start.await();
                    while (running.get()) {
                        Optional<ObjectStat> stat = store.stat("v/same.q");
                        if (stat.isPresent()) {
                            assertEquals(1 << 20, stat.get().size(), "never a partial object");
                            assertTrue(allowed.contains(stat.get().checksum()), "never mixed bytes");
                            seen++;
                        }
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return seen;
            }, command -> Thread.ofPlatform().start(command));
            start.countDown();
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            running.set(false);
            assertTrue(reader.get(30, TimeUnit.SECONDS) > 0, "the reader saw the object");
            assertTrue(allowed.contains(store.stat("v/same.q").orElseThrow().checksum()));
            try (Stream<Path> files = Files.list(work.resolve("tier/v"))) {
                assertEquals(List.of("same.q"), files.map(p -> p.getFileName().toString()).toList(),
                        "no temporary or lock file left");
            }
        }
    }

    @Test
    void shouldFailAPutToAFullFileSystemWithOneLineLeavingNoPartialObjectAndTheSourceIntact() throws Exception {
        Path root = Files.createDirectories(work.resolve("tmpfs"));
        Path big = source("big.q", 2 << 20, 10);
        Path small = source("small.q", 10_000, 11);
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--map-root-user", "sh", "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$@\"", root.toString(),
                ProcessHandle.current().info().command().orElseThrow(), "-Xmx128m", "-XX:+UseSerialGC",
                "--module-path", System.getProperty("jdk.module.path"), "--add-modules", "ALL-MODULE-PATH",
                "-cp", System.getProperty("java.class.path"), DiskFullPut.class.getName(),
                backendName(), root.toString(), big.toString(), small.toString()));
        settings(root).forEach((name, value) -> {
            if (!name.equals("root")) {
                command.add(name);
                command.add(value);
            }
        });
        command.add("root");
        command.add("\"" + root + "\"");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child finished");
        List<String> lines = new String(child.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, child.exitValue(), String.join("\n", lines));
        String failed = lines.stream().filter(l -> l.startsWith("failed ")).findFirst().orElse(null);
        assertNotNull(failed, "the put failed: " + lines);
        assertTrue(failed.startsWith("failed tier \"full\": cannot put v/2024-01-02/big.q ("), failed);
        assertTrue(failed.endsWith("No space left on device"), failed);
        assertTrue(lines.contains("files []"), "no partial object, no temporary file: " + lines);
        String checksum = TierChecksums.of(big);
        assertTrue(lines.contains("source " + checksum + " " + checksum), "the source is intact: " + lines);
        assertTrue(lines.contains("small " + TierChecksums.of(small)), "the tier still works: " + lines);
    }

    private static List<String> keys(List<ObjectStat> stats) {
        return stats.stream().map(ObjectStat::key).toList();
    }
}
