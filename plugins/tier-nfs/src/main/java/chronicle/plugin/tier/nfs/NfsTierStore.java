package chronicle.plugin.tier.nfs;

import chronicle.storage.spi.DurableFiles;
import chronicle.storage.spi.FileTierStore;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A tier on an NFS mount: {@link FileTierStore}'s layout and atomic puts, with the habits NFS needs.
 * <ul>
 *   <li>Writers of one key exclude each other with a lock file ({@link LockFile}), across processes and hosts, not
 *       with {@code flock}/{@code fcntl}.</li>
 *   <li>Under that lock a put writes {@code <object>.tmp} with plain writes (never a memory mapping, whose
 *       write-back NFS reports late or not at all), forces it, renames it into place and forces the directory
 *       (COMMIT on NFS); a {@code .tmp} a dead writer left is deleted first.</li>
 *   <li>An operation that fails with a stale file handle ({@code ESTALE}: the server restarted, or another host
 *       replaced a file or directory this client had cached) is tried again from the start, a bounded number of
 *       times with a growing pause; every operation is idempotent, so repeating one is safe.</li>
 * </ul>
 *
 * <p><b>Thread safety:</b> safe for concurrent use.
 */
final class NfsTierStore extends FileTierStore {

    /** What {@code strerror(ESTALE)} says on Linux, which the JDK puts in the exception. */
    private static final String STALE = "Stale file handle";

    private final long lockTimeoutMs;
    private final long staleLockMs;
    private final int staleRetries;
    private final String lockTimeoutSetting;
    private final String staleRetriesSetting;

    /**
     * @param name                the tier's name.
     * @param root                the mount root (checked by the backend).
     * @param lockTimeoutMs       how long a writer waits for another writer's lock on the same key.
     * @param staleLockMs         age after which a lock of another host is abandoned.
     * @param staleRetries        how often an operation failing with a stale handle is tried again.
     * @param lockTimeoutSetting  the setting of {@code lockTimeoutMs}, for messages.
     * @param staleRetriesSetting the setting of {@code staleRetries}, for messages.
     * @throws IOException if the root cannot be resolved.
     */
    NfsTierStore(String name, Path root, long lockTimeoutMs, long staleLockMs, int staleRetries,
                 String lockTimeoutSetting, String staleRetriesSetting) throws IOException {
        super(name, root);
        this.lockTimeoutMs = lockTimeoutMs;
        this.staleLockMs = staleLockMs;
        this.staleRetries = staleRetries;
        this.lockTimeoutSetting = lockTimeoutSetting;
        this.staleRetriesSetting = staleRetriesSetting;
    }

    @Override
    protected Closeable lockKey(String key, Path target) throws IOException {
        Path lock = target.resolveSibling(target.getFileName() + LOCK_SUFFIX);
        return attempt("lock", key, () -> {
            DurableFiles.createDirectories(target.getParent());
            return LockFile.acquire(lock, lockTimeoutMs, staleLockMs, lockTimeoutSetting);
        });
    }

    @Override
    protected Path temporaryFor(Path target) {
        return DurableFiles.temporary(target);
    }

    @Override
    protected void removeLeftovers(Path target) throws IOException {
        Files.deleteIfExists(temporaryFor(target)); // the key is locked: nobody is writing it
        super.removeLeftovers(target);
    }

    @Override
    protected <T> T attempt(String operation, String key, FileOperation<T> action) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.run();
            } catch (IOException e) {
                if (!isStale(e)) {
                    throw failure(operation, key, e);
                }
                if (attempt > staleRetries) {
                    throw new IOException("tier \"" + name() + "\": cannot " + operation + " " + key + " ("
                            + location(key) + "): stale file handle after " + attempt + " attempts (the NFS "
                            + "server restarted or another host replaced the file; check the mount, or raise "
                            + staleRetriesSetting + ")", e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20L * attempt));
            }
        }
    }

    /** @return whether the failure, or one it was caused by, is {@code ESTALE}. */
    static boolean isStale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : t.getMessage();
            if (text != null && text.contains(STALE)) {
                return true;
            }
        }
        return false;
    }
}
