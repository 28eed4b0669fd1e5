package chronicle.core.internal.journal;

/**
 * Layout of a seek index file {@code <queue>/<index:09d>.idx}, version 1: a sparse map from sequence and
 * timestamp to a record's offset in the segment of the same number. Append-only; the writer adds an entry every
 * {@code interval} records and flushes entries by the index policy, so an active segment is seekable too.
 *
 * <pre>
 * Header (64 bytes)
 *  0                   8         12        16                  24                  32       64
 *  +-------------------+---------+---------+-------------------+-------------------+--------+
 *  | magic "CHRQIDX1"  | version | interval| segment index     | base sequence     | zero   |
 *  +-------------------+---------+---------+-------------------+-------------------+--------+
 * Entry (24 bytes each, from offset 64, in sequence order)
 *  0                   8                   16                  24
 *  +-------------------+-------------------+-------------------+
 *  | sequence          | max timestamp     | record offset     |
 *  +-------------------+-------------------+-------------------+
 *  max timestamp: the largest record timestamp up to and including this record, so that a binary search by time
 *  works even when timestamps step back.
 * </pre>
 * The entry count is {@code (file length - 64) / 24}; a torn last entry (after a crash) is ignored, and every entry
 * is checked against the record it points to before it is trusted.
 */
public final class IndexLayout {

    /** "CHRQIDX1" read as a little-endian long. */
    public static final long MAGIC = 0x3158444951524843L;
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 64;
    public static final int ENTRY_SIZE = 24;

    private IndexLayout() {
    }
}
