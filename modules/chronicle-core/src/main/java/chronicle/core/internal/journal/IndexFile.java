package chronicle.core.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one parser of a seek index file ({@link IndexLayout}): readers take its entries ({@link SeekIndex#read}),
 * {@code verify} also what is wrong with its header.
 *
 * @param path          the index file.
 * @param state         what was found.
 * @param problem       for {@link State#BAD}: what is wrong, in words; else empty.
 * @param problemOffset for {@link State#BAD}: the offset of the bad field.
 * @param segment       the segment number its header names (OK only).
 * @param baseSequence  the base sequence its header names (OK only).
 * @param entries       its whole entries ({@link SeekIndex#EMPTY} unless OK).
 * @param tornBytes     bytes of a torn last entry after the whole ones (OK only).
 */
public record IndexFile(Path path, State state, String problem, long problemOffset, long segment, long baseSequence,
                        SeekIndex entries, long tornBytes) {

    /** The most entries read: far more than a 1 GiB segment of the smallest records with the densest index has. */
    private static final int MAX_ENTRIES = 50_000_000;

    /** What an index file was found to be. */
    public enum State {
        /** No such file: a seek scans the segment from its start. */
        MISSING,
        /** All zero: prepared, its header not written yet (the writer's helper writes it just after a roll). */
        UNWRITTEN,
        /** Not a readable seek index of this version. */
        BAD,
        /** A seek index. */
        OK
    }

    /**
     * @param path an index file.
     * @return what it holds; never throws for a missing, foreign, torn or unreadable file.
     */
    public static IndexFile read(Path path) {
        ByteBuffer bytes;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length < IndexLayout.HEADER_SIZE) {
                return bad(path, "shorter (" + length + " bytes) than its " + IndexLayout.HEADER_SIZE
                        + "-byte header", 0);
            }
            long entries = (length - IndexLayout.HEADER_SIZE) / IndexLayout.ENTRY_SIZE;
            if (entries > MAX_ENTRIES) {
                return bad(path, "index of " + length + " bytes is too large to be a seek index", 0);
            }
            bytes = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
            while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
                // read it all
            }
            bytes.flip();
        } catch (NoSuchFileException e) {
            return new IndexFile(path, State.MISSING, "", 0, -1, -1, SeekIndex.EMPTY, 0);
        } catch (IOException e) {
            return bad(path, "cannot read: " + e.getMessage(), 0);
        }
        return parse(path, bytes);
    }

    /**
     * Parses an index file's bytes, read from anywhere (a tier, an archive bundle).
     *
     * @param path  the file's name or location, for messages.
     * @param bytes the whole file, little-endian, from position 0 to its limit.
     * @return what it holds; never throws.
     */
    public static IndexFile parse(Path path, ByteBuffer bytes) {
        bytes = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.limit() > IndexLayout.HEADER_SIZE + (long) MAX_ENTRIES * IndexLayout.ENTRY_SIZE) {
            return bad(path, "index of " + bytes.limit() + " bytes is too large to be a seek index", 0);
        }
        if (bytes.limit() < IndexLayout.HEADER_SIZE) {
            return bad(path, "shorter (" + bytes.limit() + " bytes) than its " + IndexLayout.HEADER_SIZE
                    + "-byte header", 0);
        }
        long magic = bytes.getLong(0);
        if (magic == 0) {
            return new IndexFile(path, State.UNWRITTEN, "", 0, -1, -1, SeekIndex.EMPTY, 0);
        }
        if (magic != IndexLayout.MAGIC) {
            return bad(path, "not a Chronicle seek index (bad magic 0x" + Long.toHexString(magic) + ")", 0);
        }
        if (bytes.getInt(8) != IndexLayout.VERSION) {
            return bad(path, "index format version " + bytes.getInt(8) + " is not supported (this build reads "
                    + "version " + IndexLayout.VERSION + ")", 8);
        }
        int entriesBytes = bytes.limit() - IndexLayout.HEADER_SIZE;
        int count = entriesBytes / IndexLayout.ENTRY_SIZE;
        long[] sequences = new long[count];
        long[] maxTimestamps = new long[count];
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            int at = IndexLayout.HEADER_SIZE + i * IndexLayout.ENTRY_SIZE;
            sequences[i] = bytes.getLong(at);
            maxTimestamps[i] = bytes.getLong(at + 8);
            offsets[i] = bytes.getLong(at + 16);
        }
        return new IndexFile(path, State.OK, "", 0, bytes.getLong(16), bytes.getLong(24),
                new SeekIndex(sequences, maxTimestamps, offsets), entriesBytes % IndexLayout.ENTRY_SIZE);
    }

    private static IndexFile bad(Path path, String problem, long offset) {
        return new IndexFile(path, State.BAD, problem, offset, -1, -1, SeekIndex.EMPTY, 0);
    }
}
