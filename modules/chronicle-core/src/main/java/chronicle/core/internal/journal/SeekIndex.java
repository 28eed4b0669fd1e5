package chronicle.core.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
     * Reads an index file; a missing, foreign or torn file gives what could be read (maybe nothing).
     *
     * @param path the index file.
     * @return its whole entries.
     */
    public static SeekIndex read(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length < IndexLayout.HEADER_SIZE) {
                return EMPTY;
            }
            int count = (int) Math.min((length - IndexLayout.HEADER_SIZE) / IndexLayout.ENTRY_SIZE, 50_000_000);
            ByteBuffer bytes = ByteBuffer.allocate(IndexLayout.HEADER_SIZE + count * IndexLayout.ENTRY_SIZE)
                    .order(ByteOrder.LITTLE_ENDIAN);
            while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
                // read all
            }
            bytes.flip();
            if (bytes.limit() < IndexLayout.HEADER_SIZE || bytes.getLong(0) != IndexLayout.MAGIC) {
                return EMPTY;
            }
            count = (bytes.limit() - IndexLayout.HEADER_SIZE) / IndexLayout.ENTRY_SIZE;
            long[] seq = new long[count];
            long[] ts = new long[count];
            long[] off = new long[count];
            for (int i = 0; i < count; i++) {
                int at = IndexLayout.HEADER_SIZE + i * IndexLayout.ENTRY_SIZE;
                seq[i] = bytes.getLong(at);
                ts[i] = bytes.getLong(at + 8);
                off[i] = bytes.getLong(at + 16);
            }
            return new SeekIndex(seq, ts, off);
        } catch (NoSuchFileException e) {
            return EMPTY;
        } catch (IOException e) {
            return EMPTY;
        }
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
