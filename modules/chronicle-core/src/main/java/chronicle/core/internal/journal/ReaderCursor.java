package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * Where a reader is: the mapped segment, the offset of the next record in it and that record's sequence, plus a
 * few recently used mappings, so seeking back and forth does not map and unmap each time. Moving between segments
 * lives here; finding a place by sequence or time is the {@link Seeker}'s.
 *
 * <p>Readers map segments with a shared {@code flock} ({@link MappedFile#mapInUse}): the writer's recycling never
 * reuses a file a reader has mapped.
 *
 * <p><b>Not thread-safe: one thread per reader.</b>
 */
public final class ReaderCursor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("chronicle.core.api.QueueReader");
    private static final int MAPPINGS_KEPT = 8;

    private final Path dir;
    private final Crc crc = new Crc();
    private final LinkedHashMap<Long, MappedFile> mappings = new LinkedHashMap<>(16, 0.75f, true);
    private MappedFile segment;
    private UnsafeBuffer buffer;
    private ByteBuffer view;
    private long segmentIndex = -1;
    private long baseSequence;
    private int position;
    private long nextSequence;
    private long skippedSegments;

    /**
     * @param dir the queue directory.
     */
    public ReaderCursor(Path dir) {
        this.dir = dir;
    }

    /** @return the current segment's mapping, or null before the first segment (or after {@link #close}). */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** @return the current segment's bytes as a byte buffer (for the CRC). */
    public ByteBuffer view() {
        return view;
    }

    /** @return the current segment's file. */
    public Path segmentPath() {
        return segment.path();
    }

    /** @return the CRC of the current segment's records (salted with its number). */
    public Crc crc() {
        return crc;
    }

    /** @return the current segment's number, -1 before the first. */
    public long segmentIndex() {
        return segmentIndex;
    }

    /** @return the current segment's base sequence. */
    public long baseSequence() {
        return baseSequence;
    }

    /** @return the offset of the next record. */
    public int position() {
        return position;
    }

    /** @return the sequence of the next record. */
    public long nextSequence() {
        return nextSequence;
    }

    /** @return segments lost to retention before the reader got there. */
    public long skippedSegments() {
        return skippedSegments;
    }

    /**
     * Moves within the current segment.
     *
     * @param at       offset of the next record.
     * @param sequence its sequence.
     */
    public void moveTo(int at, long sequence) {
        position = at;
        nextSequence = sequence;
    }

    /** Before the first segment of a queue that has none yet. */
    void reset(long sequence) {
        segmentIndex = -1;
        nextSequence = sequence;
    }

    /**
     * Opens a segment (from the kept mappings or by mapping it).
     *
     * @param index    its number.
     * @param at       the offset to read next.
     * @param sequence the sequence there, or -1 for the segment's base.
     * @return false if it is not there for readers (deleted, or prepared ahead of a roll and not published).
     * @throws QueueException if the file is not a segment of this queue.
     */
    public boolean open(long index, int at, long sequence) {
        MappedFile mapped = mappings.get(index);
        if (mapped == null) {
            Path path = SegmentFiles.path(dir, index);
            try {
                mapped = MappedFile.mapInUse(path);
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new QueueException(path + ": cannot map segment: " + e.getMessage(), e);
            }
            if (mapped.length() < SegmentLayout.HEADER_SIZE
                    || mapped.buffer().getLongVolatile(SegmentLayout.MAGIC_OFFSET) == 0) {
                mapped.close(); // prepared ahead of a roll, not published yet: not there for readers
                return false;
            }
            try {
                SegmentHeader.of(path, mapped.buffer()); // checks the magic, version and number
            } catch (RuntimeException e) {
                mapped.close();
                throw e;
            }
            mappings.put(index, mapped);
            evictMappings(index);
        }
        segment = mapped;
        buffer = mapped.buffer();
        view = mapped.byteBuffer();
        segmentIndex = index;
        baseSequence = buffer.getLong(SegmentLayout.BASE_SEQUENCE_OFFSET);
        crc.salt(SegmentLayout.crcSalt(index, buffer.getInt(SegmentLayout.VERSION_OFFSET)));
        position = at;
        nextSequence = sequence < 0 ? baseSequence : sequence;
        return true;
    }

    private void evictMappings(long keep) {
        var it = mappings.entrySet().iterator();
        while (mappings.size() > MAPPINGS_KEPT && it.hasNext()) {
            var eldest = it.next();
            if (eldest.getKey() != keep) {
                eldest.getValue().close();
                it.remove();
            }
        }
    }

    /**
     * Moves to the segment after the current one (or the first one), skipping segments retention deleted. The
     * segment left behind is unmapped: a reader moving forward does not come back, and keeping the mapping would
     * keep a deleted segment's disk space in use.
     *
     * @return false if there is no next segment yet.
     */
    public boolean openNext() {
        long left = segmentIndex;
        if (left < 0) {
            long[] all = SegmentFiles.list(dir);
            return all.length > 0 && open(all[0], SegmentLayout.HEADER_SIZE, -1);
        }
        long wanted = left + 1;
        boolean moved = open(wanted, SegmentLayout.HEADER_SIZE, -1);
        if (!moved) {
            for (long index : SegmentFiles.list(dir)) {
                if (index > wanted && open(index, SegmentLayout.HEADER_SIZE, -1)) {
                    skippedSegments += index - wanted;
                    LOG.log(Level.WARNING, "{0}: segments {1}..{2} were deleted by retention before this reader "
                            + "got there; continuing at segment {3}", dir, String.valueOf(wanted),
                            String.valueOf(index - 1), String.valueOf(index));
                    moved = true;
                    break;
                }
            }
        }
        if (moved) {
            MappedFile old = mappings.remove(left);
            if (old != null) {
                old.close();
            }
        }
        return moved;
    }

    /** Unmaps every segment. */
    @Override
    public void close() {
        mappings.values().forEach(MappedFile::close);
        mappings.clear();
        segment = null;
        buffer = null;
    }
}
