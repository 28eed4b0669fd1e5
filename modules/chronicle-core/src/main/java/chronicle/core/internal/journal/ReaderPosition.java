package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A named reader's saved position (see {@link ReaderPositionLayout}).
 *
 * @param name         the reader's name.
 * @param generation   how many times it was written.
 * @param segment      segment number of the next record to read.
 * @param offset       offset of that record in the segment.
 * @param nextSequence sequence of that record.
 * @param heartbeatMillis epoch milliseconds of the last commit or heartbeat.
 * @param pid          process that wrote it last.
 */
public record ReaderPosition(String name, long generation, long segment, long offset, long nextSequence,
                             long heartbeatMillis, long pid) {

    /**
     * Reads a position file: the valid slot with the higher generation.
     *
     * @param file the {@code .pos} file.
     * @return the position, or empty if the file is missing or neither slot is valid.
     */
    public static Optional<ReaderPosition> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new QueueException(file + ": cannot read reader position: " + e.getMessage(), e);
        }
        if (bytes.length < ReaderPositionLayout.FILE_SIZE) {
            return Optional.empty();
        }
        String name = file.getFileName().toString().replace(ReaderPositionLayout.SUFFIX, "");
        UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return best(name, buffer, view, new Crc());
    }

    static Optional<ReaderPosition> best(String name, UnsafeBuffer buffer, ByteBuffer view, Crc crc) {
        ReaderPosition best = null;
        for (int slot = 0; slot < 2; slot++) {
            int base = slot * ReaderPositionLayout.SLOT_SIZE;
            if (buffer.getInt(base + ReaderPositionLayout.MAGIC_OFFSET) != ReaderPositionLayout.MAGIC
                    || buffer.getInt(base + ReaderPositionLayout.CRC_OFFSET)
                    != crc.ofRange(view, base, base + ReaderPositionLayout.CRC_OFFSET)) {
                continue;
            }
            ReaderPosition p = new ReaderPosition(name,
                    buffer.getLong(base + ReaderPositionLayout.GENERATION_OFFSET),
                    buffer.getLong(base + ReaderPositionLayout.SEGMENT_OFFSET),
                    buffer.getLong(base + ReaderPositionLayout.POSITION_OFFSET),
                    buffer.getLong(base + ReaderPositionLayout.SEQUENCE_OFFSET),
                    buffer.getLong(base + ReaderPositionLayout.HEARTBEAT_OFFSET),
                    buffer.getLong(base + ReaderPositionLayout.PID_OFFSET));
            if (best == null || p.generation() > best.generation()) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }
}
