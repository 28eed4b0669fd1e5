package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.nio.file.StandardOpenOption;

/**
 * The header of one segment file, as read from disk (see {@link SegmentLayout}).
 *
 * @param path           the segment file.
 * @param version        its format version.
 * @param index          the segment number.
 * @param baseSequence   sequence of its first record.
 * @param size           file length.
 * @param createdNanos   creation time, epoch nanoseconds.
 * @param sealed         whether the writer finished it.
 * @param recordCount    records in it (sealed segments only).
 * @param dataEnd        offset after its last record (sealed only).
 * @param firstTimestamp timestamp of its first record (sealed only).
 * @param maxTimestamp   largest record timestamp (sealed only).
 */
public record SegmentHeader(Path path, int version, long index, long baseSequence, long size, long createdNanos, boolean sealed,
                            long recordCount, long dataEnd, long firstTimestamp, long maxTimestamp) {

    /**
     * Reads and checks a segment header.
     *
     * @param path the segment file.
     * @return its header.
     * @throws QueueException naming the file if it is not a segment or has an unknown version.
     */
    public static SegmentHeader read(Path path) {
        return readIfExists(path).orElseThrow(() -> new QueueException(path + ": no such segment"));
    }

    /**
     * Reads a segment header, or nothing if the file is gone (retention may delete segments at any time).
     *
     * @param path the segment file.
     * @return its header, or empty if the file does not exist.
     * @throws QueueException naming the file if it is not a segment or has an unknown version.
     */
    public static Optional<SegmentHeader> readIfExists(Path path) {
        ByteBuffer bytes = ByteBuffer.allocate(SegmentLayout.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read the whole header
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new QueueException(path + ": cannot read segment header: " + e.getMessage(), e);
        }
        try {
            if (bytes.position() < SegmentLayout.HEADER_SIZE) {
                throw new QueueException(path + ": not a segment (shorter than its " + SegmentLayout.HEADER_SIZE
                        + "-byte header)");
            }
            return Optional.of(of(path, new UnsafeBuffer(bytes.array())));
        } catch (QueueException e) {
            // The file may have been taken for reuse between the open and the read (a writer's segment recycling
            // renames it away before it zeroes the header): then it is gone, not bad.
            if (Files.notExists(path)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Decodes a header from a buffer that starts with one.
     *
     * @param path   the file, for messages.
     * @param buffer the first bytes of the file.
     * @return the header.
     */
    public static SegmentHeader of(Path path, UnsafeBuffer buffer) {
        long magic = buffer.getLong(SegmentLayout.MAGIC_OFFSET);
        if (magic != SegmentLayout.MAGIC) {
            throw new QueueException(path + ": not a Chronicle segment (bad magic 0x" + Long.toHexString(magic) + ")");
        }
        int version = buffer.getInt(SegmentLayout.VERSION_OFFSET);
        if (version != SegmentLayout.VERSION && version != SegmentLayout.VERSION_UNSALTED) {
            throw new QueueException(path + ": segment format version " + version + " is not supported (this build "
                    + "reads versions " + SegmentLayout.VERSION_UNSALTED + " to " + SegmentLayout.VERSION
                    + "); use a matching Chronicle version");
        }
        long index = buffer.getLong(SegmentLayout.INDEX_OFFSET);
        long named = SegmentFiles.numberOf(path);
        if (named >= 0 && named != index) {
            throw new QueueException(path + ": its header is segment " + index + "'s, not this file's (a reused "
                    + "file whose new header was lost, e.g. to a power failure); move the file out of the queue");
        }
        return new SegmentHeader(path, version, index,
                buffer.getLong(SegmentLayout.BASE_SEQUENCE_OFFSET), buffer.getLong(SegmentLayout.SIZE_OFFSET),
                buffer.getLong(SegmentLayout.CREATED_OFFSET),
                (buffer.getIntVolatile(SegmentLayout.FLAGS_OFFSET) & SegmentLayout.FLAG_SEALED) != 0,
                buffer.getLong(SegmentLayout.RECORD_COUNT_OFFSET), buffer.getLong(SegmentLayout.DATA_END_OFFSET),
                buffer.getLong(SegmentLayout.FIRST_TIMESTAMP_OFFSET), buffer.getLong(SegmentLayout.MAX_TIMESTAMP_OFFSET));
    }

    /** @return the salt of this segment's record checksums ({@link SegmentLayout#crcSalt}). */
    public int crcSalt() {
        return SegmentLayout.crcSalt(index, version);
    }
}
