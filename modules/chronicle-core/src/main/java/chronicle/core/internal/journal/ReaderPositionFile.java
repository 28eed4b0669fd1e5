package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The writable, memory-mapped position file of one named reader. Each {@link #write} fills the slot the previous
 * write did not use, CRC last, so a crash in the middle of a write leaves the older slot valid.
 *
 * <p>Not thread-safe: owned by the reader's thread. Allocation-free.
 */
public final class ReaderPositionFile implements AutoCloseable {

    private final String name;
    private final MappedFile mapped;
    private final UnsafeBuffer buffer;
    private final Crc crc = new Crc();
    private final long pid = ProcessHandle.current().pid();
    private long generation;

    private ReaderPositionFile(String name, MappedFile mapped) {
        this.name = name;
        this.mapped = mapped;
        this.buffer = mapped.buffer();
        this.generation = ReaderPosition.best(name, buffer, mapped.byteBuffer(), crc)
                .map(ReaderPosition::generation).orElse(0L);
    }

    /**
     * Opens or creates the position file of a named reader.
     *
     * @param queueDir the queue directory.
     * @param name     the reader's name (letters, digits, '-', '_', '.').
     * @return the file, mapped.
     */
    public static ReaderPositionFile open(Path queueDir, String name) {
        Path file = path(queueDir, name);
        try {
            Files.createDirectories(file.getParent());
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                if (raf.length() < ReaderPositionLayout.FILE_SIZE) {
                    raf.setLength(ReaderPositionLayout.FILE_SIZE);
                }
            }
            return new ReaderPositionFile(name, MappedFile.map(file, true));
        } catch (IOException e) {
            throw new QueueException(file + ": cannot open reader position: " + e.getMessage(), e);
        }
    }

    /**
     * @param queueDir the queue directory.
     * @param name     a reader name.
     * @return where its position file lives.
     */
    public static Path path(Path queueDir, String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,100}") || name.startsWith(".")) {
            throw new QueueException("reader name '" + name + "' is not allowed: use 1-100 letters, digits, "
                    + "'.', '-' or '_', not starting with '.'");
        }
        return queueDir.resolve(ReaderPositionLayout.DIRECTORY).resolve(name + ReaderPositionLayout.SUFFIX);
    }

    /** @return the saved position, if any slot is valid. */
    public Optional<ReaderPosition> read() {
        return ReaderPosition.best(name, buffer, mapped.byteBuffer(), crc);
    }

    /**
     * Saves a position with the current time as heartbeat.
     *
     * @param segment      segment of the next record.
     * @param offset       its offset.
     * @param nextSequence its sequence.
     */
    public void write(long segment, long offset, long nextSequence) {
        write(segment, offset, nextSequence, System.currentTimeMillis(), pid);
    }

    /**
     * Saves a position with an explicit heartbeat and process id (tools and tests that describe other readers).
     *
     * @param segment         segment of the next record.
     * @param offset          its offset.
     * @param nextSequence    its sequence.
     * @param heartbeatMillis epoch milliseconds of the heartbeat.
     * @param processId       the reader's process.
     */
    public void write(long segment, long offset, long nextSequence, long heartbeatMillis, long processId) {
        generation++;
        int base = (int) (generation & 1) * ReaderPositionLayout.SLOT_SIZE;
        buffer.putInt(base + ReaderPositionLayout.CRC_OFFSET, 0); // invalidate first: a torn slot never passes
        buffer.putInt(base + ReaderPositionLayout.MAGIC_OFFSET, ReaderPositionLayout.MAGIC);
        buffer.putInt(base + ReaderPositionLayout.VERSION_OFFSET, ReaderPositionLayout.VERSION);
        buffer.putLong(base + ReaderPositionLayout.GENERATION_OFFSET, generation);
        buffer.putLong(base + ReaderPositionLayout.SEGMENT_OFFSET, segment);
        buffer.putLong(base + ReaderPositionLayout.POSITION_OFFSET, offset);
        buffer.putLong(base + ReaderPositionLayout.SEQUENCE_OFFSET, nextSequence);
        buffer.putLong(base + ReaderPositionLayout.HEARTBEAT_OFFSET, heartbeatMillis);
        buffer.putLong(base + ReaderPositionLayout.PID_OFFSET, processId);
        int sum = crc.ofRange(mapped.byteBuffer(), base, base + ReaderPositionLayout.CRC_OFFSET);
        buffer.putIntRelease(base + ReaderPositionLayout.CRC_OFFSET, sum);
    }

    /** Writes the file through to the device (for durable commits). */
    public void force() {
        NativeIO.msync(mapped.address(), ReaderPositionLayout.FILE_SIZE);
    }

    @Override
    public void close() {
        mapped.close();
    }
}
