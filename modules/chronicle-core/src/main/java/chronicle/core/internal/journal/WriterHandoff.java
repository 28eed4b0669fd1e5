package chronicle.core.internal.journal;

import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * What the writer and its helper duties ({@link WriterHelper}) share: the writer publishes where it writes and what
 * it needs next; the duties publish what they have prepared. Written by one side, read by the other.
 *
 * <p>Plain volatile fields and Agrona's single-producer queue rather than {@code AtomicReference} and
 * {@code ConcurrentLinkedQueue}: a roll is rare, so its code runs interpreted, where VarHandle-based atomics cost
 * microseconds each (measured: 20 us for a getAndSet, 14 us for a {@code ConcurrentLinkedQueue.add} on a cold path).
 *
 * <p>The hand-over of a prepared segment is lock-free for the writer (a helper thread in {@code SCHED_IDLE} must
 * never hold a lock the writer waits for): the writer writes {@link #lastTaken} and then reads {@link #creating};
 * the helper writes {@code creating} and then reads {@code lastTaken}. Both are volatile, so at least one sees the
 * other: either the helper does not create the number the writer took, or the writer waits for that creation to
 * finish and takes its result. So the two never create the same file.
 */
final class WriterHandoff {

    /** Rolls the writer may be ahead of the helper (whose work includes writing the new index's header). */
    static final int MAX_PENDING_ROLLS = 64;

    // Written by the writer.
    /** The active segment's mapping, 0 before the first. */
    volatile long address;
    /** Its length. */
    volatile int capacity;
    /** The writer's offset in it, reported every {@link WriterHelper#REPORT_EVERY_BYTES}. */
    volatile int position;
    /** The active segment's number. */
    volatile long currentIndex = -1;
    /** The number of the segment to prepare next. */
    volatile long wantedNext = -1;
    /** Retention is due with this segment active (only ever raised). */
    volatile long retentionActive = -1;
    /** The highest segment number the writer has taken (prepared or not). */
    volatile long lastTaken = -1;
    /** What a roll leaves to the helper, in roll order. */
    final OneToOneConcurrentArrayQueue<RetiredSegment> retired = new OneToOneConcurrentArrayQueue<>(MAX_PENDING_ROLLS);

    // Written by the helper.
    /** The next segment, created under its final name and not yet published, or null. */
    volatile PreparedSegment prepared;
    /** The number of the prepared segment whose first pages are touched too. */
    volatile long readyIndex = -1;
    /** The number the helper is creating right now, or -1. */
    volatile long creating = -1;
    /** The prepared segment the helper is storing into right now (pre-touch), or null. */
    volatile PreparedSegment touching;
}
