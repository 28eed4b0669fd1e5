package chronicle.core.api;

import chronicle.core.internal.journal.ControlFile;
import chronicle.core.internal.journal.Crc;
import chronicle.core.internal.journal.MappedFile;
import chronicle.core.internal.journal.NativeIO;
import chronicle.core.internal.journal.PreparedSegment;
import chronicle.core.internal.journal.Recovery;
import chronicle.core.internal.journal.SeekIndexWriter;
import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentLayout;
import chronicle.core.internal.journal.SegmentSeal;
import chronicle.core.internal.journal.WriterHelper;
import chronicle.core.internal.journal.WriteStage;
import chronicle.core.internal.journal.WriterLock;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The one writer of a queue. Appends records (type id, timestamp, payload) from a byte array, a buffer, or in place
 * ({@link #claim} / {@link #commit}: zero copy), and rolls, seals and indexes segments as it goes.
 *
 * <p>Append methods return the record's sequence number (global to the queue, continuing across writer restarts)
 * or a negative status code, never throw, and allocate nothing in steady state. Rolling to a new segment may throw
 * {@link QueueException} (for example a full disk): the queue is left as it was and the record is not appended.
 *
 * <p>On open the writer takes the queue's lock (a live writer is never displaced; a dead one's lock is taken
 * over), then recovers: it finds the true tail of a segment left unsealed, discards a torn record by its CRC,
 * zeroes what follows, seals it, and continues with the next sequence number in a new segment.
 *
 * <p><b>Not thread-safe: one thread appends.</b> Readers in other threads and processes see each record whole, the
 * moment its length word is stored.
 *
 * <p>A bulk writer opened with {@link QueueOptions#stagingBytes()} composes records in a staging buffer and writes
 * them a stage at a time ({@link WriteStage}): readers see them once a megabyte is written, at {@link #flush()},
 * and at every roll, sync, finish and close. A flush may throw {@link QueueException} if the file cannot be written;
 * the batch then stays staged and nothing is lost from the queue.
 */
public final class QueueWriter implements AutoCloseable {

    /** Status: the payload does not fit in a segment. */
    public static final long MESSAGE_TOO_LARGE = -1;
    /** Status: the writer is closed. */
    public static final long CLOSED = -2;
    /** Status: {@link #claim} was called while a claim is open, or {@link #commit} without a claim. */
    public static final long CLAIM_STATE = -3;

    private static final System.Logger LOG = System.getLogger(QueueWriter.class.getName());
    private static final long DAY_NANOS = 86_400_000_000_000L;

    private final Path dir;
    private final QueueOptions options;
    private final ControlFile control;
    private final WriterLock lock;
    private final Crc crc = new Crc();
    private final WriterHelper helper;
    private final int maxPayload;
    /** The bulk writer's staging buffer, or null: every record is stored in place. */
    private final WriteStage stage;

    private MappedFile segment;
    private UnsafeBuffer buffer;
    private ByteBuffer view;
    private SeekIndexWriter index;
    private long segmentIndex;
    private long baseSequence;
    private long nextSequence;
    private int position;
    private int limit;
    private long recordsInSegment;
    private long firstTimestamp;
    private long maxTimestamp;
    private long dayBoundary;
    private int indexCountdown;
    private int reportedPosition;
    private int claimAt = -1;
    private int claimLength;
    /** Where the record being appended is composed: the segment's mapping, or the stage. */
    private UnsafeBuffer target;
    private ByteBuffer targetView;
    /** The segment offset of {@code target}'s byte 0. */
    private int targetBase;
    private boolean closed;
    private final UnsafeBuffer claimView = new UnsafeBuffer(0, 0);

    QueueWriter(Path dir, QueueOptions options, ControlFile control) {
        this.dir = dir;
        this.options = options;
        this.control = control;
        this.maxPayload = options.segmentSize() - SegmentLayout.HEADER_SIZE - SegmentLayout.TRAILER
                - SegmentLayout.RECORD_HEADER;
        this.stage = options.stagesWrites() ? new WriteStage(options.stagingBytes()) : null;
        this.lock = WriterLock.acquire(dir);
        this.helper = new WriterHelper(dir, options);
        lock.previousOwner().ifPresent(o -> LOG.log(Level.INFO, "{0}: took over the writer lock last held by pid "
                + "{1} (no longer running)", dir, String.valueOf(o.pid())));
        try {
            SegmentFiles.deleteLeftovers(dir);
            recoverAndOpen();
        } catch (RuntimeException e) {
            helper.stop();
            if (stage != null) {
                stage.close();
            }
            lock.close();
            throw e;
        }
        helper.start();
    }

    private void recoverAndOpen() {
        switch (Recovery.recover(dir, options)) {
            case Recovery.StartNew(long number, long base) -> openNew(createPublished(number, base));
            case Recovery.ContinueIn(MappedFile mapped, SeekIndexWriter seekIndex, long number, long base, int at) ->
                    openSegment(mapped, seekIndex, number, base, at, 0, Long.MIN_VALUE, Long.MIN_VALUE);
        }
        control.wakeReaders(); // readers parked in a segment recovery has sealed move on
    }

    /** Creates and publishes a segment on this thread (opening, or a roll that found nothing prepared). */
    private PreparedSegment createPublished(long number, long base) {
        PreparedSegment created = PreparedSegment.create(dir, number, options.segmentSize(), options.index(),
                !options.stagesWrites());
        publishOrDiscard(created, base);
        return created;
    }

    private void publishOrDiscard(PreparedSegment next, long base) {
        try {
            next.publish(base, options.index().interval());
        } catch (RuntimeException e) {
            next.discard();
            throw e;
        }
    }

    private void openNew(PreparedSegment published) {
        openSegment(published.file(), published.seekIndex(), published.index(),
                published.file().buffer().getLong(SegmentLayout.BASE_SEQUENCE_OFFSET), SegmentLayout.HEADER_SIZE, 0,
                Long.MIN_VALUE, Long.MIN_VALUE);
    }

    private void openSegment(MappedFile mapped, SeekIndexWriter seekIndex, long number, long base, int at,
                             long records, long firstTs, long maxTs) {
        segment = mapped;
        buffer = mapped.buffer();
        view = mapped.byteBuffer();
        segmentIndex = number;
        baseSequence = base;
        crc.salt(SegmentLayout.crcSalt(number, buffer.getInt(SegmentLayout.VERSION_OFFSET)));
        nextSequence = base + records;
        position = at;
        limit = mapped.length() - SegmentLayout.TRAILER;
        recordsInSegment = records;
        firstTimestamp = firstTs;
        maxTimestamp = maxTs;
        dayBoundary = records > 0 ? nextUtcMidnight(firstTs) : Long.MAX_VALUE;
        index = seekIndex;
        indexCountdown = 0;
        reportedPosition = at;
        target = buffer;
        targetView = view;
        targetBase = 0;
        if (stage != null && !stage.segment(mapped.path(), at)) {
            throw new QueueException(mapped.path() + ": cannot open the segment for writing (permissions, or too "
                    + "many open files)");
        }
        helper.segment(number, mapped.address(), mapped.length(), at);
    }

    /**
     * Appends a record from a buffer.
     *
     * @param type      the record's type id.
     * @param timestamp its timestamp, epoch nanoseconds.
     * @param source    the payload's buffer.
     * @param offset    at which the payload begins.
     * @param length    of the payload.
     * @return the record's sequence, or {@link #MESSAGE_TOO_LARGE}, {@link #CLOSED}, {@link #CLAIM_STATE}.
     */
    public long append(int type, long timestamp, DirectBuffer source, int offset, int length) {
        int at = reserve(length, timestamp, true);
        if (at < 0) {
            return at;
        }
        target.putBytes(at - targetBase + SegmentLayout.RECORD_HEADER, source, offset, length);
        return publish(at, type, timestamp, length);
    }

    /**
     * Appends a copy of a payload with one 8-byte field of it replaced on the way, in a single pass over the bytes:
     * for pipelines that stamp every record they copy (the refinery writes the source queue's sequence into each
     * event header), without a claim and a second write.
     *
     * @param type        the record's type id.
     * @param timestamp   its timestamp, epoch nanoseconds.
     * @param source      the payload's buffer.
     * @param offset      at which the payload begins.
     * @param length      of the payload.
     * @param stampOffset where in the payload the field begins (0 to {@code length - 8}).
     * @param stamp       the field's value, stored little-endian as Agrona stores longs.
     * @return the record's sequence, or {@link #MESSAGE_TOO_LARGE}, {@link #CLOSED}, {@link #CLAIM_STATE}.
     * @throws IllegalArgumentException if the field does not lie within the payload.
     */
    public long appendStamped(int type, long timestamp, DirectBuffer source, int offset, int length,
                              int stampOffset, long stamp) {
        if (stampOffset < 0 || stampOffset > length - Long.BYTES) {
            throw new IllegalArgumentException("stamp offset " + stampOffset + " is outside a payload of " + length
                    + " bytes");
        }
        int at = reserve(length, timestamp, true);
        if (at < 0) {
            return at;
        }
        int payload = at - targetBase + SegmentLayout.RECORD_HEADER;
        target.putBytes(payload, source, offset, length);
        target.putLong(payload + stampOffset, stamp);
        return publish(at, type, timestamp, length);
    }

    /**
     * Appends a record from a byte array.
     *
     * @param type      the record's type id.
     * @param timestamp its timestamp, epoch nanoseconds.
     * @param payload   the payload.
     * @return the record's sequence, or a negative status.
     */
    public long append(int type, long timestamp, byte[] payload) {
        int at = reserve(payload.length, timestamp, true);
        if (at < 0) {
            return at;
        }
        target.putBytes(at - targetBase + SegmentLayout.RECORD_HEADER, payload);
        return publish(at, type, timestamp, payload.length);
    }

    /**
     * Appends a record from a byte buffer's remaining bytes (its position is not changed).
     *
     * @param type      the record's type id.
     * @param timestamp its timestamp, epoch nanoseconds.
     * @param payload   the payload, from position to limit.
     * @return the record's sequence, or a negative status.
     */
    public long append(int type, long timestamp, ByteBuffer payload) {
        int length = payload.remaining();
        int at = reserve(length, timestamp, true);
        if (at < 0) {
            return at;
        }
        target.putBytes(at - targetBase + SegmentLayout.RECORD_HEADER, payload, payload.position(), length);
        return publish(at, type, timestamp, length);
    }

    /**
     * Reserves room for a payload of up to {@code maxLength} bytes to be written in place into
     * {@link #claimBuffer()} at index 0, then published by {@link #commit}. Zero copy: the claim is in the segment
     * itself, also for a writer with a staging buffer (whose staged records are flushed first).
     *
     * @param maxLength the most bytes that will be written.
     * @param timestamp the record's timestamp (decides a daily roll).
     * @return 0 on success (write at index 0 of {@link #claimBuffer()}), or a negative status.
     */
    public long claim(int maxLength, long timestamp) {
        if (claimAt >= 0) {
            return CLAIM_STATE;
        }
        int at = reserve(maxLength, timestamp, false);
        if (at < 0) {
            return at;
        }
        claimAt = at;
        claimLength = maxLength;
        claimView.wrap(buffer, at + SegmentLayout.RECORD_HEADER, maxLength);
        return 0;
    }

    /**
     * @return the claimed region: write the payload from index 0, up to the claimed length.
     */
    public MutableDirectBuffer claimBuffer() {
        return claimView;
    }

    /**
     * Publishes the claimed record.
     *
     * @param type      the record's type id.
     * @param timestamp its timestamp, epoch nanoseconds.
     * @param length    bytes actually written (at most the claimed length).
     * @return the record's sequence, or {@link #CLAIM_STATE} without a claim or with a longer length.
     */
    public long commit(int type, long timestamp, int length) {
        if (claimAt < 0 || length < 0 || length > claimLength) {
            return CLAIM_STATE;
        }
        int at = claimAt;
        claimAt = -1;
        return publish(at, type, timestamp, length);
    }

    /** Drops an open claim: nothing was published, the room is reused. */
    public void abort() {
        if (claimAt >= 0) {
            buffer.setMemory(claimAt + SegmentLayout.RECORD_HEADER, claimLength, (byte) 0);
            claimAt = -1;
        }
    }

    /**
     * Makes room for a record and chooses where it is composed ({@code target}).
     *
     * @param staged whether it may go to the stage (a claim is always in place).
     * @return its segment offset, or a negative status.
     */
    private int reserve(int length, long timestamp, boolean staged) {
        if (closed) {
            return (int) CLOSED;
        }
        if (claimAt >= 0) {
            return (int) CLAIM_STATE;
        }
        if (length < 0 || length > maxPayload) {
            return (int) MESSAGE_TOO_LARGE;
        }
        int aligned = SegmentLayout.aligned(SegmentLayout.RECORD_HEADER + length);
        if (position + aligned > limit || (timestamp >= dayBoundary && options.rollDaily())) {
            roll();
        }
        if (stage != null) {
            if (staged && stage.takes(aligned)) {
                if (stage.entriesFull()) {
                    flush();
                } else if (!stage.fits(position, aligned)) {
                    writeStage();
                    if (stage.publishDue(position)) {
                        publishStage();
                    }
                }
                target = stage.buffer();
                targetView = stage.view();
                targetBase = stage.from();
            } else {
                flush();
                target = buffer;
                targetView = view;
                targetBase = 0;
            }
        }
        return position;
    }

    private long publish(int at, int type, long timestamp, int payloadLength) {
        int length = SegmentLayout.RECORD_HEADER + payloadLength;
        long sequence = nextSequence;
        UnsafeBuffer out = target;
        int local = at - targetBase;
        out.putInt(local + SegmentLayout.R_TYPE, type);
        out.putLong(local + SegmentLayout.R_TIMESTAMP, timestamp);
        out.putInt(local + SegmentLayout.R_SEQ_DELTA, (int) (sequence - baseSequence));
        out.putInt(local + SegmentLayout.R_CRC, crc.of(targetView, local, length));
        int next = at + SegmentLayout.aligned(length);
        // Where a reader looks once it has this record: zero before the commit, as the segment may be a recycled
        // file holding an old record there (within bounds: a segment always keeps room for the end marker).
        out.putInt(next - targetBase, 0);
        boolean inPlace = out == buffer;
        if (inPlace) {
            // The commit: a volatile store, so that the load of the waiter count below cannot be ordered before it.
            buffer.putIntVolatile(at, length);
            if (stage != null) {
                stage.skipTo(next);
            }
        } else {
            stage.commit(at, length);
        }
        nextSequence = sequence + 1;
        position = next;
        if (recordsInSegment++ == 0) {
            firstTimestamp = timestamp;
            dayBoundary = nextUtcMidnight(timestamp);
        }
        if (timestamp > maxTimestamp) {
            maxTimestamp = timestamp;
        }
        if (indexCountdown-- == 0) {
            indexCountdown = options.index().interval() - 1;
            if (inPlace) {
                index.add(sequence, maxTimestamp, at);
            } else {
                stage.indexEntry(sequence, maxTimestamp, at);
            }
        }
        if (inPlace) {
            published(at);
        }
        return sequence;
    }

    /**
     * What follows each publication: position reports to the helper, the sync of every append, waking readers.
     *
     * @param from the segment offset of the first record just published.
     */
    private void published(int from) {
        if (position - reportedPosition >= WriterHelper.REPORT_EVERY_BYTES) {
            reportedPosition = position;
            helper.position(position); // the helper keeps pages faulted in ahead of this
        }
        if (options.durability() == Durability.SYNC_EVERY_APPEND) {
            NativeIO.msync(segment.address() + from, position - from);
        }
        control.wakeReaders();
    }

    /**
     * Publishes the staged records of a writer with a staging buffer ({@link QueueOptions#stagingBytes()}): one
     * {@code write(2)} of what is staged, one store that makes everything written visible to readers. Nothing to do
     * for a writer without one, or with nothing unpublished.
     *
     * @throws QueueException naming the segment file if it cannot be written (disk full, I/O error); the records
     *                        stay staged, and a later flush writes them.
     */
    public void flush() {
        if (stage == null || closed || stage.unpublished() == position) {
            return;
        }
        writeStage();
        publishStage();
    }

    private void writeStage() {
        if (!stage.write(position)) {
            throw new QueueException(stage.file() + ": cannot write " + (position - stage.from()) + " staged bytes "
                    + "(disk full or an I/O error); they stay staged: free space and flush again");
        }
    }

    private void publishStage() {
        int from = stage.unpublished();
        stage.publish(buffer, index);
        published(from);
    }

    /**
     * Seals the current segment and continues in a new one.
     *
     * @throws QueueException if the new segment cannot be created (the current one stays as it was).
     */
    public void roll() {
        flush();
        long newIndex = segmentIndex + 1;
        // Publish the next segment first: a reader that sees the end marker always finds it. Usually the helper
        // thread has created and mapped it (and its index) already, and this only stores its header.
        long base = nextSequence;
        PreparedSegment next = helper.takePrepared(newIndex);
        boolean indexHeaderPending = next != null;
        if (next != null) {
            next.publishSegment(base); // memory stores: its index header is written by the helper thread
        } else {
            next = createPublished(newIndex, base);
        }
        SegmentSeal seal = currentSeal();
        endCurrent(false);
        // The old header's seal fields, file-system calls and unmapping a large segment: off the writer's thread.
        helper.rolled(segment, index, seal, options.durability() != Durability.PAGE_CACHE,
                indexHeaderPending ? next.seekIndex() : null, newIndex, base, options.index().interval());
        openNew(next);
        if (options.retention().deletes()) {
            helper.applyRetention(newIndex);
        }
    }

    private SegmentSeal currentSeal() {
        return new SegmentSeal(recordsInSegment, position, firstTimestamp, maxTimestamp);
    }

    /**
     * Writes the end-of-segment marker, which readers follow into the next segment, and with {@code sealHere} the
     * header's seal fields too (at a roll the helper thread writes those: {@link SegmentSeal}).
     */
    private void endCurrent(boolean sealHere) {
        buffer.putIntVolatile(position, SegmentLayout.END_OF_SEGMENT);
        if (sealHere) {
            currentSeal().writeTo(buffer);
        }
        if (options.durability() != Durability.PAGE_CACHE) {
            index.flush(); // otherwise the helper thread flushes it when it closes it after the roll
            NativeIO.msync(segment.address(), segment.length());
            index.force();
        }
        control.wakeReaders();
    }

    private void closeCurrent() {
        index.close(); // flushes
        segment.close();
    }

    /** Writes everything appended so far through to the device, whatever the durability mode. */
    public void sync() {
        flush();
        NativeIO.msync(segment.address(), position);
        index.flush();
        index.force();
    }

    /**
     * Chooses the sequence of the first record of an empty queue, so that a mirror of another queue (the archive
     * tap) can keep the source's sequence numbers: then a record's sequence is its provenance, and the mirror's
     * next sequence is exactly where copying resumes after a crash.
     *
     * @param first the sequence the first record gets.
     * @throws QueueException if the queue already holds a record or more than one segment.
     */
    public void startSequenceAt(long first) {
        if (first < 0) {
            throw new IllegalArgumentException("first sequence must be >= 0, got " + first);
        }
        if (!isEmpty()) {
            throw new QueueException(dir + ": the first sequence can only be chosen while the queue is empty "
                    + "(it holds records up to " + (nextSequence - 1) + ")");
        }
        buffer.putLong(SegmentLayout.BASE_SEQUENCE_OFFSET, first);
        index.start(segmentIndex, first, options.index().interval(), 0);
        baseSequence = first;
        nextSequence = first;
    }

    /**
     * The writer's helper duties (preparing segments, pre-touch, finishing rolls, retention, sync) for the
     * application to run from this writer's thread, in its idle loop: each {@code invoke()} does one small bounded
     * step and returns the work done (0: nothing was due). Call it regularly; see {@link HelperMode#INVOKER}.
     *
     * @return the invoker (the same one on every call).
     * @throws IllegalStateException if the queue was opened with {@link HelperMode#THREAD}, whose dedicated thread
     *                               runs the duties.
     */
    public AgentInvoker helperInvoker() {
        AgentInvoker invoker = helper.invoker();
        if (invoker == null) {
            throw new IllegalStateException(dir + ": the writer's helper runs on its own thread; open the queue with "
                    + "QueueOptions.withHelperMode(HelperMode.INVOKER) to run it from the writer's thread");
        }
        return invoker;
    }

    /** @return whether the queue holds no record at all (one segment, nothing in it). */
    public boolean isEmpty() {
        return recordsInSegment == 0 && nextSequence == baseSequence && SegmentFiles.list(dir).length == 1;
    }

    /** @return the sequence the next record will get. */
    public long nextSequence() {
        return nextSequence;
    }

    /** @return the number of the segment being written. */
    public long segmentIndex() {
        return segmentIndex;
    }

    /** @return the queue directory. */
    public Path directory() {
        return dir;
    }

    /**
     * Seals the active segment and closes the writer: the queue is complete (an imported day, a finished capture),
     * so every one of its segments is sealed and may be verified, compressed or tiered. A writer that opens the
     * queue later continues the sequence in a new segment, as after a roll.
     */
    public void finish() {
        if (closed) {
            return;
        }
        flush();
        endCurrent(true);
        close();
    }

    /**
     * Closes the writer: flushes the index, syncs per the durability mode, unmaps, and releases the lock. The
     * active segment stays unsealed so the next writer continues the sequence in a new segment after recovery.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush(); // if it throws, the writer stays open: the staged records are not dropped unseen
        closed = true;
        boolean helperStopped = helper.stop();
        index.flush();
        if (options.durability() != Durability.PAGE_CACHE) {
            sync();
        }
        if (helperStopped) {
            closeCurrent();
        } else {
            index.close();
            LOG.log(Level.WARNING, "{0}: the writer''s helper thread did not stop within 10 s; the "
                    + "active segment stays mapped until the process exits", dir);
        }
        if (stage != null) {
            stage.close();
        }
        lock.close();
    }

    private static long nextUtcMidnight(long epochNanos) {
        return Math.floorDiv(epochNanos, DAY_NANOS) * DAY_NANOS + DAY_NANOS;
    }
}
