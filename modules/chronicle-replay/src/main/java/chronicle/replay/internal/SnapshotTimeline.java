package chronicle.replay.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The time line of one market's snapshot files, {@code timeline.idx} in its snapshot directory: which snapshot was
 * taken when, so that "the newest snapshot at or before T" is a binary search of about twenty 16-byte reads however
 * many snapshots are stored (a year of one a minute is 525,600), instead of a listing of the directory.
 *
 * <pre>
 * timeline.idx: entries of 16 bytes, little-endian, in order of sequence (and so of time)
 *  0                   8                   16
 *  +-------------------+-------------------+
 *  | sequence          | timestamp         |  the snapshot's last applied record: its journal sequence and time
 *  +-------------------+-------------------+
 * </pre>
 *
 * An entry is appended (and forced to disk) after its snapshot file is renamed into place, so an entry never names a
 * file that was not complete; a crash between the two leaves a snapshot the time line does not know, which only
 * makes a warm start begin one snapshot earlier. A torn last entry (a length that is not a multiple of 16) is
 * ignored, and cut off before the next append. An entry whose file was deleted is skipped by the reader.
 *
 * <p><b>One writer per market</b> (the snapshotter); any number of readers.
 */
public final class SnapshotTimeline {

    /** The file's name in the market's snapshot directory. */
    public static final String FILE = "timeline.idx";
    /** Bytes per entry. */
    public static final int ENTRY = 16;

    private final Path file;

    /** @param dir the market's snapshot directory. */
    public SnapshotTimeline(Path dir) {
        this.file = dir.resolve(FILE);
    }

    /** @return whether the time line exists (a store written before it had none). */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * Appends an entry, if its sequence is after the last one's (a snapshot rewritten at an older position is left
     * to the listing).
     *
     * @param sequence  the snapshot's sequence.
     * @param timestamp its time.
     * @throws IOException if the time line cannot be written.
     */
    public void append(long sequence, long timestamp) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long entries = channel.size() / ENTRY;
            if (channel.size() % ENTRY != 0) {
                channel.truncate(entries * ENTRY); // a torn entry of a crash
            }
            if (entries > 0 && read(channel, entries - 1)[0] >= sequence) {
                return;
            }
            ByteBuffer entry = ByteBuffer.allocate(ENTRY).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(sequence).putLong(timestamp).flip();
            while (entry.hasRemaining()) {
                channel.write(entry, entries * ENTRY + entry.position());
            }
            channel.force(false);
        }
    }

    /**
     * Writes the whole time line anew (for a store written before it existed), atomically.
     *
     * @param entries sequence and timestamp pairs, in order of sequence.
     * @throws IOException if it cannot be written.
     */
    public void rewrite(List<long[]> entries) throws IOException {
        ByteBuffer all = ByteBuffer.allocate(entries.size() * ENTRY).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] e : entries) {
            all.putLong(e[0]).putLong(e[1]);
        }
        all.flip();
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (all.hasRemaining()) {
                channel.write(all);
            }
            channel.force(false);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A read-only view for searching. */
    public interface Search extends AutoCloseable {

        /** @return entries in the time line. */
        long entries();

        /**
         * @param timestamp a time.
         * @return the index of the last entry at or before it, or -1.
         * @throws IOException if the file cannot be read.
         */
        long lastAtOrBefore(long timestamp) throws IOException;

        /**
         * @param index an entry's index.
         * @return its sequence and timestamp.
         * @throws IOException if the file cannot be read.
         */
        long[] entry(long index) throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * Opens the time line for searching.
     *
     * @return a search, or null if there is no time line.
     * @throws IOException if it cannot be opened.
     */
    public Search open() throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
        long entries = channel.size() / ENTRY;
        return new Search() {
            @Override
            public long entries() {
                return entries;
            }

            @Override
            public long lastAtOrBefore(long timestamp) throws IOException {
                long lo = 0;
                long hi = entries - 1;
                long best = -1;
                while (lo <= hi) {
                    long mid = (lo + hi) >>> 1;
                    if (read(channel, mid)[1] <= timestamp) {
                        best = mid;
                        lo = mid + 1;
                    } else {
                        hi = mid - 1;
                    }
                }
                return best;
            }

            @Override
            public long[] entry(long index) throws IOException {
                return read(channel, index);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    private static long[] read(FileChannel channel, long index) throws IOException {
        ByteBuffer entry = ByteBuffer.allocate(ENTRY).order(ByteOrder.LITTLE_ENDIAN);
        while (entry.hasRemaining()) {
            if (channel.read(entry, index * ENTRY + entry.position()) < 0) {
                throw new IOException("time line ends inside entry " + index);
            }
        }
        return new long[] {entry.getLong(0), entry.getLong(8)};
    }
}
