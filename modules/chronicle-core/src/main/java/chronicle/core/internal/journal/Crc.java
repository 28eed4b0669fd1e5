package chronicle.core.internal.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Record checksums: CRC32C (hardware-accelerated by the JVM) of a record's bytes 8..length: timestamp, type,
 * sequence and payload, one contiguous run, XORed with the segment's salt ({@link SegmentLayout#crcSalt}; zero in
 * version 1 segments). Set the salt with {@link #salt} whenever moving to another segment.
 *
 * <p>Not thread-safe: one instance per writer or reader. Allocation-free.
 */
public final class Crc {

    private final CRC32C crc = new CRC32C();
    private int salt;

    /**
     * @param segmentSalt the salt of the segment whose records follow ({@link SegmentLayout#crcSalt}).
     */
    public void salt(int segmentSalt) {
        this.salt = segmentSalt;
    }

    /**
     * @param view   the mapping as a byte buffer (position and limit are changed).
     * @param record offset of the record.
     * @param length the record's length word.
     * @return the checksum the record must carry.
     */
    public int of(ByteBuffer view, int record, int length) {
        return ofRange(view, record + SegmentLayout.R_CRC_FROM, record + length) ^ salt;
    }

    /**
     * @param view   the mapping as a byte buffer.
     * @param buffer the same mapping as an Agrona buffer.
     * @param record offset of the record.
     * @param length the record's length word.
     * @return true if the stored checksum matches.
     */
    public boolean matches(ByteBuffer view, UnsafeBuffer buffer, int record, int length) {
        return buffer.getInt(record + SegmentLayout.R_CRC) == of(view, record, length);
    }

    /**
     * @param bytes a buffer.
     * @param from  first byte.
     * @param to    one past the last byte.
     * @return CRC32C of the range (unsalted), for small metadata slots.
     */
    public int ofRange(ByteBuffer bytes, int from, int to) {
        crc.reset();
        bytes.limit(to).position(from);
        crc.update(bytes);
        bytes.clear();
        return (int) crc.getValue();
    }
}
