package chronicle.core.internal.journal;

import java.nio.file.Path;

/**
 * A segment's seek index as read by a reader or a tool (see {@link IndexLayout}); entries are trusted only after
 * the caller checks them against the segment.
 *
 * @param sequences     entry sequences, ascending.
 * @param maxTimestamps running maximum timestamps.
 * @param offsets       record offsets.
 */
public record SeekIndex(long[] sequences, long[] maxTimestamps, long[] offsets) {

    /** An index with no entries: seeks scan from the start of the segment. */
    public static final SeekIndex EMPTY = new SeekIndex(new long[0], new long[0], new long[0]);

    /**
     * Reads an index file's entries ({@link IndexFile}); a missing, foreign or torn file gives what could be read
     * (maybe nothing).
     *
     * @param path the index file.
     * @return its whole entries.
     */
    public static SeekIndex read(Path path) {
        return IndexFile.read(path).entries();
    }

    /** @return the number of entries. */
    public int size() {
        return sequences.length;
    }

    /**
     * @param sequence a sequence.
     * @return the last entry at or before it, or -1.
     */
    public int floorBySequence(long sequence) {
        int lo = 0;
        int hi = sequences.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sequences[mid] <= sequence) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * @param timestamp a time, epoch nanoseconds.
     * @return the last entry whose running maximum timestamp is before it, or -1 (start of the segment).
     */
    public int lastBefore(long timestamp) {
        int lo = 0;
        int hi = maxTimestamps.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (maxTimestamps[mid] < timestamp) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
