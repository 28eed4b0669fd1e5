package chronicle.bus.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * A lease this process holds: a file in {@code <bus-root>/leases/} that says which queue it writes or reads,
 * with a heartbeat (the file's modification time) refreshed by {@link Discovery}'s heartbeat thread. Closing the
 * lease deletes the file; a process that dies leaves it behind, and {@link Discovery#list()} reports it stale.
 */
public final class Lease implements AutoCloseable {

    private final Discovery discovery;
    private final Path file;
    private final LeaseRecord record;
    private volatile boolean closed;

    Lease(Discovery discovery, Path file, LeaseRecord record) {
        this.discovery = discovery;
        this.file = file;
        this.record = record;
    }

    /** @return the lease file. */
    public Path file() {
        return file;
    }

    /** Publishes the ready marker: the queue is open and the writer appends. */
    public void markReady() {
        discovery.write(file, record.markedReady());
    }

    /** Refreshes the heartbeat now (the heartbeat thread does it every second). */
    public void heartbeat() {
        if (!closed) {
            try {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot refresh lease " + file, e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        discovery.release(this);
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover lease is reported as stale, which is what it is
        }
    }
}
