package chronicle.core.api;

import chronicle.core.internal.journal.ControlFile;
import chronicle.core.internal.journal.ControlLayout;
import chronicle.core.internal.journal.Crc;
import chronicle.core.internal.journal.MappedFile;
import chronicle.core.internal.journal.NativeIO;
import chronicle.core.internal.journal.ReaderPosition;
import chronicle.core.internal.journal.ReaderPositionFile;
import chronicle.core.internal.journal.SeekIndex;
import chronicle.core.internal.journal.SegmentCatalog;
import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentHeader;
import chronicle.core.internal.journal.SegmentLayout;
import chronicle.core.internal.journal.WriterLock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a queue in order, zero copy, from any thread or process, crossing segment rolls as it goes.
 *
 * <p>A <em>named</em> reader saves its position with {@link #commit()} (crash-safe: two CRC-protected slots) and is
 * registered for retention: no segment it has not passed is deleted while it lives. An anonymous reader saves
 * nothing; if retention deletes a segment before it gets there, it continues at the oldest segment left and
 * {@link #skippedSegments()} counts the loss.
 *
 * <p>{@link #poll} never blocks and allocates nothing; wait between polls with an Agrona {@code IdleStrategy} or
 * {@link ReaderIdleStrategy}, or block with {@link #await}. Records are seen whole or not at all: the writer stores a
 * record's length word last. Checksums are verified on read only when {@link #verifyChecksums(boolean)} is set
 * (tools do; hot-path readers usually do not: a process crash cannot tear a record, see docs/FORMATS.md).
 *
 * <p><b>Not thread-safe: one thread per reader.</b>
 */
public final class QueueReader implements AutoCloseable {

    /** Status from {@link #poll}: the next record is not valid (see {@link #lastError()}). */
    public static final int CORRUPT = -1;

    private static final System.Logger LOG = System.getLogger(QueueReader.class.getName());
    private static final int MAPPINGS_KEPT = 8;

    /** What is known about the queue's writer. */
    public enum WriterState {
        /** a writer holds the lock and its process runs. */
        ALIVE,
        /** the lock names a process that is gone: the writer died without closing. */
        DEAD,
        /** no writer holds the lock (none ever did, or the last one closed). */
        NONE
    }

    private final Path dir;
    private final ControlFile control;
    private final ReaderPositionFile positionFile;
    private final Crc crc = new Crc();
    /** The {@code struct timespec} of {@link #await}, made on first use (most readers never park), freed by GC. */
    private MemorySegment timespec;
    private boolean verifyChecksums;

    private final SegmentCatalog catalog;
    /** Recently used segment mappings, so seeking back and forth does not map and unmap each time. */
    private final LinkedHashMap<Long, MappedFile> mappings = new LinkedHashMap<>(16, 0.75f, true);
    private MappedFile segment;
    private UnsafeBuffer buffer;
    private ByteBuffer view;
    private long segmentIndex = -1;
    private long baseSequence;
    private int position;
    private long nextSequence;
    private long skippedSegments;
    private String lastError = "";

    QueueReader(Path dir, ControlFile control, String name, StartPosition start) {
        this.dir = dir;
        this.control = control;
        this.positionFile = name == null ? null : ReaderPositionFile.open(dir, name);
        this.catalog = new SegmentCatalog(dir);
        try {
            seek(start);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Delivers up to {@code limit} records to the handler.
     *
     * @param handler receives each record, zero copy.
     * @param limit   most records to deliver in this call.
     * @return records delivered (0 when none is ready), or {@link #CORRUPT}.
     */
    public int poll(RecordHandler handler, int limit) {
        int delivered = 0;
        while (delivered < limit) {
            if (buffer == null && !openNext()) {
                break;
            }
            int at = position;
            int length = buffer.getIntVolatile(at);
            if (length == 0) {
                break;
            }
            if (length == SegmentLayout.END_OF_SEGMENT) {
                if (!openNext()) {
                    break;
                }
                continue;
            }
            boolean fits = SegmentLayout.fits(at, length, buffer.capacity());
            if (!fits || (verifyChecksums && !crc.matches(view, buffer, at, length))) {
                lastError = segment.path() + " offset " + at + ": "
                        + (fits ? "CRC32C mismatch" : "length " + length + " does not fit the segment");
                return delivered > 0 ? delivered : CORRUPT;
            }
            long sequence = baseSequence + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA));
            position = at + SegmentLayout.aligned(length);
            nextSequence = sequence + 1;
            handler.onRecord(buffer.getInt(at + SegmentLayout.R_TYPE), sequence,
                    buffer.getLong(at + SegmentLayout.R_TIMESTAMP), buffer, at + SegmentLayout.RECORD_HEADER,
                    length - SegmentLayout.RECORD_HEADER);
            delivered++;
        }
        return delivered;
    }

    /** @return whether a record (or a segment roll) is ready to poll. */
    public boolean hasNext() {
        if (buffer == null) {
            return openNext();
        }
        return buffer.getIntVolatile(position) != 0;
    }

    /**
     * Blocks until a record is ready or the timeout passes. Spins briefly, then parks on the queue's futex, which
     * the writer (in any process) wakes after a commit when readers are parked.
     *
     * @param timeout how long at most.
     * @param unit    its unit.
     * @return true if a record is ready.
     */
    public boolean await(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (int i = 0; i < 200; i++) {
            if (hasNext()) {
                return true;
            }
            Thread.onSpinWait();
        }
        UnsafeBuffer ctl = control.buffer();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return hasNext();
            }
            if (!NativeIO.futexAvailable() || !control.writable()) {
                LockSupport.parkNanos(Math.min(remaining, 50_000));
                if (hasNext()) {
                    return true;
                }
                continue;
            }
            ctl.getAndAddInt(ControlLayout.WAITERS_OFFSET, 1);
            try {
                int seen = ctl.getIntVolatile(ControlLayout.FUTEX_OFFSET);
                if (hasNext()) {
                    return true;
                }
                // Wake up at least every 100 ms to notice segments that appear without a commit.
                long sleep = Math.min(remaining, 100_000_000L);
                if (timespec == null) {
                    timespec = Arena.ofAuto().allocate(16, 8);
                }
                timespec.set(ValueLayout.JAVA_LONG, 0, sleep / 1_000_000_000L);
                timespec.set(ValueLayout.JAVA_LONG, 8, sleep % 1_000_000_000L);
                NativeIO.futexWait(control.futexAddress(), seen, timespec.address());
            } finally {
                ctl.getAndAddInt(ControlLayout.WAITERS_OFFSET, -1);
            }
            if (hasNext()) {
                return true;
            }
        }
    }

    /**
     * Moves the reader.
     *
     * @param start where to go.
     * @return false if the target does not exist yet (a sequence or time past the tail): the reader is at the tail.
     */
    public boolean seek(StartPosition start) {
        return switch (start) {
            case StartPosition.Earliest e -> seekEarliest();
            case StartPosition.Latest l -> seekLatest();
            case StartPosition.LastCommitted c -> seekCommitted(c.otherwise());
            case StartPosition.AtSequence s -> seekSequence(s.sequence());
            case StartPosition.AtTimestamp t -> seekTimestamp(t.epochNanos());
        };
    }

    /**
     * Saves this named reader's position (the next record to read) with a heartbeat.
     *
     * @throws IllegalStateException for an anonymous reader.
     */
    public void commit() {
        if (positionFile == null) {
            throw new IllegalStateException("an anonymous reader has no position to commit; open a named reader");
        }
        if (segmentIndex >= 0) {
            positionFile.write(segmentIndex, position, nextSequence);
        }
    }

    /** Refreshes a named reader's heartbeat without moving its position (call when idle for long). */
    public void heartbeat() {
        commit();
    }

    /** @param verify check every record's CRC32C before delivering it. @return this reader. */
    public QueueReader verifyChecksums(boolean verify) {
        this.verifyChecksums = verify;
        return this;
    }

    /** @return the sequence of the next record this reader will deliver. */
    public long nextSequence() {
        return nextSequence;
    }

    /** @return the number of the segment being read (-1 before the first segment exists). */
    public long segmentIndex() {
        return segmentIndex;
    }

    /** @return the offset of the next record in the current segment. */
    public int segmentOffset() {
        return position;
    }

    /** @return segments this reader lost to retention (anonymous readers only). */
    public long skippedSegments() {
        return skippedSegments;
    }

    /** @return why the last {@link #poll} returned {@link #CORRUPT}. */
    public String lastError() {
        return lastError;
    }

    /**
     * Tells whether the queue's writer is alive, dead (it stopped without closing: a crash) or absent. Reads the
     * lock file: call it when idle, not per record.
     *
     * @return the writer's state.
     */
    public WriterState writerState() {
        Optional<WriterLock.Owner> owner = WriterLock.owner(dir);
        return owner.map(o -> o.isAlive() ? WriterState.ALIVE : WriterState.DEAD).orElse(WriterState.NONE);
    }

    @Override
    public void close() {
        mappings.values().forEach(MappedFile::close);
        mappings.clear();
        segment = null;
        buffer = null;
        if (positionFile != null) {
            positionFile.close();
        }
    }

    // ---- positioning -------------------------------------------------------------------------------------------

    private boolean openSegment(long index, int at, long sequence) {
        MappedFile mapped = mappings.get(index);
        if (mapped == null) {
            Path path = SegmentFiles.path(dir, index);
            try {
                mapped = MappedFile.mapInUse(path);
            } catch (java.nio.file.NoSuchFileException e) {
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
     */
    private boolean openNext() {
        long left = segmentIndex;
        if (left < 0) {
            long[] all = SegmentFiles.list(dir);
            return all.length > 0 && openSegment(all[0], SegmentLayout.HEADER_SIZE, -1);
        }
        long wanted = left + 1;
        boolean moved = openSegment(wanted, SegmentLayout.HEADER_SIZE, -1);
        if (!moved) {
            for (long index : SegmentFiles.list(dir)) {
                if (index > wanted && openSegment(index, SegmentLayout.HEADER_SIZE, -1)) {
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

    private boolean seekEarliest() {
        long[] all = SegmentFiles.list(dir);
        if (all.length == 0) {
            segmentIndex = -1;
            nextSequence = 0;
            return true;
        }
        return openSegment(all[0], SegmentLayout.HEADER_SIZE, -1) || seekEarliest();
    }

    private boolean seekLatest() {
        long[] all = SegmentFiles.list(dir);
        if (all.length == 0) {
            segmentIndex = -1;
            return true;
        }
        for (int i = all.length - 1; i >= 0; i--) {
            if (openSegment(all[i], SegmentLayout.HEADER_SIZE, -1)) {
                SeekIndex index = SeekIndex.read(dir.resolve(SegmentLayout.indexFileName(all[i])));
                jumpToEntry(index, index.size() - 1);
                walkTo(Long.MAX_VALUE, Long.MAX_VALUE);
                while (buffer.getIntVolatile(position) == SegmentLayout.END_OF_SEGMENT && openNext()) {
                    walkTo(Long.MAX_VALUE, Long.MAX_VALUE);
                }
                return true;
            }
        }
        return seekEarliest();
    }

    private boolean seekCommitted(StartPosition otherwise) {
        if (positionFile == null) {
            throw new IllegalArgumentException("an anonymous reader has no committed position; open a named reader");
        }
        Optional<ReaderPosition> saved = positionFile.read();
        if (saved.isEmpty()) {
            return seek(otherwise);
        }
        ReaderPosition p = saved.get();
        if (openSegment(p.segment(), (int) p.offset(), p.nextSequence())) {
            return true;
        }
        LOG.log(Level.WARNING, "{0}: reader ''{1}'' was at segment {2}, which no longer exists; continuing at "
                + "sequence {3} or the earliest after it", dir, p.name(), p.segment(), p.nextSequence());
        return seekSequence(p.nextSequence());
    }

    private boolean seekSequence(long sequence) {
        Optional<SegmentCatalog.Entry> entry = catalog.floorBySequence(sequence);
        if (entry.isEmpty()) {
            return seekEarliest();
        }
        if (!openSegment(entry.get().index(), SegmentLayout.HEADER_SIZE, -1)) {
            catalog.refresh(); // deleted by retention meanwhile: the oldest segment left is the answer
            return seekEarliest();
        }
        SeekIndex index = catalog.index(entry.get());
        jumpToEntry(index, index.floorBySequence(sequence));
        while (true) {
            walkTo(sequence, Long.MAX_VALUE);
            if (nextSequence >= sequence) {
                return nextSequence == sequence && buffer.getIntVolatile(position) > 0; // false: not written yet
            }
            if (buffer.getIntVolatile(position) != SegmentLayout.END_OF_SEGMENT || !openNext()) {
                return false; // the tail: the sequence is not written yet
            }
        }
    }

    private boolean seekTimestamp(long timestamp) {
        Optional<SegmentCatalog.Entry> entry = catalog.firstReaching(timestamp);
        if (entry.isEmpty() || !openSegment(entry.get().index(), SegmentLayout.HEADER_SIZE, -1)) {
            return seekLatest();
        }
        SeekIndex index = catalog.index(entry.get());
        jumpToEntry(index, index.lastBefore(timestamp));
        while (true) {
            walkTo(Long.MAX_VALUE, timestamp);
            int length = buffer.getIntVolatile(position);
            if (length != SegmentLayout.END_OF_SEGMENT) {
                return length != 0; // at the first record at or after the time, or at the tail
            }
            if (!openNext()) {
                return false;
            }
        }
    }

    /** Positions at an index entry after checking that it points at the record it names. */
    private void jumpToEntry(SeekIndex index, int entry) {
        for (int e = entry; e >= 0; e--) {
            long offset = index.offsets()[e];
            if (offset >= SegmentLayout.HEADER_SIZE && offset + SegmentLayout.RECORD_HEADER <= buffer.capacity()
                    && (offset & 7) == 0) {
                int at = (int) offset;
                int length = buffer.getIntVolatile(at);
                if (SegmentLayout.fits(at, length, buffer.capacity())
                        && baseSequence + Integer.toUnsignedLong(buffer.getInt(at + SegmentLayout.R_SEQ_DELTA))
                        == index.sequences()[e]) {
                    position = at;
                    nextSequence = index.sequences()[e];
                    return;
                }
            }
        }
    }

    /** Walks forward to the first record with sequence &gt;= {@code sequence} or timestamp &gt;= {@code time}. */
    private void walkTo(long sequence, long time) {
        while (true) {
            int length = buffer.getIntVolatile(position);
            if (!SegmentLayout.fits(position, length, buffer.capacity())) {
                return;
            }
            if (nextSequence >= sequence || buffer.getLong(position + SegmentLayout.R_TIMESTAMP) >= time) {
                return;
            }
            position += SegmentLayout.aligned(length);
            nextSequence++;
        }
    }

}
