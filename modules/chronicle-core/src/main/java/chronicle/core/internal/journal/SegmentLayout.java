package chronicle.core.internal.journal;

/**
 * Layout of a segment file {@code <queue>/<index:09d>.q}, version 2. All integers little-endian.
 *
 * <pre>
 * Segment header (128 bytes; records start at offset 128)
 *  0                   8                   16                  24                  32
 *  +-------------------+---------+---------+-------------------+-------------------+
 *  | magic "CHRQSEG1"  | version | flags   | segment index     | base sequence     |
 *  +-------------------+---------+---------+-------------------+-------------------+
 *  32                  40                  48                  56                  64
 *  +-------------------+-------------------+-------------------+-------------------+
 *  | segment size      | created (epoch ns)| record count *    | data end offset * |
 *  +-------------------+-------------------+-------------------+-------------------+
 *  64                  72                  80                                     128
 *  +-------------------+-------------------+---------------------------------------+
 *  | first timestamp * | max timestamp *   | reserved (zero)                       |
 *  +-------------------+-------------------+---------------------------------------+
 *  flags: bit 0 SEALED. Fields marked * are written when the segment is sealed.
 *
 * Record (at an 8-byte aligned offset; the next record starts at align8(offset + length))
 *  0         4         8                   16        20        24
 *  +---------+---------+-------------------+---------+---------+----------------------+
 *  | length  | crc32c  | timestamp (ns)    | type id | seq - b | payload ...          |
 *  +---------+---------+-------------------+---------+---------+----------------------+
 *  length: 24 + payload length, stored last with a volatile store (the commit);
 *          0 = not written yet; -1 = end of segment (the segment is sealed, continue in the next one).
 *  crc32c: CRC32C of bytes 8..length of the record (timestamp, type, sequence and payload: one contiguous run),
 *          XOR the segment's salt: (int) segment index * 0x9E3779B1 (version 2; version 1 has no salt). A segment
 *          file may be a recycled one, and where a power loss kept an old record on the device (the zeros written
 *          over it not written back yet), the salt of its old segment number makes its checksum fail.
 *  seq - b: the record's sequence minus the segment's base sequence.
 * </pre>
 */
public final class SegmentLayout {

    /** "CHRQSEG1" read as a little-endian long. */
    public static final long MAGIC = 0x3147455351524843L;
    /** The version written. */
    public static final int VERSION = 2;
    /** The oldest version read: its record checksums have no salt. */
    public static final int VERSION_UNSALTED = 1;
    public static final int HEADER_SIZE = 128;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 8;
    public static final int FLAGS_OFFSET = 12;
    public static final int INDEX_OFFSET = 16;
    public static final int BASE_SEQUENCE_OFFSET = 24;
    public static final int SIZE_OFFSET = 32;
    public static final int CREATED_OFFSET = 40;
    public static final int RECORD_COUNT_OFFSET = 48;
    public static final int DATA_END_OFFSET = 56;
    public static final int FIRST_TIMESTAMP_OFFSET = 64;
    public static final int MAX_TIMESTAMP_OFFSET = 72;

    public static final int FLAG_SEALED = 1;

    public static final int RECORD_HEADER = 24;
    public static final int R_LENGTH = 0;
    public static final int R_CRC = 4;
    public static final int R_TIMESTAMP = 8;
    public static final int R_TYPE = 16;
    public static final int R_SEQ_DELTA = 20;
    /** The checksum covers the record from here to its end. */
    public static final int R_CRC_FROM = 8;

    /** Length word of the end-of-segment marker. */
    public static final int END_OF_SEGMENT = -1;
    /** Room always kept at the end of a segment for the end-of-segment marker. */
    public static final int TRAILER = 8;

    private SegmentLayout() {
    }

    /**
     * The salt XORed into a segment's record checksums: an odd multiplier makes it one-to-one on 32-bit numbers, so
     * no two segment numbers below 2^32 share one.
     *
     * @param index   the segment number.
     * @param version its format version.
     * @return the salt (0 for version 1).
     */
    public static int crcSalt(long index, int version) {
        return version == VERSION_UNSALTED ? 0 : (int) index * 0x9E3779B1;
    }

    /**
     * @param length the length word of a record (header plus payload).
     * @return the distance to the next record.
     */
    public static int aligned(int length) {
        return (length + 7) & ~7;
    }

    /**
     * Whether a length word read from disk describes a record that fits: at least a header, and not past the end
     * of the segment. Computed in {@code long} so that a corrupt length near {@code Integer.MAX_VALUE} cannot wrap.
     *
     * @param at       the record's offset.
     * @param length   its length word.
     * @param capacity the segment's length.
     * @return true if the record fits.
     */
    public static boolean fits(int at, int length, int capacity) {
        return length >= RECORD_HEADER && at + ((length + 7L) & ~7L) <= capacity;
    }

    /**
     * @param index the segment number.
     * @return the file name, {@code 000000042.q}.
     */
    public static String fileName(long index) {
        return String.format("%09d.q", index);
    }

    /**
     * @param index the segment number.
     * @return the index file name, {@code 000000042.idx}.
     */
    public static String indexFileName(long index) {
        return String.format("%09d.idx", index);
    }
}
