package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-writer lock of a queue: {@code <queue>/writer.lock}.
 *
 * <p>Two guards. The kernel's advisory lock on the file ({@code fcntl}, released by the kernel when the holder dies,
 * even by SIGKILL) decides who may write: a live writer is never displaced. The file's text records who holds it,
 * {@code pid=<pid> start=<epoch ms> host=<name>}, so tools can tell a live writer from a stale lock left by a dead
 * one, and a new writer logs whose lock it took over. The text is not forced to the device: other processes read it
 * from the page cache, and after a machine crash every holder is dead whatever it says (forcing it cost 10-100 ms
 * per queue opened on these machines, while other writes were in flight).
 *
 * <p>An {@code fcntl} lock belongs to the process, and Linux releases it when the process closes <em>any</em>
 * descriptor of the file, not only the one that took it. So the writer's process never opens the lock file a second
 * time: the previous owner is read through the locking channel, and {@link #owner} answers from memory for a lock
 * this process holds.
 */
public final class WriterLock implements AutoCloseable {

    /** The lock file's name inside the queue directory. */
    public static final String FILE_NAME = "writer.lock";

    /** Lock files this process holds (absolute, normalized), with the owner text it wrote into each. */
    private static final Map<Path, Owner> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<Owner> previous;

    private WriterLock(Path file, FileChannel channel, FileLock lock, Optional<Owner> previous) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Who holds (or last held) a writer lock.
     *
     * @param pid         process id.
     * @param startMillis the process's start time, epoch milliseconds (tells a reused pid apart).
     * @param host        host name.
     */
    public record Owner(long pid, long startMillis, String host) {

        /** @return the current process as an owner. */
        public static Owner self() {
            ProcessHandle me = ProcessHandle.current();
            long start = me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            return new Owner(me.pid(), start, hostName());
        }

        /**
         * @return whether this owner's process is running on this host (same pid and same start time).
         */
        public boolean isAlive() {
            if (!host.equals(hostName())) {
                return true; // cannot tell for another host: assume alive, never displace it
            }
            return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                    .map(start -> startMillis == 0 || Math.abs(start.toEpochMilli() - startMillis) < 2_000)
                    .orElse(false);
        }

        String text() {
            return "pid=" + pid + " start=" + startMillis + " host=" + host + "\n";
        }

        static Optional<Owner> parse(String text) {
            long pid = -1;
            long start = 0;
            String host = "";
            for (String field : text.strip().split("\\s+")) {
                int eq = field.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String value = field.substring(eq + 1);
                try {
                    switch (field.substring(0, eq)) {
                        case "pid" -> pid = Long.parseLong(value);
                        case "start" -> start = Long.parseLong(value);
                        case "host" -> host = value;
                        default -> { }
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            return pid < 0 ? Optional.empty() : Optional.of(new Owner(pid, start, host));
        }
    }

    /**
     * Takes the writer lock of a queue.
     *
     * @param queueDir the queue directory.
     * @return the lock, held until closed or until this process dies.
     * @throws QueueException if a live writer holds it.
     */
    public static WriterLock acquire(Path queueDir) {
        Path file = queueDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw new QueueException(queueDir + ": a writer is already open on this queue in this process; "
                        + "close it first (one writer per queue)");
            }
            if (lock == null) {
                String holder = owner(queueDir).map(Owner::text).map(String::strip).orElse("unknown process");
                throw new QueueException(queueDir + ": locked by a live writer (" + holder
                        + "); one writer per queue: stop it first");
            }
            Optional<Owner> previous = Owner.parse(readText(channel));
            Owner self = Owner.self();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(self.text().getBytes(StandardCharsets.US_ASCII)), 0);
            HELD.put(file, self);
            return new WriterLock(file, channel, lock, previous);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new QueueException(file + ": cannot take the writer lock: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * @param queueDir a queue directory.
     * @return who holds or last held its writer lock, if anyone ever did.
     */
    public static Optional<Owner> owner(Path queueDir) {
        Path file = queueDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        Owner held = HELD.get(file);
        if (held != null) {
            return Optional.of(held); // opening the file here would release this process's lock on it
        }
        try {
            return Owner.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @return the owner whose lock this writer took over, if the file named one (a writer that died or closed).
     */
    public Optional<Owner> previousOwner() {
        return previous;
    }

    @Override
    public void close() {
        HELD.remove(file);
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException ignored) {
            // the kernel releases the lock when the channel closes anyway
        }
        closeQuietly(channel);
    }

    /** The lock file's text, read through the channel that holds the lock (at most 4 KiB: one short line). */
    private static String readText(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        while (text.hasRemaining() && channel.read(text, text.position()) > 0) {
            // a local file returns everything at once; the loop covers short reads
        }
        return new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
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
