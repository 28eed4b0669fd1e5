package chronicle.plugin.compressor.zstd;

import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.SeekTable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The seek table of the Zstandard seekable format (zstd's {@code contrib/seekable_format}, version 0.1.0): a
 * skippable frame at the very end of the object, so that {@code zstd -d} skips it.
 * <pre>
 *  0          4            8                                   8 + 12 n            8 + 12 n + 9
 *  +----------+------------+-----------------------------------+--------------------+
 *  | magic    | frame size | entry 0 | entry 1 | ... | entry n-1| footer (9 bytes)   |
 *  +----------+------------+-----------------------------------+--------------------+
 *  magic      : 0x184D2A5E (u32, a skippable frame's magic)
 *  frame size : 12 n + 9, the bytes after this field (u32)
 *
 *  entry (12 bytes; 8 without the checksum flag)
 *  +-----------------+-------------------+------------------------------------------+
 *  | compressed size | decompressed size | checksum: low 32 bits of XXH64 (seed 0)  |
 *  +-----------------+-------------------+------------------------------------------+
 *
 *  footer
 *  +------------------+------------+-----------------------------+
 *  | number of frames | descriptor | seekable magic 0x8F92EAB1   |
 *  +------------------+------------+-----------------------------+
 *  descriptor: bit 7 checksum flag; bits 6-2 reserved, must be 0; bits 1-0 unused (ignored).
 * </pre>
 * All fields are little-endian u32 except the descriptor byte. Frame {@code i} starts at the sum of the compressed
 * sizes before it; the frames fill the object up to the seek table exactly.
 */
final class SeekTableLayout {

    static final int SKIPPABLE_MAGIC = 0x184D2A5E;
    static final int SEEKABLE_MAGIC = 0x8F92EAB1;
    static final int HEADER = 8;
    static final int FOOTER = 9;
    static final int CHECKSUM_FLAG = 0x80;
    static final int RESERVED_BITS = 0x7C;
    /** The reference implementation's limits: at most 2^27 frames of at most 1 GiB each. */
    static final int MAX_FRAMES = 0x8000000;
    static final int MAX_FRAME_DECOMPRESSED_SIZE = 0x40000000;

    private SeekTableLayout() {
    }

    /**
     * @param table the frames, with checksums.
     * @return the seek table frame.
     */
    static ByteBuffer encode(SeekTable table) {
        int frames = table.frames();
        int entry = table.hasChecksums() ? 12 : 8;
        ByteBuffer out = ByteBuffer.allocate(HEADER + frames * entry + FOOTER).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(SKIPPABLE_MAGIC).putInt(frames * entry + FOOTER);
        for (int i = 0; i < frames; i++) {
            out.putInt(table.compressedSize(i)).putInt(table.decompressedSize(i));
            if (table.hasChecksums()) {
                out.putInt(table.checksum(i));
            }
        }
        out.putInt(frames).put((byte) (table.hasChecksums() ? CHECKSUM_FLAG : 0)).putInt(SEEKABLE_MAGIC);
        return out.flip();
    }

    /**
     * Reads and checks the seek table at the end of an object.
     *
     * @param object a seekable-compressed object.
     * @return its table.
     * @throws IOException naming the object's location and what is wrong.
     */
    static SeekTable read(RangeReader object) throws IOException {
        String where = object.location();
        long size = object.size();
        if (size < HEADER + FOOTER) {
            throw new IOException(where + ": " + size + " bytes, too short to end with a Zstandard seekable seek "
                    + "table (at least 17 bytes): the object is truncated or not in the seekable format");
        }
        ByteBuffer footer = ByteBuffer.allocate(FOOTER).order(ByteOrder.LITTLE_ENDIAN);
        object.readFully(size - FOOTER, footer);
        long frames = Integer.toUnsignedLong(footer.getInt(0));
        int descriptor = footer.get(4) & 0xFF;
        int magic = footer.getInt(5);
        if (magic != SEEKABLE_MAGIC) {
            throw new IOException(where + ": does not end with the seekable magic 0x8F92EAB1 (found 0x"
                    + Integer.toHexString(magic).toUpperCase() + "): the object is truncated or not in the "
                    + "Zstandard seekable format");
        }
        if ((descriptor & RESERVED_BITS) != 0) {
            throw new IOException(where + ": seek table descriptor 0x" + Integer.toHexString(descriptor)
                    + " sets reserved bits: written by a newer version of the seekable format");
        }
        boolean checksums = (descriptor & CHECKSUM_FLAG) != 0;
        int entry = checksums ? 12 : 8;
        long tableBytes = HEADER + frames * entry + FOOTER;
        if (frames > MAX_FRAMES || tableBytes > size) {
            throw new IOException(where + ": the seek table claims " + frames + " frames, more than the object's "
                    + size + " bytes can hold: the object is damaged");
        }
        ByteBuffer table = ByteBuffer.allocate((int) tableBytes).order(ByteOrder.LITTLE_ENDIAN);
        long tableStart = size - tableBytes;
        object.readFully(tableStart, table);
        if (table.getInt(0) != SKIPPABLE_MAGIC || Integer.toUnsignedLong(table.getInt(4)) != tableBytes - HEADER) {
            throw new IOException(where + ": the seek table at byte " + tableStart + " does not start with a "
                    + "skippable frame header of " + (tableBytes - HEADER) + " bytes: the object is damaged");
        }
        return entries(where, table, (int) frames, checksums, tableStart);
    }

    private static SeekTable entries(String where, ByteBuffer table, int frames, boolean checksums, long framesEnd)
            throws IOException {
        int[] compressed = new int[frames];
        int[] decompressed = new int[frames];
        int[] sums = checksums ? new int[frames] : null;
        long compressedTotal = 0;
        int p = HEADER;
        for (int i = 0; i < frames; i++) {
            compressed[i] = table.getInt(p);
            decompressed[i] = table.getInt(p + 4);
            if (checksums) {
                sums[i] = table.getInt(p + 8);
            }
            p += checksums ? 12 : 8;
            if (compressed[i] < 0 || Integer.compareUnsigned(decompressed[i], MAX_FRAME_DECOMPRESSED_SIZE) > 0) {
                throw new IOException(where + ": seek table entry of frame " + i + " has impossible sizes ("
                        + Integer.toUnsignedString(compressed[i]) + " compressed, "
                        + Integer.toUnsignedString(decompressed[i]) + " decompressed): the object is damaged");
            }
            compressedTotal += compressed[i];
        }
        if (compressedTotal != framesEnd) {
            throw new IOException(where + ": the seek table's " + frames + " frames add up to " + compressedTotal
                    + " compressed bytes, but " + framesEnd + " bytes precede the table: the object is truncated "
                    + "or damaged");
        }
        return new SeekTable(compressed, decompressed, sums);
    }
}
