package chronicle.core.api;

import chronicle.core.internal.journal.ControlFile;
import chronicle.core.internal.journal.ControlLayout;
import chronicle.core.internal.journal.NativeIO;
import chronicle.core.internal.journal.ReaderCursor;
import chronicle.core.internal.journal.ReaderPosition;
import chronicle.core.internal.journal.ReaderPositionFile;
import chronicle.core.internal.journal.Seeker;
import chronicle.core.internal.journal.SegmentLayout;
import chronicle.core.internal.journal.WriterLock;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
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
public final class QueueReader implements RecordSource {

    /** Status from {@link #poll}: the next record is not valid (see {@link #lastError()}). */
    public static final int CORRUPT = RecordSource.CORRUPT;

    private static final System.Logger LOG = System.getLogger(QueueReader.class.getName());

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
    /** The struct timespec of {@link #await}, made on first use (most readers never park), freed by GC. */
    private MemorySegment timespec;
    private boolean verifyChecksums;
    private final ReaderCursor cursor;
    private final Seeker seeker;
    private String lastError = "";

    QueueReader(Path dir, ControlFile control, String name, StartPosition start) {
        this.dir = dir;
        this.control = control;
        this.positionFile = name == null ? null : ReaderPositionFile.open(dir, name);
        this.cursor = new ReaderCursor(dir);
        this.seeker = new Seeker(dir, cursor);
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
        ReaderCursor at = cursor;
        int delivered = 0;
        while (delivered < limit) {
            UnsafeBuffer buffer = at.buffer();
            if (buffer == null) {
                if (!at.openNext()) {
                    break;
                }
                buffer = at.buffer();
            }
            int offset = at.position();
            int length = buffer.getIntVolatile(offset);
            if (length == 0) {
                break;
            }
            if (length == SegmentLayout.END_OF_SEGMENT) {
                if (!at.openNext()) {
                    break;
                }
                continue;
            }
            boolean fits = SegmentLayout.fits(offset, length, buffer.capacity());
            if (!fits || (verifyChecksums && !at.crc().matches(at.view(), buffer, offset, length))) {
                lastError = at.segmentPath() + " offset " + offset + ": "
                        + (fits ? "CRC32C mismatch" : "length " + length + " does not fit the segment");
                return delivered > 0 ? delivered : CORRUPT;
            }
            long sequence = at.baseSequence()
                    + Integer.toUnsignedLong(buffer.getInt(offset + SegmentLayout.R_SEQ_DELTA));
            at.moveTo(offset + SegmentLayout.aligned(length), sequence + 1);
            handler.onRecord(buffer.getInt(offset + SegmentLayout.R_TYPE), sequence,
                    buffer.getLong(offset + SegmentLayout.R_TIMESTAMP), buffer, offset + SegmentLayout.RECORD_HEADER,
                    length - SegmentLayout.RECORD_HEADER);
            delivered++;
        }
        return delivered;
    }

    /** @return whether a record (or a segment roll) is ready to poll. */
    public boolean hasNext() {
        UnsafeBuffer buffer = cursor.buffer();
        if (buffer == null) {
            return cursor.openNext();
        }
        return buffer.getIntVolatile(cursor.position()) != 0;
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
            case StartPosition.Earliest e -> seeker.earliest();
            case StartPosition.Latest l -> seeker.latest();
            case StartPosition.LastCommitted c -> seekCommitted(c.otherwise());
            case StartPosition.AtSequence s -> seeker.sequence(s.sequence());
            case StartPosition.AtTimestamp t -> seeker.timestamp(t.epochNanos());
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
        if (cursor.segmentIndex() >= 0) {
            positionFile.write(cursor.segmentIndex(), cursor.position(), cursor.nextSequence());
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
        return cursor.nextSequence();
    }

    /** @return the number of the segment being read (-1 before the first segment exists). */
    public long segmentIndex() {
        return cursor.segmentIndex();
    }

    /** @return the offset of the next record in the current segment. */
    public int segmentOffset() {
        return cursor.position();
    }

    /** @return segments this reader lost to retention (anonymous readers only). */
    public long skippedSegments() {
        return cursor.skippedSegments();
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
        cursor.close();
        if (positionFile != null) {
            positionFile.close();
        }
    }

    // ---- positioning -------------------------------------------------------------------------------------------

    private boolean seekCommitted(StartPosition otherwise) {
        if (positionFile == null) {
            throw new IllegalArgumentException("an anonymous reader has no committed position; open a named reader");
        }
        Optional<ReaderPosition> saved = positionFile.read();
        if (saved.isEmpty()) {
            return seek(otherwise);
        }
        ReaderPosition p = saved.get();
        if (cursor.open(p.segment(), (int) p.offset(), p.nextSequence())) {
            return true;
        }
        LOG.log(Level.WARNING, "{0}: reader ''{1}'' was at segment {2}, which no longer exists; continuing at "
                + "sequence {3} or the earliest after it", dir, p.name(), p.segment(), p.nextSequence());
        return seeker.sequence(p.nextSequence());
    }
}
