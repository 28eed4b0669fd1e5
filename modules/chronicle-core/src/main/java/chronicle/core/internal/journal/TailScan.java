package chronicle.core.internal.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Walks the records of a segment from a known-good record to the first one that is missing or bad.
 *
 * <p>Used by writer recovery (to find the true tail), by readers starting at the latest record, and by
 * {@code chronicle verify}. A record is good when its length fits the segment, its sequence is the next one
 * expected, and (when asked) its CRC matches.
 *
 * @param end          offset after the last good record: the tail.
 * @param nextSequence sequence the next record must have.
 * @param records      good records walked.
 * @param maxTimestamp largest timestamp walked (Long.MIN_VALUE if none).
 * @param stop         why the walk ended.
 * @param detail       for a bad record, what was wrong.
 */
public record TailScan(int end, long nextSequence, long records, long maxTimestamp, Stop stop, String detail) {

    /** Why a walk ended. */
    public enum Stop {
        /** a zero length word: nothing written after the tail. */
        EMPTY,
        /** the end-of-segment marker. */
        END_MARKER,
        /** the end of the file. */
        END_OF_FILE,
        /** a record that is not whole or not valid: torn by a crash, or corrupted. */
        BAD_RECORD
    }

    /**
     * @param buffer       the segment mapping.
     * @param view         the same mapping as a byte buffer (for CRCs).
     * @param crc          a checksum helper.
     * @param from         offset of a good record (or of the first record).
     * @param sequence     the sequence of the record at {@code from}.
     * @param baseSequence the segment's base sequence.
     * @param checkCrc     whether to verify every record's CRC.
     * @return where and why the walk stopped.
     */
    public static TailScan walk(UnsafeBuffer buffer, ByteBuffer view, Crc crc, int from, long sequence,
                                long baseSequence, boolean checkCrc) {
        int at = from;
        long seq = sequence;
        long count = 0;
        long maxTs = Long.MIN_VALUE;
        int capacity = buffer.capacity();
        while (true) {
            if (at + Integer.BYTES > capacity) {
                return new TailScan(at, seq, count, maxTs, Stop.END_OF_FILE, "");
            }
            int length = buffer.getIntVolatile(at); // the end marker may sit in the last 8 bytes
            if (length == 0) {
                return new TailScan(at, seq, count, maxTs, Stop.EMPTY, "");
            }
            if (length == SegmentLayout.END_OF_SEGMENT) {
                return new TailScan(at, seq, count, maxTs, Stop.END_MARKER, "");
            }
            String bad = null;
            if (!SegmentLayout.fits(at, length, capacity)) {
                bad = "length " + length + " does not fit the segment";
            } else if (baseSequence + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA)) != seq) {
                bad = "sequence " + (baseSequence + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA)))
                        + " where " + seq + " was expected";
            } else if (checkCrc && !crc.matches(view, buffer, at, length)) {
                bad = "CRC32C mismatch (torn or corrupted record)";
            }
            if (bad != null) {
                return new TailScan(at, seq, count, maxTs, Stop.BAD_RECORD, bad);
            }
            maxTs = Math.max(maxTs, buffer.getLong(at + SegmentLayout.R_TIMESTAMP));
            at += SegmentLayout.aligned(length);
            seq++;
            count++;
        }
    }
}
