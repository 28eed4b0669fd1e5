package chronicle.storage.api;

import chronicle.bus.api.Discovery;
import chronicle.bus.api.Lease;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.IdleStrategy;

import java.lang.System.Logger.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Copies a hot (live) queue into an archive queue on one thread, in strict order, exactly once across crashes.
 *
 * <p>The archive is a mirror: each record is re-appended with its type, timestamp and payload, and keeps its live
 * sequence number ({@link QueueWriter#startSequenceAt}), so an archive record's sequence is its provenance. After a
 * crash at any moment the archive's writer recovers its tail, and the tap resumes at the archive's next sequence:
 * no gap, no duplicate. The tap reads the live queue as a named reader ({@value #DEFAULT_READER}), committing as it
 * goes, so live retention never deletes what it has not copied; otherwise the tap does not touch hot retention.
 *
 * <p>The tap carries the names of the markets: the registry of the live queue's root
 * ({@link MarketRegistry#rootOf}, the bus root) is merged into the registry of the archive queue's root when the tap
 * opens, whenever the live registry's content changes (checked at most once a second, before copying), and when it closes, so
 * the archive names every market its events carry. A name or id that means different things in the two registries
 * stops the tap with one line naming both ids ({@link chronicle.bus.api.ConfigException}).
 *
 * <p>The archive is written with the archive profile ({@link QueueOptions#archive()}: synced on roll, dense index
 * flushed at once) unless other options are given. <b>Not thread-safe: one thread runs the tap.</b>
 */
public final class ArchiveTap implements AutoCloseable {

    /** Where a tap with an empty archive starts. */
    public enum Start {
        /** the oldest record of the live queue. */
        EARLIEST,
        /** only records appended from now on. */
        LATEST,
        /** the tap reader's last committed live position (earliest if it never committed). */
        RESUME
    }

    /** The live queue's named reader of the tap. */
    public static final String DEFAULT_READER = "archive-tap";

    private static final long REGISTRY_CHECK_NANOS = 1_000_000_000L;

    private static final System.Logger LOG = System.getLogger(ArchiveTap.class.getName());

    private final Path live;
    private final Path archive;
    private final ChronicleQueue liveQueue;
    private final ChronicleQueue archiveQueue;
    private final QueueReader reader;
    private final QueueWriter writer;
    private final RecordHandler copy = this::copy;
    private final boolean debug = LOG.isLoggable(Level.DEBUG);
    private final Lease writerLease;
    private final Lease readerLease;
    private final ErrorHandler errors;
    private final Path liveRoot;
    private final Path archiveRoot;
    private long copied;
    private String failure;
    private long nextRegistryCheck;
    private byte[] registrySeen;

    /**
     * Opens both queues and positions the tap.
     *
     * @param live           the live queue (must exist).
     * @param archive        the archive queue (created if absent).
     * @param start          where to start when the archive is empty; otherwise the tap resumes at the archive's tail.
     * @param archiveOptions how the archive is written; its error handler also receives the tap's own background
     *                       errors (a queue or lease that fails to close).
     * @param readerName     the tap's named reader on the live queue.
     * @param discovery      where to publish leases, or null.
     * @throws QueueException if a queue cannot be opened or the archive cannot continue the live stream.
     */
    public ArchiveTap(Path live, Path archive, Start start, QueueOptions archiveOptions, String readerName,
                      Discovery discovery) {
        this.live = live;
        this.archive = archive;
        this.errors = archiveOptions.errorHandler();
        this.liveRoot = MarketRegistry.rootOf(live);
        this.archiveRoot = MarketRegistry.rootOf(archive);
        this.liveQueue = ChronicleQueue.openExisting(live);
        ChronicleQueue archiveQ = null;
        QueueReader r = null;
        QueueWriter w = null;
        try {
            archiveQ = ChronicleQueue.open(archive, archiveOptions);
            w = archiveQ.createWriter();
            LOG.log(Level.INFO, "archive-tap: opened live queue {0}", live);
            LOG.log(Level.INFO, "archive-tap: opened archive queue {0}", archive);
            if (w.isEmpty()) {
                r = liveQueue.createNamedReader(readerName, switch (start) {
                    case EARLIEST -> StartPosition.earliest();
                    case LATEST -> StartPosition.latest();
                    case RESUME -> StartPosition.lastCommitted();
                });
                w.startSequenceAt(r.nextSequence());
                LOG.log(Level.INFO, "archive-tap: empty archive, starting at live sequence {0} ({1})",
                        String.valueOf(r.nextSequence()), start);
            } else {
                long next = w.nextSequence();
                r = liveQueue.createNamedReader(readerName, StartPosition.sequence(next));
                if (r.nextSequence() != next) {
                    throw new QueueException(r.nextSequence() > next
                            ? live + ": no longer holds sequence " + next + ", the archive's next record (deleted "
                            + "by retention before the tap copied it); the archive cannot continue without a gap: "
                            + "tap into a new archive queue"
                            : archive + ": is ahead of the live queue (archive next " + next + ", live tail "
                            + r.nextSequence() + "): was the live queue recreated? tap into a new archive queue");
                }
                LOG.log(Level.INFO, "archive-tap: resuming at live sequence {0}", String.valueOf(next));
            }
            r.commit();
            carryRegistry();
        } catch (RuntimeException e) {
            closeQuietly(r);
            closeQuietly(w);
            closeQuietly(archiveQ);
            liveQueue.close();
            throw e;
        }
        this.archiveQueue = archiveQ;
        this.reader = r;
        this.writer = w;
        this.writerLease = discovery == null ? null : discovery.publishWriter(archive, "archive-tap");
        this.readerLease = discovery == null ? null : discovery.registerReader(live, readerName);
        if (writerLease != null) {
            writerLease.markReady();
        }
    }

    /**
     * A tap with the archive profile and the default reader name.
     *
     * @param live    the live queue.
     * @param archive the archive queue.
     * @param start   where to start when the archive is empty.
     */
    public ArchiveTap(Path live, Path archive, Start start) {
        this(live, archive, start, QueueOptions.archive(), DEFAULT_READER, null);
    }

    /**
     * Copies up to {@code limit} records and commits the tap's live position.
     *
     * @param limit most records to copy.
     * @return records copied.
     * @throws QueueException if a record cannot be appended or the live queue is corrupt.
     */
    public int poll(int limit) {
        long now = System.nanoTime();
        if (now - nextRegistryCheck >= 0) {
            nextRegistryCheck = now + REGISTRY_CHECK_NANOS;
            if (!Arrays.equals(liveRegistry(), registrySeen)) {
                carryRegistry();
            }
        }
        int n = reader.poll(copy, limit);
        if (failure != null) {
            throw new QueueException(failure);
        }
        if (n < 0) {
            throw new QueueException(live + ": " + reader.lastError());
        }
        if (n > 0) {
            reader.commit();
        }
        return n;
    }

    /**
     * Runs until told to stop, idling with the given strategy when there is nothing to copy.
     *
     * @param running checked between polls.
     * @param idle    how to wait.
     */
    public void run(BooleanSupplier running, IdleStrategy idle) {
        while (running.getAsBoolean()) {
            idle.idle(poll(1024));
        }
    }

    private void copy(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (failure != null) {
            return;
        }
        long appended = writer.append(type, timestamp, buffer, offset, length);
        if (appended != sequence) {
            failure = archive + ": appending live record " + sequence + " returned " + appended
                    + (appended < 0 ? " (status code)" : " (sequence out of step)");
            return;
        }
        copied++;
        if (debug) {
            LOG.log(Level.DEBUG, "archive-tap: appended type=0x{0} bytes={1} seq={2}", Integer.toHexString(type),
                    String.valueOf(length), String.valueOf(sequence));
        }
    }

    /**
     * Merges the live root's registry into the archive root's now (the tap also does it by itself, see above).
     *
     * @throws chronicle.bus.api.ConfigException naming both ids if a name or an id means different things in the two.
     */
    public void carryRegistry() {
        if (liveRoot.equals(archiveRoot)) {
            return;
        }
        byte[] seen = liveRegistry();
        MarketRegistry source = MarketRegistry.open(liveRoot);
        MarketRegistry.open(archiveRoot).mergeFrom(source);
        registrySeen = seen;
    }

    /** The live registry's bytes (a small file, read at most once a second): what changed is what counts. */
    private byte[] liveRegistry() {
        try {
            return Files.readAllBytes(liveRoot.resolve(MarketRegistry.FILE_NAME));
        } catch (IOException e) {
            return new byte[0]; // no registry (yet)
        }
    }

    /** @return the live reader, for waiting on new records ({@link QueueReader#await}). */
    public QueueReader liveReader() {
        return reader;
    }

    /** @return records copied by this tap since it opened. */
    public long copied() {
        return copied;
    }

    /** @return the live sequence the tap copies next. */
    public long nextSequence() {
        return writer.nextSequence();
    }

    @Override
    public void close() {
        try {
            reader.commit();
        } finally {
            try {
                carryRegistry();
            } catch (RuntimeException e) {
                errors.onError(e);
            }
            closeQuietly(readerLease);
            closeQuietly(writerLease);
            closeQuietly(reader);
            closeQuietly(writer);
            closeQuietly(archiveQueue);
            closeQuietly(liveQueue);
        }
    }

    /** Closes what the tap holds; a failure goes to the error handler whole, and the rest is still closed. */
    private void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                errors.onError(new QueueException("archive-tap " + live + " -> " + archive + ": closing " + c, e));
            }
        }
    }
}
