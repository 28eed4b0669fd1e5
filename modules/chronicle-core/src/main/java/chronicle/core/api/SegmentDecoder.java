package chronicle.core.api;

import chronicle.core.internal.journal.Crc;
import chronicle.core.internal.journal.IndexFile;
import chronicle.core.internal.journal.SeekIndex;
import chronicle.core.internal.journal.SegmentHeader;
import chronicle.core.internal.journal.SegmentLayout;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads a sealed segment from its bytes wherever they are: a window of a compressed segment's frames, an object
 * fetched from a storage tier, a file of an archive bundle. The queue's own readers map segment files instead;
 * this is for segments that have left their queue directory. The formats are those of {@code docs/FORMATS.md}.
 *
 * <p>Use: {@link #header} on the first {@value #HEADER_SIZE} bytes, {@link #index} on the segment's
 * {@code <n>.idx} to find where to start, then {@link #decode} record after record over a window of the segment's
 * bytes. One decoder per reading thread; {@link #decode} allocates nothing.
 */
public final class SegmentDecoder {

    /** Bytes of a segment header: the records start here. */
    public static final int HEADER_SIZE = SegmentLayout.HEADER_SIZE;
    /** Bytes of a record header, before its payload. */
    public static final int RECORD_HEADER_SIZE = SegmentLayout.RECORD_HEADER;
    /** {@link #decode}: no record here; the segment's records end. */
    public static final int END = 0;
    /** {@link #decode}: the record at this offset runs past the window: read a window that starts here. */
    public static final int NEED_MORE = -1;
    /** {@link #decode}: the record at this offset is damaged ({@link #problem()} says how). */
    public static final int CORRUPT = -2;

    private final Crc crc = new Crc();
    private final UnsafeBuffer payload = new UnsafeBuffer(0, 0);
    private SegmentInfo segment;
    private String problem = "";
    private long lastSequence = -1;
    private long lastTimestamp = Long.MIN_VALUE;

    /**
     * What a segment's header says.
     *
     * @param index          the segment number.
     * @param version        its format version.
     * @param baseSequence   the sequence of its first record.
     * @param size           its length in bytes.
     * @param sealed         whether the writer finished it (only sealed segments leave their queue).
     * @param recordCount    records in it.
     * @param dataEnd        offset after its last record.
     * @param firstTimestamp its first record's timestamp, or Long.MIN_VALUE with no records.
     * @param maxTimestamp   its largest record timestamp, or Long.MIN_VALUE with no records.
     */
    public record SegmentInfo(long index, int version, long baseSequence, long size, boolean sealed,
                              long recordCount, long dataEnd, long firstTimestamp, long maxTimestamp) {

        /** @return the sequence after its last record. */
        public long endSequence() {
            return baseSequence + recordCount;
        }
    }

    /**
     * Decodes and checks a segment header.
     *
     * @param location where the bytes come from, for messages.
     * @param bytes    at least the first {@value #HEADER_SIZE} bytes of the segment, from index 0.
     * @return the header.
     * @throws QueueException naming the location if the bytes are not a segment of a supported version.
     */
    public static SegmentInfo header(String location, ByteBuffer bytes) {
        if (bytes.limit() < HEADER_SIZE) {
            throw new QueueException(location + ": not a segment (shorter than its " + HEADER_SIZE + "-byte header)");
        }
        ByteBuffer copy = ByteBuffer.allocate(HEADER_SIZE);
        copy.put(0, bytes, 0, HEADER_SIZE);
        SegmentHeader h = SegmentHeader.of(Path.of(location.replace('/', '_')), new UnsafeBuffer(copy.array()));
        return new SegmentInfo(h.index(), h.version(), h.baseSequence(), h.size(), h.sealed(), h.recordCount(),
                h.dataEnd(), h.recordCount() == 0 ? Long.MIN_VALUE : h.firstTimestamp(),
                h.recordCount() == 0 ? Long.MIN_VALUE : h.maxTimestamp());
    }

    /**
     * A segment's seek index, decoded from the bytes of its {@code <n>.idx} file.
     *
     * @param location where the bytes come from, for messages.
     * @param bytes    the whole index file, from index 0 to its limit.
     * @return its entries; empty (seeks scan from the first record) when the bytes are not a readable index.
     */
    public static Index index(String location, ByteBuffer bytes) {
        return new Index(IndexFile.parse(Path.of(location.replace('/', '_')), bytes).entries());
    }

    /** A segment's sparse seek index: where to start reading for a sequence or a time. */
    public static final class Index {

        /** An index with no entries: reading starts at the first record. */
        public static final Index EMPTY = new Index(SeekIndex.EMPTY);

        private final SeekIndex entries;

        private Index(SeekIndex entries) {
            this.entries = entries;
        }

        /** @return the number of entries. */
        public int size() {
            return entries.size();
        }

        /**
         * @param sequence a sequence.
         * @return the offset of the last indexed record at or before it, or the first record's offset.
         */
        public long offsetForSequence(long sequence) {
            int i = entries.floorBySequence(sequence);
            return i < 0 ? HEADER_SIZE : entries.offsets()[i];
        }

        /**
         * @param timestamp a time, epoch nanoseconds.
         * @return the offset of the last indexed record all of whose predecessors are before it, or the first
         *         record's offset: reading on from there finds the first record at or after the time.
         */
        public long offsetForTime(long timestamp) {
            int i = entries.lastBefore(timestamp);
            return i < 0 ? HEADER_SIZE : entries.offsets()[i];
        }
    }

    /**
     * Starts decoding a segment's records.
     *
     * @param info the segment's header.
     */
    public void start(SegmentInfo info) {
        this.segment = info;
        crc.salt(SegmentLayout.crcSalt(info.index(), info.version()));
        problem = "";
    }

    /**
     * Decodes the record at a segment offset, checking its checksum, and hands it to a handler.
     *
     * @param window      bytes of the segment; its byte 0 is segment offset {@code windowStart}.
     * @param windowView  the same bytes as a ByteBuffer (position and limit are changed), for the checksum.
     * @param windowStart the segment offset of the window's first byte.
     * @param windowEnd   how many bytes of the window hold segment bytes.
     * @param offset      the segment offset of the record (8-byte aligned, at least {@value #HEADER_SIZE}).
     * @param handler     receives the record; may be null to skip it (seeking).
     * @return the distance to the next record (positive), or {@link #END}, {@link #NEED_MORE}, {@link #CORRUPT}.
     */
    public int decode(UnsafeBuffer window, ByteBuffer windowView, long windowStart, int windowEnd, long offset,
                      RecordHandler handler) {
        if (offset >= segment.dataEnd()) {
            return END;
        }
        int at = (int) (offset - windowStart);
        if (at < 0 || at + RECORD_HEADER_SIZE > windowEnd) {
            return NEED_MORE;
        }
        int length = window.getInt(at + SegmentLayout.R_LENGTH);
        if (length == 0 || length == SegmentLayout.END_OF_SEGMENT) {
            return END;
        }
        if (length < RECORD_HEADER_SIZE || offset + SegmentLayout.aligned(length) > segment.size()) {
            problem = "record at offset " + offset + " has a bad length " + length;
            return CORRUPT;
        }
        if (at + length > windowEnd) {
            return NEED_MORE;
        }
        if (window.getInt(at + SegmentLayout.R_CRC) != crc.of(windowView, at, length)) {
            problem = "record at offset " + offset + " fails its CRC32C check";
            return CORRUPT;
        }
        long timestamp = window.getLong(at + SegmentLayout.R_TIMESTAMP);
        long sequence = segment.baseSequence() + Integer.toUnsignedLong(window.getInt(at + SegmentLayout.R_SEQ_DELTA));
        lastSequence = sequence;
        lastTimestamp = timestamp;
        if (handler != null) {
            int type = window.getInt(at + SegmentLayout.R_TYPE);
            payload.wrap(window, at + RECORD_HEADER_SIZE, length - RECORD_HEADER_SIZE);
            handler.onRecord(type, sequence, timestamp, payload, 0, length - RECORD_HEADER_SIZE);
        }
        return SegmentLayout.aligned(length);
    }

    /** @return the sequence of the record last decoded. */
    public long lastSequence() {
        return lastSequence;
    }

    /** @return the timestamp of the record last decoded. */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    /** @return after {@link #CORRUPT}: what is wrong, in words. */
    public String problem() {
        return problem;
    }

    /**
     * A convenience for windows in a heap or direct ByteBuffer.
     *
     * @param buffer a little-endian buffer.
     * @return an UnsafeBuffer over the same bytes.
     */
    public static UnsafeBuffer wrap(ByteBuffer buffer) {
        return new UnsafeBuffer(buffer.order(ByteOrder.LITTLE_ENDIAN));
    }
}
