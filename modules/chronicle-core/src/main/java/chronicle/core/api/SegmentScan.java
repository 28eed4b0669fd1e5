package chronicle.core.api;

import chronicle.core.internal.journal.ControlFile;
import chronicle.core.internal.journal.ControlLayout;
import chronicle.core.internal.journal.MappedFile;
import chronicle.core.internal.journal.SeekIndex;
import chronicle.core.internal.journal.SegmentLayout;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Helpers of the tools ({@link QueueInspector}, {@link QueueVerifier}): checking that a directory is a queue,
 * mapping a segment read-only, and a fast walk (no CRC) from a segment's newest valid index entry to its tail.
 */
final class SegmentScan {

    private SegmentScan() {
    }

    /**
     * What the control file says.
     *
     * @param segmentSize  bytes per segment.
     * @param rollDaily    whether segments roll at UTC midnight.
     * @param createdNanos creation time.
     */
    record Control(long segmentSize, boolean rollDaily, long createdNanos) {
    }

    /**
     * The end of a segment's records.
     *
     * @param records        records in the segment.
     * @param firstTimestamp timestamp of the first record, or Long.MIN_VALUE.
     * @param maxTimestamp   largest timestamp, or Long.MIN_VALUE.
     * @param lastTimestamp  timestamp of the last record, or Long.MIN_VALUE.
     * @param end            offset after the last record.
     * @param ended          an end-of-segment marker is there: the writer has moved on to the next segment.
     */
    record Tail(long records, long firstTimestamp, long maxTimestamp, long lastTimestamp, int end, boolean ended) {
    }

    /**
     * Checks that a directory is a queue of a supported version.
     *
     * @param dir the directory.
     * @return its control file's fields.
     * @throws QueueException naming the path if it is missing or not a queue.
     */
    static Control control(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new QueueException(dir + (Files.exists(dir) ? ": not a directory, so not a queue"
                    : ": no such queue directory"));
        }
        try (ControlFile control = ControlFile.open(dir, false, 0, false)) {
            boolean daily = (control.buffer().getInt(ControlLayout.FLAGS_OFFSET) & ControlLayout.FLAG_ROLL_DAILY) != 0;
            return new Control(control.segmentSize(), daily, control.createdNanos());
        }
    }

    /**
     * @param path a segment file.
     * @return it, mapped read-only.
     * @throws QueueException if it cannot be mapped.
     */
    static MappedFile map(Path path) {
        try {
            return MappedFile.mapInUse(path);
        } catch (IOException e) {
            throw new QueueException(path + ": cannot map segment: " + e.getMessage(), e);
        }
    }

    /**
     * Walks from the newest index entry that points at its record to the tail, without checking CRCs.
     *
     * @param buffer the segment mapping.
     * @param base   the segment's base sequence.
     * @param index  its seek index.
     * @return where the records end.
     */
    static Tail tail(UnsafeBuffer buffer, long base, SeekIndex index) {
        int entry = index.size() - 1;
        while (entry >= 0 && recordSequence(buffer, base, index.offsets()[entry]) != index.sequences()[entry]) {
            entry--;
        }
        int at = entry < 0 ? SegmentLayout.HEADER_SIZE : (int) index.offsets()[entry];
        long seq = entry < 0 ? base : index.sequences()[entry];
        long max = entry < 0 ? Long.MIN_VALUE : index.maxTimestamps()[entry];
        long last = Long.MIN_VALUE;
        while (recordSequence(buffer, base, at) == seq) {
            long ts = buffer.getLong(at + SegmentLayout.R_TIMESTAMP);
            max = Math.max(max, ts);
            last = ts;
            at += SegmentLayout.aligned(buffer.getIntVolatile(at));
            seq++;
        }
        long records = seq - base;
        long first = records > 0 ? buffer.getLong(SegmentLayout.HEADER_SIZE + SegmentLayout.R_TIMESTAMP)
                : Long.MIN_VALUE;
        boolean ended = at + Integer.BYTES <= buffer.capacity()
                && buffer.getIntVolatile(at) == SegmentLayout.END_OF_SEGMENT;
        return new Tail(records, first, max, last, at, ended);
    }

    /**
     * @return the sequence of the whole record at {@code offset}, or -1 if there is none (no record, a marker,
     * a length that does not fit, or a misaligned offset).
     */
    static long recordSequence(UnsafeBuffer buffer, long base, long offset) {
        if (offset < SegmentLayout.HEADER_SIZE || (offset & 7) != 0
                || offset + SegmentLayout.RECORD_HEADER > buffer.capacity()) {
            return -1;
        }
        int at = (int) offset;
        int length = buffer.getIntVolatile(at);
        if (length < SegmentLayout.RECORD_HEADER || at + ((length + 7L) & ~7L) > buffer.capacity()) {
            return -1;
        }
        return base + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA));
    }
}
