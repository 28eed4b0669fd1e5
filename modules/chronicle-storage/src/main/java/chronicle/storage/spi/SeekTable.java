package chronicle.storage.spi;

import java.util.Arrays;

/**
 * The frames of a seekable compressed object: where each independent frame starts in the compressed object and
 * which range of the original bytes it holds. Frame {@code i} holds original bytes
 * {@code [decompressedOffset(i), decompressedOffset(i) + decompressedSize(i))}.
 *
 * <p>Immutable; offsets are computed once from the sizes.
 */
public final class SeekTable {

    private final int[] compressedSizes;
    private final int[] decompressedSizes;
    private final int[] checksums;
    private final long[] compressedOffsets;
    private final long[] decompressedOffsets;

    /**
     * @param compressedSizes   each frame's compressed size in bytes.
     * @param decompressedSizes each frame's original size in bytes.
     * @param checksums         each frame's checksum as the format defines it, or null when the table has none.
     */
    public SeekTable(int[] compressedSizes, int[] decompressedSizes, int[] checksums) {
        if (compressedSizes.length != decompressedSizes.length
                || (checksums != null && checksums.length != compressedSizes.length)) {
            throw new IllegalArgumentException("frame arrays of different lengths");
        }
        this.compressedSizes = compressedSizes.clone();
        this.decompressedSizes = decompressedSizes.clone();
        this.checksums = checksums == null ? null : checksums.clone();
        int n = compressedSizes.length;
        compressedOffsets = new long[n + 1];
        decompressedOffsets = new long[n + 1];
        for (int i = 0; i < n; i++) {
            compressedOffsets[i + 1] = compressedOffsets[i] + Integer.toUnsignedLong(compressedSizes[i]);
            decompressedOffsets[i + 1] = decompressedOffsets[i] + Integer.toUnsignedLong(decompressedSizes[i]);
        }
    }

    /** @return the number of frames. */
    public int frames() {
        return compressedSizes.length;
    }

    /** @param frame a frame number. @return its first byte in the compressed object. */
    public long compressedOffset(int frame) {
        return compressedOffsets[frame];
    }

    /** @param frame a frame number. @return its compressed size. */
    public int compressedSize(int frame) {
        return compressedSizes[frame];
    }

    /** @param frame a frame number. @return the original offset of its first byte. */
    public long decompressedOffset(int frame) {
        return decompressedOffsets[frame];
    }

    /** @param frame a frame number. @return the number of original bytes it holds. */
    public int decompressedSize(int frame) {
        return decompressedSizes[frame];
    }

    /** @return whether the table carries a checksum per frame. */
    public boolean hasChecksums() {
        return checksums != null;
    }

    /** @param frame a frame number. @return its checksum; only when {@link #hasChecksums()}. */
    public int checksum(int frame) {
        return checksums[frame];
    }

    /** @return the length of the original bytes. */
    public long decompressedLength() {
        return decompressedOffsets[frames()];
    }

    /** @return the compressed bytes taken by the frames (the seek table itself not counted). */
    public long compressedLength() {
        return compressedOffsets[frames()];
    }

    /**
     * The frame that holds an original offset.
     *
     * @param offset an offset in the original bytes, {@code 0 <= offset < decompressedLength()}.
     * @return its frame number.
     * @throws IndexOutOfBoundsException if the offset is outside the original bytes.
     */
    public int frameAt(long offset) {
        if (offset < 0 || offset >= decompressedLength()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + decompressedLength());
        }
        int i = Arrays.binarySearch(decompressedOffsets, 0, frames() + 1, offset);
        return i >= 0 ? skipEmpty(i) : -i - 2;
    }

    private int skipEmpty(int i) {
        while (decompressedSizes[i] == 0) {
            i++;
        }
        return i;
    }
}
