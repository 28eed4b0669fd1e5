package chronicle.plugin.tier.nfs;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A lock on one object key that works across the hosts of an NFS mount: the file {@code <object>.lock}, created
 * with {@code O_CREAT|O_EXCL} (atomic on NFSv3 and later), holding one line
 * <pre>pid=&lt;pid&gt; host=&lt;host&gt; time=&lt;epoch ms&gt; token=&lt;uuid&gt;</pre>
 * {@code flock}/{@code fcntl} locks are not used: on NFS they depend on the lock daemon and are lost or kept
 * wrongly when a client or the server restarts.
 *
 * <p>A lock is stale, and is broken with a warning, when its process is gone (same host), when it is older than
 * the stale age (another host: a process cannot be checked there), or when it has stayed empty for 10 s (its
 * creator died between creating and writing it). Release deletes the file only if it still holds this holder's
 * token, so a holder whose lock was broken never deletes its successor's.
 */
final class LockFile implements Closeable {

    private static final System.Logger LOG = System.getLogger(LockFile.class.getName());
    private static final long EMPTY_GRACE_MILLIS = 10_000;
    private static final String HOST = hostName();

    private final Path path;
    private final String content;

    private LockFile(Path path, String content) {
        this.path = path;
        this.content = content;
    }

    /**
     * Takes the lock, waiting while another live holder has it.
     *
     * @param path        the lock file.
     * @param timeoutMs   how long to wait for a live holder.
     * @param staleMs     age after which a lock of another host is taken to be abandoned.
     * @param timeoutHint what to say about the timeout setting in the error.
     * @return the held lock; release with {@link #close()}.
     * @throws IOException if the wait times out (naming the holder) or the file cannot be created.
     */
    static LockFile acquire(Path path, long timeoutMs, long staleMs, String timeoutHint) throws IOException {
        String content = "pid=" + ProcessHandle.current().pid() + " host=" + HOST + " time="
                + System.currentTimeMillis() + " token=" + UUID.randomUUID() + "\n";
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long pauseNanos = TimeUnit.MILLISECONDS.toNanos(5);
        while (true) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
                return new LockFile(path, content);
            } catch (FileAlreadyExistsException held) {
                String holder = read(path);
                if (holder == null) {
                    continue; // released meanwhile
                }
                String staleBecause = staleness(path, holder, staleMs);
                if (staleBecause != null) {
                    breakStale(path, holder, staleBecause);
                    continue;
                }
                if (System.nanoTime() >= deadline) {
                    throw new IOException("locked by " + (holder.isBlank() ? "a writer that is starting"
                            : holder.strip()) + " (lock file " + path + "); waited " + timeoutMs + " ms ("
                            + timeoutHint + ")");
                }
                LockSupport.parkNanos(pauseNanos);
                pauseNanos = Math.min(pauseNanos * 2, TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    /** @return why a holder's lock is stale, or null while it may be alive. */
    private static String staleness(Path path, String holder, long staleMs) throws IOException {
        Map<String, String> fields = fields(holder);
        long now = System.currentTimeMillis();
        if (!fields.containsKey("time")) {
            long age = now - modifiedMillis(path);
            return age > Math.min(staleMs, EMPTY_GRACE_MILLIS) ? "empty for " + age + " ms" : null;
        }
        long age = now - parse(fields.get("time"));
        if (HOST.equals(fields.get("host"))) {
            long pid = parse(fields.get("pid"));
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                return "process " + pid + " is gone";
            }
        }
        return age > staleMs ? "older than " + staleMs + " ms" : null;
    }

    /** Deletes a stale lock, unless it changed since it was judged (another process broke it and took it). */
    private static void breakStale(Path path, String holder, String why) throws IOException {
        if (holder.equals(read(path))) {
            Files.deleteIfExists(path);
            LOG.log(Level.WARNING, "{0}: broke a stale lock ({1}): {2}", path, why, holder.strip());
        }
    }

    @Override
    public void close() throws IOException {
        if (content.equals(read(path))) {
            Files.deleteIfExists(path);
        }
    }

    /** @return the file's text, or null if it is gone. */
    private static String read(Path path) throws IOException {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String part : line.strip().split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fields;
    }

    private static long parse(String number) {
        try {
            return number == null ? 0 : Long.parseLong(number);
        } catch (NumberFormatException e) {
            return 0; // an unreadable field: judged by age
        }
    }

    private static long modifiedMillis(Path path) throws IOException {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (NoSuchFileException e) {
            return System.currentTimeMillis();
        }
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
