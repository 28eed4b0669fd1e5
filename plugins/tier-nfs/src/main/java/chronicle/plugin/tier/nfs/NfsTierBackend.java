package chronicle.plugin.tier.nfs;

import chronicle.storage.spi.TierBackend;
import chronicle.storage.spi.TierSettings;
import chronicle.storage.spi.TierStore;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Backend {@code nfs}: objects are files under a directory of an NFS mount, written with NFS-safe habits
 * ({@link NfsTierStore}: lock files, temporary file + rename, no memory-mapped writes, retries on stale handles).
 * <pre>{@code
 * "tiers": { "warm": { "backend": "nfs", "root": "/mnt/research/chronicle", "lock_timeout_ms": 30000 } }
 * }</pre>
 *
 * <p>A root that is missing, or that lies on the same file system as {@code /} (the mount is not there: writes
 * would fill the local disk instead), is refused with one line naming the root and the setting.
 */
public final class NfsTierBackend implements TierBackend {

    static final String ROOT = "root";
    static final String REQUIRE_MOUNT = "require_mount";
    static final String LOCK_TIMEOUT = "lock_timeout_ms";
    static final String STALE_LOCK = "stale_lock_ms";
    static final String STALE_RETRIES = "stale_handle_retries";

    @Override
    public String name() {
        return "nfs";
    }

    @Override
    public String description() {
        return "tier on an NFS mount (lock files, temp file + rename, retries on stale file handles)";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(
                ROOT, "the directory on the NFS mount (required)",
                REQUIRE_MOUNT, "refuse a root on the same file system as / (default true)",
                LOCK_TIMEOUT, "how long a writer waits for another writer of the same key, ms (default 30000)",
                STALE_LOCK, "age after which another host's lock file is taken as abandoned, ms (default 600000)",
                STALE_RETRIES, "retries of an operation failing with a stale file handle (default 5)");
    }

    @Override
    public TierStore open(String tierName, Map<String, String> settings) throws IOException {
        TierSettings tier = new TierSettings(tierName, settings);
        tier.checkKnown(this);
        Path root = Path.of(tier.requiredText(ROOT));
        boolean requireMount = tier.flag(REQUIRE_MOUNT, true);
        long lockTimeout = tier.number(LOCK_TIMEOUT, 30_000, 0);
        long staleLock = tier.number(STALE_LOCK, 600_000, 1_000);
        long retries = tier.number(STALE_RETRIES, 5, 0);
        if (!Files.isDirectory(root)) {
            throw notMounted(tier, root, "is missing or not mounted");
        }
        if (requireMount && onRootFileSystem(root)) {
            throw notMounted(tier, root, "is not mounted (it is on the file system of /; set "
                    + tier.path(REQUIRE_MOUNT) + " to false for a local directory)");
        }
        if (!Files.isWritable(root)) {
            throw notMounted(tier, root, "is not writable by this user (mounted read-only?)");
        }
        return new NfsTierStore(tierName, root, lockTimeout, staleLock, (int) Math.min(retries, 100),
                tier.path(LOCK_TIMEOUT), tier.path(STALE_RETRIES));
    }

    private static IOException notMounted(TierSettings tier, Path root, String what) {
        return new IOException("tier \"" + tier.tier() + "\": NFS root " + root + " " + what + " ("
                + tier.path(ROOT) + ")");
    }

    private static boolean onRootFileSystem(Path root) throws IOException {
        FileStore store = Files.getFileStore(root.toRealPath());
        FileStore slash = Files.getFileStore(root.getFileSystem().getRootDirectories().iterator().next());
        return store.equals(slash);
    }
}
