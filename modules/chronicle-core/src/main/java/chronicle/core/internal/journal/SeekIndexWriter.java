package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The writer's side of a segment's seek index (see {@link IndexLayout}): entries gather in a preallocated buffer
 * and are appended to the file when the index policy says so, always when the segment is sealed.
 *
 * <p>Two steps, so that a roll makes no file-system call: {@link #prepare} (or {@link #open} for an existing file)
 * creates the file and the buffers, off the writer's thread for the next segment; the header is written in place
 * once the segment's base sequence is known ({@link #start}, or {@link #writeHeader} by the helper thread just after
 * a roll). Until then the header is zero and readers find no entries (a seek then walks from the segment's start).
 *
 * <p>Not thread-safe: owned by the writer thread once started. Allocation-free after construction.
 */
public final class SeekIndexWriter implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer pending;
    private final ByteBuffer header = ByteBuffer.allocateDirect(IndexLayout.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private final int flushEveryEntries;
    private final long flushIntervalNanos;
    private long fileLength;
    private long lastFlushNanos = System.nanoTime();

    private SeekIndexWriter(Path path, FileChannel channel, long fileLength, int flushEveryEntries,
                            long flushIntervalNanos) {
        this.path = path;
        this.channel = channel;
        this.fileLength = fileLength;
        this.flushEveryEntries = Math.max(1, flushEveryEntries);
        this.flushIntervalNanos = flushIntervalNanos;
        this.pending = ByteBuffer.allocateDirect(this.flushEveryEntries * IndexLayout.ENTRY_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Creates (or empties) the index file of a new segment, with a header of zeros.
     *
     * @param path               the index file.
     * @param flushEveryEntries  write to the file when this many entries are pending.
     * @param flushIntervalNanos or when an entry is added this long after the last write.
     * @return the writer, to be {@link #start started} when its segment is published.
     */
    public static SeekIndexWriter prepare(Path path, int flushEveryEntries, long flushIntervalNanos) {
        FileChannel channel = openChannel(path);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.allocate(IndexLayout.HEADER_SIZE), 0);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new QueueException(path + ": cannot create seek index: " + e.getMessage(), e);
        }
        return new SeekIndexWriter(path, channel, IndexLayout.HEADER_SIZE, flushEveryEntries, flushIntervalNanos);
    }

    /**
     * Opens (or creates) the index file of an existing segment, keeping its entries until {@link #start} says how
     * many are valid.
     *
     * @param path               the index file.
     * @param flushEveryEntries  write to the file when this many entries are pending.
     * @param flushIntervalNanos or when an entry is added this long after the last write.
     * @return the writer, to be {@link #start started}.
     */
    public static SeekIndexWriter open(Path path, int flushEveryEntries, long flushIntervalNanos) {
        FileChannel channel = openChannel(path);
        try {
            return new SeekIndexWriter(path, channel, channel.size(), flushEveryEntries, flushIntervalNanos);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new QueueException(path + ": cannot open seek index: " + e.getMessage(), e);
        }
    }

    private static FileChannel openChannel(Path path) {
        try {
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new QueueException(path + ": cannot open seek index: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the header of an index whose header is still zero: the helper thread writes a new segment's index
     * header just after the roll, and a writer that died in between leaves it zero. The entries after it were
     * written by the writer and stay. Nothing happens to a missing index or one that has its header.
     *
     * @param path         the index file.
     * @param segmentIndex its segment's number.
     * @param baseSequence its segment's base sequence.
     * @param interval     records between two entries.
     * @return true if it wrote the header.
     */
    public static boolean repairHeader(Path path, long segmentIndex, long baseSequence, int interval) {
        if (!Files.exists(path)) {
            return false;
        }
        SeekIndexWriter index = open(path, 1, Long.MAX_VALUE);
        try {
            ByteBuffer magic = ByteBuffer.allocate(Long.BYTES);
            index.channel.read(magic, 0);
            if (magic.position() < Long.BYTES || magic.getLong(0) != 0) {
                return false;
            }
            index.writeHeader(segmentIndex, baseSequence, interval);
            return true;
        } catch (IOException e) {
            throw new QueueException(path + ": cannot read seek index header: " + e.getMessage(), e);
        } finally {
            closeQuietly(index.channel);
        }
    }

    /**
     * Writes the header in place and cuts the file back to {@code keepEntries} entries if it holds more. On the
     * writer's thread, before any entry is added.
     *
     * @param segmentIndex the segment number.
     * @param baseSequence the segment's base sequence.
     * @param interval     records between two entries.
     * @param keepEntries  entries of an existing file known to be valid (0 for a new segment).
     */
    public void start(long segmentIndex, long baseSequence, int interval, long keepEntries) {
        writeHeader(segmentIndex, baseSequence, interval);
        long keep = IndexLayout.HEADER_SIZE + keepEntries * IndexLayout.ENTRY_SIZE;
        pending.clear();
        if (fileLength != keep) {
            try {
                channel.truncate(keep);
            } catch (IOException e) {
                throw new QueueException(path + ": cannot cut back seek index: " + e.getMessage(), e);
            }
            fileLength = keep;
        }
    }

    /**
     * Writes the header of a {@link #prepare prepared} index in place: one small write into a page that is there
     * already. Safe on another thread than the one adding entries (the writer's helper does it after a roll): it
     * touches only the first {@link IndexLayout#HEADER_SIZE} bytes, entries go after them.
     *
     * @param segmentIndex the segment number.
     * @param baseSequence the segment's base sequence.
     * @param interval     records between two entries.
     */
    public void writeHeader(long segmentIndex, long baseSequence, int interval) {
        header.clear();
        header.putLong(IndexLayout.MAGIC).putInt(IndexLayout.VERSION).putInt(interval)
                .putLong(segmentIndex).putLong(baseSequence).putLong(0).putLong(0).putLong(0).putLong(0).flip();
        try {
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
        } catch (IOException e) {
            throw new QueueException(path + ": cannot write seek index header: " + e.getMessage(), e);
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

    /** Writes pending entries and closes the file. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            closeQuietly(channel);
        }
    }

    /** Closes the file and deletes it (a prepared index whose segment was never published). */
    public void discard() {
        closeQuietly(channel);
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // an empty index file is harmless: readers ignore a zero header
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to lose
        }
    }
}
