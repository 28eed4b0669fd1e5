package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The mapped control file of a queue (see {@link ControlLayout}): identity, shape and the futex word.
 *
 * <p>Thread-safe: shared by the writer and all readers of one process; every field they change is atomic.
 */
public final class ControlFile implements AutoCloseable {

    private final MappedFile mapped;
    private final UnsafeBuffer buffer;
    private final boolean writable;

    private ControlFile(MappedFile mapped, boolean writable) {
        this.mapped = mapped;
        this.buffer = mapped.buffer();
        this.writable = writable;
    }

    /**
     * Opens the control file of a queue, creating the queue directory and file if {@code create} is set.
     *
     * @param dir         the queue directory.
     * @param create      create a new queue when there is none.
     * @param segmentSize recorded at creation.
     * @param rollDaily   recorded at creation.
     * @return the mapped control file.
     * @throws QueueException if the directory is not a queue (and {@code create} is false), or has a foreign or
     *                        newer control file.
     */
    public static ControlFile open(Path dir, boolean create, int segmentSize, boolean rollDaily) {
        Path file = dir.resolve(ControlLayout.FILE_NAME);
        try {
            if (!Files.exists(file)) {
                if (!create) {
                    throw new QueueException(dir + ": not a Chronicle queue (no " + ControlLayout.FILE_NAME
                            + "); check the path");
                }
                createFile(dir, file, segmentSize, rollDaily);
            }
            if (Files.size(file) < ControlLayout.FILE_SIZE) {
                throw new QueueException(file + ": truncated control file (" + Files.size(file) + " bytes, expected "
                        + ControlLayout.FILE_SIZE + ")");
            }
            ControlFile control = mapWritableOrNot(file, create);
            control.check(file);
            return control;
        } catch (NoSuchFileException e) {
            throw new QueueException(dir + ": not a Chronicle queue (no " + ControlLayout.FILE_NAME + ")", e);
        } catch (IOException e) {
            throw new QueueException(file + ": cannot open control file: " + e.getMessage(), e);
        }
    }

    /**
     * Maps the file read-write; a reader of a queue on read-only media (an archive on a read-only mount) gets a
     * read-only mapping and waits by polling instead of the futex.
     */
    private static ControlFile mapWritableOrNot(Path file, boolean mustWrite) throws IOException {
        try {
            return new ControlFile(MappedFile.map(file, true), true);
        } catch (java.nio.file.FileSystemException e) {
            if (mustWrite) {
                throw e;
            }
            return new ControlFile(MappedFile.map(file, false), false);
        }
    }

    private static void createFile(Path dir, Path file, int segmentSize, boolean rollDaily) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ControlLayout.FILE_NAME, ".tmp");
        try {
            byte[] bytes = new byte[ControlLayout.FILE_SIZE];
            UnsafeBuffer header = new UnsafeBuffer(bytes);
            header.putLong(ControlLayout.MAGIC_OFFSET, ControlLayout.MAGIC);
            header.putInt(ControlLayout.VERSION_OFFSET, ControlLayout.VERSION);
            header.putInt(ControlLayout.FLAGS_OFFSET, rollDaily ? ControlLayout.FLAG_ROLL_DAILY : 0);
            header.putLong(ControlLayout.SEGMENT_SIZE_OFFSET, segmentSize);
            header.putLong(ControlLayout.CREATED_OFFSET, System.currentTimeMillis() * 1_000_000L);
            Files.write(tmp, bytes);
            try {
                Files.createLink(file, tmp); // atomic, and fails if another process created the queue first
            } catch (FileAlreadyExistsException raced) {
                // the other process's file wins; both describe the same queue
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void check(Path file) {
        long magic = buffer.getLong(ControlLayout.MAGIC_OFFSET);
        if (magic != ControlLayout.MAGIC) {
            close();
            throw new QueueException(file + ": not a Chronicle queue control file (bad magic 0x"
                    + Long.toHexString(magic) + ")");
        }
        int version = buffer.getInt(ControlLayout.VERSION_OFFSET);
        if (version != ControlLayout.VERSION) {
            close();
            throw new QueueException(file + ": queue format version " + version + " is not supported (this build "
                    + "reads version " + ControlLayout.VERSION + "); use a matching Chronicle version");
        }
    }

    /** @return whether this process may write the control file (false on read-only media: no futex waiting). */
    public boolean writable() {
        return writable;
    }

    /** @return segment size recorded at creation. */
    public long segmentSize() {
        return buffer.getLong(ControlLayout.SEGMENT_SIZE_OFFSET);
    }

    /** @return creation time, epoch nanoseconds. */
    public long createdNanos() {
        return buffer.getLong(ControlLayout.CREATED_OFFSET);
    }

    /** @return the mapping, for futex and waiter counts. */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** @return the address of the futex word. */
    public long futexAddress() {
        return mapped.address() + ControlLayout.FUTEX_OFFSET;
    }

    /**
     * Wakes parked readers if any are parked. Called by the writer after each commit; costs one volatile read
     * when nobody sleeps.
     */
    public void wakeReaders() {
        if (buffer.getIntVolatile(ControlLayout.WAITERS_OFFSET) > 0) {
            buffer.getAndAddInt(ControlLayout.FUTEX_OFFSET, 1);
            NativeIO.futexWakeAll(futexAddress());
        }
    }

    @Override
    public void close() {
        mapped.close();
    }
}
