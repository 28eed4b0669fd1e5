package chronicle.core.internal.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Finds the true tail of an unsealed segment left by a writer that stopped without sealing it (crash, kill -9,
 * power loss), using the seek index to avoid scanning the whole segment.
 */
public final class Recovery {

    private Recovery() {
    }

    /**
     * Where an unsealed segment's good records end.
     *
     * @param tail         offset after the last good record.
     * @param nextSequence sequence the next record gets.
     * @param records      good records in the segment.
     * @param firstTimestamp timestamp of the first record (Long.MIN_VALUE if none).
     * @param maxTimestamp largest timestamp (Long.MIN_VALUE if none).
     * @param indexEntries index entries that point at good records (the rest of the index file is dropped).
     * @param resumeOffset offset of the record of the last good index entry (or of the first record).
     * @param resumeSequence its sequence.
     * @param resumeMaxTimestamp the running maximum timestamp stored in that entry (Long.MIN_VALUE if none).
     * @param torn         what was discarded after the tail, or empty.
     * @param ended        the tail is an end-of-segment marker (the writer had moved on to the next segment).
     */
    public record Tail(int tail, long nextSequence, long records, long firstTimestamp, long maxTimestamp,
                       long indexEntries, int resumeOffset, long resumeSequence, long resumeMaxTimestamp,
                       String torn, boolean ended) {
    }

    /**
     * @param segment      the segment, mapped read-write.
     * @param header       its header.
     * @param index        its index as found on disk.
     * @return the tail; the caller zeroes what follows and seals or continues the segment.
     */
    public static Tail findTail(MappedFile segment, SegmentHeader header, SeekIndex index) {
        UnsafeBuffer buffer = segment.buffer();
        ByteBuffer view = segment.byteBuffer();
        Crc crc = new Crc();
        crc.salt(header.crcSalt());
        long base = header.baseSequence();
        // The newest index entry that points at a good record is the place to start.
        int entry = index.size() - 1;
        while (entry >= 0 && !pointsAtRecord(buffer, view, crc, index, entry, base)) {
            entry--;
        }
        int from = entry < 0 ? SegmentLayout.HEADER_SIZE : (int) index.offsets()[entry];
        long seq = entry < 0 ? base : index.sequences()[entry];
        long maxBefore = entry < 0 ? Long.MIN_VALUE : index.maxTimestamps()[entry];
        TailScan scan = TailScan.walk(buffer, view, crc, from, seq, base, true);
        long records = scan.nextSequence() - base;
        long first = records > 0 ? buffer.getLong(SegmentLayout.HEADER_SIZE + SegmentLayout.R_TIMESTAMP) : Long.MIN_VALUE;
        String torn = scan.stop() == TailScan.Stop.BAD_RECORD
                ? "discarded a bad record at offset " + scan.end() + ": " + scan.detail() : "";
        return new Tail(scan.end(), scan.nextSequence(), records, first, Math.max(maxBefore, scan.maxTimestamp()),
                entry + 1, from, seq, maxBefore, torn, scan.stop() == TailScan.Stop.END_MARKER);
    }

    private static boolean pointsAtRecord(UnsafeBuffer buffer, ByteBuffer view, Crc crc, SeekIndex index, int entry,
                                          long base) {
        long offset = index.offsets()[entry];
        if (offset < SegmentLayout.HEADER_SIZE || offset + SegmentLayout.RECORD_HEADER > buffer.capacity()
                || (offset & 7) != 0) {
            return false;
        }
        int at = (int) offset;
        int length = buffer.getInt(at);
        return SegmentLayout.fits(at, length, buffer.capacity())
                && base + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA)) == index.sequences()[entry]
                && crc.matches(view, buffer, at, length);
    }
}
