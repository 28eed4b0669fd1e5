package chronicle.core.api;

import chronicle.core.internal.journal.ControlFile;
import chronicle.core.internal.journal.ReaderPositionFile;
import chronicle.core.internal.journal.Retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A persisted, memory-mapped journal: one {@link QueueWriter}, any number of {@link QueueReader}s in any thread or
 * process, records that survive the writer's crash. The entry point for opening queues.
 *
 * <pre>{@code
 * try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.hotIpc());
 *      QueueWriter writer = queue.createWriter()) {
 *     long seq = writer.append(TYPE, System.currentTimeMillis() * 1_000_000L, payload);
 * }
 * try (ChronicleQueue queue = ChronicleQueue.openExisting(dir);
 *      QueueReader reader = queue.createNamedReader("strategy-1", StartPosition.lastCommitted())) {
 *     reader.poll((type, seq, ts, buffer, offset, length) -> ..., 100);
 *     reader.commit();
 * }
 * }</pre>
 * On-disk layouts: docs/FORMATS.md. <b>Thread safety:</b> a queue object may be shared; each writer and reader it
 * creates belongs to one thread. Close writers and readers before the queue.
 */
public final class ChronicleQueue implements AutoCloseable {

    private final Path dir;
    private final QueueOptions options;
    private final ControlFile control;

    private ChronicleQueue(Path dir, QueueOptions options, ControlFile control) {
        this.dir = dir;
        this.options = options;
        this.control = control;
    }

    /**
     * Opens a queue, creating the directory and the queue if there is none.
     *
     * @param dir     the queue directory.
     * @param options how writers created here lay out and protect the queue.
     * @return the queue.
     * @throws QueueException if the directory holds something that is not a queue of a supported version.
     */
    public static ChronicleQueue open(Path dir, QueueOptions options) {
        return new ChronicleQueue(dir, options, ControlFile.open(dir, true, options.segmentSize(),
                options.rollDaily()));
    }

    /**
     * Opens an existing queue (for readers and tools), with the hot IPC options for any writer created from it.
     *
     * @param dir the queue directory.
     * @return the queue.
     * @throws QueueException naming the path if it is not a queue.
     */
    public static ChronicleQueue openExisting(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new QueueException(dir + ": no such queue directory");
        }
        return new ChronicleQueue(dir, QueueOptions.hotIpc(), ControlFile.open(dir, false, 0, false));
    }

    /**
     * @param dir a directory.
     * @return whether it holds a queue.
     */
    public static boolean isQueue(Path dir) {
        return Files.isRegularFile(dir.resolve("queue.ctl"));
    }

    /**
     * Takes the queue's writer lock and recovers the tail. One writer per queue, across processes.
     *
     * @return the writer.
     * @throws QueueException if a live writer holds the lock.
     */
    public QueueWriter createWriter() {
        return new QueueWriter(dir, options, control);
    }

    /**
     * An anonymous reader: saves no position and does not hold back retention.
     *
     * @param start where to start.
     * @return the reader.
     */
    public QueueReader createReader(StartPosition start) {
        return new QueueReader(dir, control, null, start);
    }

    /**
     * A named reader: registered for retention, its position saved by {@link QueueReader#commit()}.
     *
     * @param name  letters, digits, '.', '-', '_'.
     * @param start where to start; {@link StartPosition#lastCommitted()} resumes.
     * @return the reader.
     */
    public QueueReader createNamedReader(String name, StartPosition start) {
        return new QueueReader(dir, control, name, start);
    }

    /**
     * Unregisters a named reader: its saved position is deleted and it no longer holds back retention.
     *
     * @param name the reader's name.
     * @return true if it was registered.
     */
    public boolean removeReader(String name) {
        try {
            return Files.deleteIfExists(ReaderPositionFile.path(dir, name));
        } catch (IOException e) {
            throw new QueueException(dir + ": cannot remove reader " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs retention now with this queue's policy (writers also run it at every roll).
     *
     * @return the segments deleted, as paths.
     */
    public java.util.List<Path> applyRetention() {
        return Retention.apply(dir, options.retention(), -1).deleted();
    }

    /** @return the queue directory. */
    public Path directory() {
        return dir;
    }

    /** @return the options writers created here use. */
    public QueueOptions options() {
        return options;
    }

    @Override
    public void close() {
        control.close();
    }
}
