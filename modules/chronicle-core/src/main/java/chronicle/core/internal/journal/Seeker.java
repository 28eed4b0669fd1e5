package chronicle.core.internal.journal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a place in a queue for a reader ({@link ReaderCursor}): the earliest record, the tail, a sequence or the
 * first record at or after a time. Uses the segment catalog (sequence and time range of every segment) to pick the
 * segment and the segment's seek index to jump close, then walks; every index entry is checked against the record
 * it names before it is trusted.
 */
public final class Seeker {

    private final Path dir;
    private final SegmentCatalog catalog;
    private final ReaderCursor cursor;

    /**
     * @param dir    the queue directory.
     * @param cursor the reader's cursor, which this moves.
     */
    public Seeker(Path dir, ReaderCursor cursor) {
        this.dir = dir;
        this.catalog = new SegmentCatalog(dir);
        this.cursor = cursor;
    }

    /**
     * To the earliest record of the oldest segment.
     *
     * @return true.
     */
    public boolean earliest() {
        long[] all = SegmentFiles.list(dir);
        if (all.length == 0) {
            cursor.reset(0);
            return true;
        }
        return cursor.open(all[0], SegmentLayout.HEADER_SIZE, -1) || earliest();
    }

    /**
     * To the tail: the next record the writer appends.
     *
     * @return true.
     */
    public boolean latest() {
        long[] all = SegmentFiles.list(dir);
        if (all.length == 0) {
            cursor.reset(cursor.nextSequence());
            return true;
        }
        for (int i = all.length - 1; i >= 0; i--) {
            if (cursor.open(all[i], SegmentLayout.HEADER_SIZE, -1)) {
                SeekIndex index = SeekIndex.read(dir.resolve(SegmentLayout.indexFileName(all[i])));
                jumpToEntry(index, index.size() - 1);
                walkTo(Long.MAX_VALUE, Long.MAX_VALUE);
                while (cursor.buffer().getIntVolatile(cursor.position()) == SegmentLayout.END_OF_SEGMENT
                        && cursor.openNext()) {
                    walkTo(Long.MAX_VALUE, Long.MAX_VALUE);
                }
                return true;
            }
        }
        return earliest();
    }

    /**
     * To a sequence.
     *
     * @param sequence the record's sequence.
     * @return false if it is not written yet (the cursor is at the tail); a sequence before the oldest segment
     *         moves to the earliest record.
     */
    public boolean sequence(long sequence) {
        Optional<SegmentCatalog.Entry> entry = catalog.floorBySequence(sequence);
        if (entry.isEmpty()) {
            return earliest();
        }
        if (!cursor.open(entry.get().index(), SegmentLayout.HEADER_SIZE, -1)) {
            catalog.refresh(); // deleted by retention meanwhile: the oldest segment left is the answer
            return earliest();
        }
        SeekIndex index = catalog.index(entry.get());
        jumpToEntry(index, index.floorBySequence(sequence));
        while (true) {
            walkTo(sequence, Long.MAX_VALUE);
            int length = cursor.buffer().getIntVolatile(cursor.position());
            if (cursor.nextSequence() >= sequence) {
                return cursor.nextSequence() == sequence && length > 0; // false: not written yet
            }
            if (length != SegmentLayout.END_OF_SEGMENT || !cursor.openNext()) {
                return false; // the tail: the sequence is not written yet
            }
        }
    }

    /**
     * To the first record at or after a time.
     *
     * @param timestamp epoch nanoseconds.
     * @return false if no record that late is written yet (the cursor is at the tail).
     */
    public boolean timestamp(long timestamp) {
        Optional<SegmentCatalog.Entry> entry = catalog.firstReaching(timestamp);
        if (entry.isEmpty() || !cursor.open(entry.get().index(), SegmentLayout.HEADER_SIZE, -1)) {
            return latest();
        }
        SeekIndex index = catalog.index(entry.get());
        jumpToEntry(index, index.lastBefore(timestamp));
        while (true) {
            walkTo(Long.MAX_VALUE, timestamp);
            int length = cursor.buffer().getIntVolatile(cursor.position());
            if (length != SegmentLayout.END_OF_SEGMENT) {
                return length != 0; // at the first record at or after the time, or at the tail
            }
            if (!cursor.openNext()) {
                return false;
            }
        }
    }

    /** Positions at an index entry after checking that it points at the record it names. */
    private void jumpToEntry(SeekIndex index, int entry) {
        var buffer = cursor.buffer();
        for (int e = entry; e >= 0; e--) {
            long offset = index.offsets()[e];
            if (offset >= SegmentLayout.HEADER_SIZE && offset + SegmentLayout.RECORD_HEADER <= buffer.capacity()
                    && (offset & 7) == 0) {
                int at = (int) offset;
                int length = buffer.getIntVolatile(at);
                if (SegmentLayout.fits(at, length, buffer.capacity())
                        && cursor.baseSequence() + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA))
                        == index.sequences()[e]) {
                    cursor.moveTo(at, index.sequences()[e]);
                    return;
                }
            }
        }
    }

    /** Walks forward to the first record with sequence &gt;= {@code sequence} or timestamp &gt;= {@code time}. */
    private void walkTo(long sequence, long time) {
        var buffer = cursor.buffer();
        int position = cursor.position();
        long next = cursor.nextSequence();
        while (true) {
            int length = buffer.getIntVolatile(position);
            if (!SegmentLayout.fits(position, length, buffer.capacity())
                    || next >= sequence || buffer.getLong(position + SegmentLayout.R_TIMESTAMP) >= time) {
                cursor.moveTo(position, next);
                return;
            }
            position += SegmentLayout.aligned(length);
            next++;
        }
    }
}
