package chronicle.storage.spi;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A {@link TierStore} over a directory tree, the common ground of the {@code local} and {@code nfs} backends: the
 * object under key {@code a/b/c} is the file {@code <root>/a/b/c}.
 *
 * <pre>
 * &lt;root&gt;/kraken/XBT%2FUSD/2023-11-14/book/000000003.q.zst          an object
 * &lt;root&gt;/kraken/XBT%2FUSD/2023-11-14/book/000000003.q.zst.&lt;id&gt;.tmp  being written (never listed)
 * &lt;root&gt;/kraken/XBT%2FUSD/2023-11-14/book/000000003.q.zst.lock      a writer's lock file (nfs; never listed)
 * </pre>
 *
 * <p>A put writes a temporary file beside the object, forces it, renames it over the object and forces the
 * directory ({@link DurableFiles}), or, when the caller allows it and the source is on the same file system,
 * forces the source and renames it into place (no copy). Readers see no object or the whole object. A put of the
 * bytes that are already there (same size and CRC32C) writes nothing. Names ending in {@code .tmp} or
 * {@code .lock} are this store's own and cannot be keys. Every key is checked with {@link TierKeys#check} and its
 * directory must resolve (symbolic links followed) inside the root.
 *
 * <p>Subclasses adapt three habits: how writers of one key exclude each other ({@link #lockKey}: here, within the
 * process; writers in other processes use temporary files of their own and the last rename wins), how each file
 * operation is tried ({@link #attempt}: here, once), and what temporary files of a key a put may delete first
 * ({@link #removeLeftovers}).
 *
 * <p><b>Thread safety:</b> safe for concurrent use.
 */
public class FileTierStore implements TierStore {

    /** Suffix of a put's temporary files. */
    public static final String TMP_SUFFIX = DurableFiles.TMP_SUFFIX;
    /** Suffix of lock files. */
    public static final String LOCK_SUFFIX = ".lock";

    private final String name;
    private final Path root;
    private final Path realRoot;
    private final ConcurrentHashMap<String, ReentrantLock> keyLocks = new ConcurrentHashMap<>();

    /**
     * A file operation that may be tried again.
     *
     * @param <T> its result.
     */
    @FunctionalInterface
    public interface FileOperation<T> {
        /**
         * @return its result.
         * @throws IOException if it fails.
         */
        T run() throws IOException;
    }

    /**
     * @param name the tier's name, for messages.
     * @param root the tier's directory; it must exist.
     * @throws IOException if the root cannot be resolved.
     */
    public FileTierStore(String name, Path root) throws IOException {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the tier's directory. */
    public Path root() {
        return root;
    }

    @Override
    public ObjectStat put(String key, Path source, boolean mayMove) throws IOException {
        Path target = resolve(key);
        if (!Files.isRegularFile(source)) {
            throw failure("put", key, new NoSuchFileException(source.toString(), null, "source is not a file"));
        }
        try (Closeable lock = lockKey(key, target)) {
            return attempt("put", key, () -> putLocked(key, source, target, mayMove));
        }
    }

    private ObjectStat putLocked(String key, Path source, Path target, boolean mayMove) throws IOException {
        DurableFiles.createDirectories(target.getParent());
        checkInside(key, target.getParent());
        removeLeftovers(target);
        long size = Files.size(source);
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            String there = TierChecksums.of(target);
            if (there.equals(TierChecksums.of(source))) {
                return new ObjectStat(key, size, there); // the same bytes are stored already
            }
        }
        if (mayMove) {
            Optional<String> moved = move(source, target);
            if (moved.isPresent()) {
                return new ObjectStat(key, size, moved.get());
            }
        }
        String checksum = DurableFiles.copy(source, target, temporaryFor(target));
        return new ObjectStat(key, size, checksum);
    }

    /** Forces the source and renames it into place; empty if it is on another file system. */
    private Optional<String> move(Path source, Path target) throws IOException {
        String checksum = TierChecksums.of(source);
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            channel.force(true);
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            return Optional.empty(); // another file system: copy instead
        }
        DurableFiles.forceDirectory(target.getParent());
        Path sourceDir = source.toAbsolutePath().getParent();
        if (sourceDir != null && !sourceDir.equals(target.getParent())) {
            DurableFiles.forceDirectory(sourceDir);
        }
        return Optional.of(checksum);
    }

    @Override
    public RangeReader open(String key) throws IOException {
        Path target = resolve(key);
        FileChannel channel = attempt("open", key, () -> {
            checkInside(key, target.getParent());
            return FileChannel.open(target, StandardOpenOption.READ);
        });
        return new FileRangeReader(channel, target.toString());
    }

    @Override
    public Optional<ObjectStat> stat(String key) throws IOException {
        Path target = resolve(key);
        return attempt("stat", key, () -> {
            if (Files.isDirectory(target.getParent())) {
                checkInside(key, target.getParent());
            }
            if (!Files.isRegularFile(target)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ObjectStat(key, Files.size(target), TierChecksums.of(target)));
            } catch (NoSuchFileException e) {
                return Optional.empty(); // deleted meanwhile
            }
        });
    }

    @Override
    public List<ObjectStat> list(String prefix) throws IOException {
        int slash = prefix.lastIndexOf('/');
        String dirKey = slash < 0 ? "" : prefix.substring(0, slash);
        Path dir = dirKey.isEmpty() ? root : resolve(dirKey);
        return attempt("list", prefix, () -> {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            checkInside(prefix, dir);
            List<ObjectStat> found = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) walk::iterator) {
                    String key = keyOf(file);
                    if (key.startsWith(prefix) && !isOwnFile(file.getFileName().toString())
                            && Files.isRegularFile(file)) {
                        found.add(new ObjectStat(key, sizeOrMinusOne(file), null));
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            found.removeIf(s -> s.size() < 0);
            found.sort(Comparator.comparing(ObjectStat::key));
            return found;
        });
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path target = resolve(key);
        try (Closeable lock = lockKey(key, target)) {
            return attempt("delete", key, () -> {
                Path dir = target.getParent();
                if (!Files.isDirectory(dir)) {
                    return false;
                }
                checkInside(key, dir);
                boolean existed = Files.deleteIfExists(target);
                DurableFiles.forceDirectory(dir); // also when absent: an earlier delete may have died before this
                return existed;
            });
        }
    }

    @Override
    public String location(String key) {
        return root.resolve(key).toString();
    }

    @Override
    public void close() {
        // nothing held: every operation opens and closes its own files
    }

    // ---- hooks -------------------------------------------------------------------------------------------------

    /**
     * Excludes other writers of one key for a put or a delete. Here: other threads of this process.
     *
     * @param key    the key.
     * @param target its file.
     * @return released on close.
     * @throws IOException if the key cannot be locked.
     */
    protected Closeable lockKey(String key, Path target) throws IOException {
        ReentrantLock lock = keyLocks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        return lock::unlock;
    }

    /**
     * Runs one file operation. Here: once, a failure becoming one line naming the tier and the key.
     *
     * @param operation what is done, for messages ({@code put}, {@code stat}, ...).
     * @param key       the key (or prefix).
     * @param action    the operation.
     * @param <T>       its result.
     * @return its result.
     * @throws IOException naming the tier, the key and the reason.
     */
    protected <T> T attempt(String operation, String key, FileOperation<T> action) throws IOException {
        try {
            return action.run();
        } catch (IOException e) {
            throw failure(operation, key, e);
        }
    }

    /**
     * The temporary file of a put. Here: {@code <object>.<pid>.tmp}, unique among the writers of this host, as
     * writers of one key in one process take turns ({@link #lockKey}).
     *
     * @param target the object's file.
     * @return a name in the same directory ending in {@value #TMP_SUFFIX}.
     */
    protected Path temporaryFor(Path target) {
        return target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + TMP_SUFFIX);
    }

    /**
     * Deletes temporary files of a key that no running put will finish, before a put of that key. Here: those of
     * this process (left by a put that failed without cleaning up) and of processes of this host that are gone.
     *
     * @param target the object's file (its key is locked).
     * @throws IOException if the directory cannot be read.
     */
    protected void removeLeftovers(Path target) throws IOException {
        String prefix = target.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            for (Path file : (Iterable<Path>) siblings::iterator) {
                String fileName = file.getFileName().toString();
                if (!fileName.startsWith(prefix) || !fileName.endsWith(TMP_SUFFIX)) {
                    continue;
                }
                String pid = fileName.substring(prefix.length(), fileName.length() - TMP_SUFFIX.length());
                if (pid.matches("[0-9]{1,18}") && isGone(Long.parseLong(pid))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    // ---- helpers for subclasses --------------------------------------------------------------------------------

    /**
     * A failure of an operation as one line: {@code tier "warm": cannot put a/b (/mnt/warm/a/b): <reason>}; an
     * absent object to open stays a {@link NoSuchFileException} naming its location.
     *
     * @param operation what was done.
     * @param key       the key.
     * @param cause     what went wrong.
     * @return the exception to throw, with {@code cause} attached.
     */
    protected IOException failure(String operation, String key, IOException cause) {
        if (cause instanceof NoSuchFileException && operation.equals("open")) {
            NoSuchFileException absent = new NoSuchFileException(location(key), null, "no such object in tier \""
                    + name + "\"");
            absent.initCause(cause);
            return absent;
        }
        return new IOException("tier \"" + name + "\": cannot " + operation + " " + key + " (" + location(key)
                + "): " + reason(cause), cause);
    }

    /**
     * The reason of a file-system failure in words, on one line.
     *
     * @param e the failure.
     * @return for example {@code No space left on device}.
     */
    protected static String reason(IOException e) {
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e instanceof NoSuchFileException ? "no such file" : e.getMessage();
        return text == null ? e.getClass().getSimpleName() : text.replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Ours (the key is locked, so no put of ours is writing it) or of a process that is gone. */
    private static boolean isGone(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private Path resolve(String key) {
        String checked = TierKeys.check(key);
        String last = checked.substring(checked.lastIndexOf('/') + 1);
        if (isOwnFile(last)) {
            throw new IllegalArgumentException("object key \"" + key + "\" ends in " + TMP_SUFFIX + " or "
                    + LOCK_SUFFIX + ", which tier \"" + name + "\" keeps for its own files");
        }
        Path target = root.resolve(checked).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("object key \"" + key + "\" leaves tier \"" + name + "\"");
        }
        return target;
    }

    /** Symbolic links inside the tree must not lead out of it. */
    private void checkInside(String key, Path dir) throws IOException {
        if (!dir.toRealPath().startsWith(realRoot)) {
            throw new FileSystemException(dir.toString(), null, "the directory of key " + key
                    + " resolves outside the tier's root " + realRoot + " (a symbolic link?)");
        }
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static boolean isOwnFile(String fileName) {
        return fileName.endsWith(TMP_SUFFIX) || fileName.endsWith(LOCK_SUFFIX);
    }

    private static long sizeOrMinusOne(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // deleted while listing
        }
    }

    /** Positional reads of one file; safe for concurrent use (positional reads do not share a position). */
    private static final class FileRangeReader implements RangeReader {
        private final FileChannel channel;
        private final String location;

        FileRangeReader(FileChannel channel, String location) {
            this.channel = channel;
            this.location = location;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public void readFully(long position, ByteBuffer dst) throws IOException {
            long at = position;
            while (dst.hasRemaining()) {
                int n = channel.read(dst, at);
                if (n < 0) {
                    throw new EOFException(location + ": ends at byte " + channel.size() + ", before "
                            + (at + dst.remaining()));
                }
                at += n;
            }
        }

        @Override
        public String location() {
            return location;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
