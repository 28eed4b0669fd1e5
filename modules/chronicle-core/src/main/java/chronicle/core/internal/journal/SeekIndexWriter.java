package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The writer's side of a segment's seek index (see {@link IndexLayout}): entries gather in a preallocated buffer
 * and are appended to the file when the index policy says so, always when the segment is sealed.
 *
 * <p>Not thread-safe: owned by the writer thread. Allocation-free after construction.
 */
public final class SeekIndexWriter implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer pending;
    private final int flushEveryEntries;
    private final long flushIntervalNanos;
    private long fileLength;
    private long lastFlushNanos = System.nanoTime();

    /**
     * Opens (or creates) the index of a segment; an existing file is cut back to {@code keepEntries} entries.
     *
     * @param path               the index file.
     * @param segmentIndex       the segment number.
     * @param baseSequence       the segment's base sequence.
     * @param interval           records between two entries.
     * @param keepEntries        entries of an existing file known to be valid (0 for a new segment).
     * @param flushEveryEntries  write to the file when this many entries are pending.
     * @param flushIntervalNanos or when an entry is added this long after the last write.
     */
    public SeekIndexWriter(Path path, long segmentIndex, long baseSequence, int interval, long keepEntries,
                           int flushEveryEntries, long flushIntervalNanos) {
        this.path = path;
        this.flushEveryEntries = Math.max(1, flushEveryEntries);
        this.flushIntervalNanos = flushIntervalNanos;
        this.pending = ByteBuffer.allocateDirect(this.flushEveryEntries * IndexLayout.ENTRY_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN);
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            ByteBuffer header = ByteBuffer.allocate(IndexLayout.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            header.putLong(IndexLayout.MAGIC).putInt(IndexLayout.VERSION).putInt(interval)
                    .putLong(segmentIndex).putLong(baseSequence).clear();
            channel.write(header, 0);
            fileLength = IndexLayout.HEADER_SIZE + keepEntries * IndexLayout.ENTRY_SIZE;
            channel.truncate(fileLength);
        } catch (IOException e) {
            throw new QueueException(path + ": cannot open seek index: " + e.getMessage(), e);
        }
    }

    /**
     * Adds an entry, writing pending entries to the file if the policy says so.
     *
     * @param sequence     the record's sequence.
     * @param maxTimestamp the largest timestamp so far, up to this record.
     * @param offset       the record's offset in the segment.
     */
    public void add(long sequence, long maxTimestamp, long offset) {
        pending.putLong(sequence).putLong(maxTimestamp).putLong(offset);
        if (!pending.hasRemaining() || System.nanoTime() - lastFlushNanos >= flushIntervalNanos) {
            flush();
        }
    }

    /** Writes pending entries to the file (page cache). */
    public void flush() {
        if (pending.position() == 0) {
            return;
        }
        pending.flip();
        try {
            while (pending.hasRemaining()) {
                fileLength += channel.write(pending, fileLength);
            }
        } catch (IOException e) {
            throw new QueueException(path + ": cannot write seek index: " + e.getMessage(), e);
        } finally {
            pending.clear();
            lastFlushNanos = System.nanoTime();
        }
    }

    /** Writes the index through to the device. */
    public void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new QueueException(path + ": cannot sync seek index: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        flush();
        try {
            channel.close();
        } catch (IOException ignored) {
            // entries were written already
        }
    }
}
