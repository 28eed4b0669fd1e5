package chronicle.core.internal.journal;

import chronicle.core.api.Durability;
import chronicle.core.api.HelperMode;
import chronicle.core.api.QueueOptions;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer's helper: the duties that keep slow work off the append path, each an Agrona
 * {@link org.agrona.concurrent.Agent}, composed into one and run either on a dedicated thread
 * ({@link HelperMode#THREAD}, an {@link AgentRunner}) or by the application from the writer's thread
 * ({@link HelperMode#INVOKER}, an {@link AgentInvoker}), as Aeron runs its media driver's agents:
 * <ol>
 *   <li>{@link SegmentPreparer}: the next segment, created (or recycled) and pre-touched ahead of the roll;</li>
 *   <li>{@link PretouchAgent}: pages faulted in ahead of the writer;</li>
 *   <li>{@link RollFinisher}: the ended segment's seal, index and unmapping after a roll;</li>
 *   <li>{@link SyncAgent}: write-back behind the writer, periodic sync;</li>
 *   <li>{@link RetentionAgent}: retention after a roll, handing files to the {@link SegmentRecycler}.</li>
 * </ol>
 * Every duty works in bounded slices: a few milliseconds on the dedicated thread, a 64 KiB page range or one roll
 * step per call on the writer's. The dedicated thread runs in {@code SCHED_IDLE} (except under
 * {@code SYNC_PERIODIC}, whose sync has a deadline): it never takes a CPU from a busy-spinning writer or reader, and
 * none of its duties is one the writer cannot do itself or wait for.
 *
 * <p>The writer talks to it through the methods here ({@link #segment}, {@link #position}, {@link #takePrepared},
 * {@link #rolled}, {@link #applyRetention}), which only publish through the {@link WriterHandoff}.
 */
public final class WriterHelper {

    /** The writer reports its position when it has moved this far. */
    public static final int REPORT_EVERY_BYTES = 256 * 1024;
    /** Rolls the writer may be ahead of its helper. */
    public static final int MAX_PENDING_ROLLS = WriterHandoff.MAX_PENDING_ROLLS;
    /** Pre-touching of the current segment per step on a dedicated thread: a few milliseconds of work. */
    private static final long THREAD_TOUCH_SLICE = 16L << 20;
    /** Pre-touching of the next segment per step on a dedicated thread. */
    private static final long THREAD_NEXT_SLICE = 8L << 20;
    /** Page tables of an ended segment dropped per step on a dedicated thread. */
    private static final long THREAD_DROP_CHUNK = 64L << 20;
    /** Page tables dropped per step on the writer's thread. */
    private static final long INVOKER_DROP_CHUNK = 1L << 20;
    private static final int STOP_TIMEOUT_MILLIS = 10_000;

    private final WriterHandoff handoff = new WriterHandoff();
    private final PageToucher toucher;
    private final PretouchAgent pretouch;
    private final RollFinisher rollFinisher;
    private final SyncAgent sync;
    private final AgentRunner runner;
    private final AgentInvoker invoker;

    /**
     * @param dir     the queue directory.
     * @param options the writer's options (segment size, pre-touch, durability, retention, recycling, index, helper
     *                mode, error handler).
     */
    public WriterHelper(Path dir, QueueOptions options) {
        boolean onThread = options.helperMode() == HelperMode.THREAD;
        ErrorHandler errors = options.errorHandler();
        toucher = new PageToucher(() -> handoff.position,
                onThread ? PageToucher.THREAD_CHUNK : PageToucher.INVOKER_CHUNK);
        SegmentRecycler recycler = options.recycleSegments() && options.retention().deletes()
                ? new SegmentRecycler(dir, options.segmentSize(), !options.stagesWrites(), errors) : null;
        pretouch = new PretouchAgent(handoff, toucher, options.pretouch(),
                onThread ? THREAD_TOUCH_SLICE : toucher.chunk());
        rollFinisher = new RollFinisher(dir, handoff, onThread ? THREAD_DROP_CHUNK : INVOKER_DROP_CHUNK, errors);
        long syncNanos = options.durability() == Durability.SYNC_PERIODIC ? options.syncIntervalMillis() * 1_000_000L
                : 0;
        sync = new SyncAgent(dir, handoff, options.durability() == Durability.SYNC_ON_ROLL, syncNanos);
        String name = "chronicle-writer-" + dir.getFileName();
        CompositeAgent duties = new CompositeAgent(
                new SegmentPreparer(dir, options, handoff, toucher, onThread ? THREAD_NEXT_SLICE : toucher.chunk(),
                        recycler, errors),
                pretouch,
                rollFinisher,
                sync,
                new RetentionAgent(dir, options.retention(), handoff, recycler, errors)) {
            @Override
            public String roleName() {
                return name; // AgentRunner names its thread after it
            }
        };
        if (onThread) {
            runner = new AgentRunner(new HelperIdleStrategy(), errors, null, duties);
            invoker = null;
        } else {
            runner = null;
            invoker = new AgentInvoker(errors, null, duties);
        }
    }

    /** Starts the duties: the dedicated thread, or the invoker (whose duties then run at each call). */
    public void start() {
        if (invoker != null) {
            invoker.start();
            return;
        }
        boolean idleClass = !sync.hasDeadline();
        AgentRunner.startOnThread(runner, task -> Thread.ofPlatform().daemon().unstarted(() -> {
            if (idleClass) {
                // Everything here can wait or be done by the writer itself. Only the periodic sync has a deadline:
                // then the thread keeps the normal class.
                NativeIO.idlePriorityForThisThread();
            }
            task.run();
        }));
    }

    /**
     * @return the invoker the application calls from the writer's thread ({@link HelperMode#INVOKER}), or null when
     *         a dedicated thread runs the duties.
     */
    public AgentInvoker invoker() {
        return invoker;
    }

    /**
     * Called by the writer when it maps a new segment.
     *
     * @param index    the segment's number (the next one is prepared).
     * @param address  the mapping's address.
     * @param capacity its length.
     * @param position the writer's offset in it.
     */
    public void segment(long index, long address, int capacity, int position) {
        handoff.capacity = capacity;
        handoff.position = position;
        handoff.address = address;
        toucher.segment(address, capacity, position); // at once: pre-touching moves to the new segment
        handoff.currentIndex = index;
        handoff.wantedNext = index + 1;
    }

    /**
     * Called by the writer now and then (not per record) with its offset.
     *
     * @param position the writer's offset in the current segment.
     */
    public void position(int position) {
        handoff.position = position;
    }

    /**
     * Hands over the prepared next segment, without a lock. If the helper is creating it right now, waits for that
     * (the writer would have to do the same work otherwise); after this call the helper never prepares this number.
     *
     * @param index the number the writer needs.
     * @return the prepared segment (not published), or null if there is none (the writer then creates it).
     */
    public PreparedSegment takePrepared(long index) {
        handoff.lastTaken = index;
        while (handoff.creating == index) {
            Thread.onSpinWait(); // the helper is creating it right now: it takes a millisecond or two
            Thread.yield();
        }
        // No atomic swap needed: the helper sets the field only for a number above lastTaken, and the number it
        // may prepare next (wantedNext) moves on only when the writer has opened the segment taken here.
        PreparedSegment ready = handoff.prepared;
        handoff.prepared = null;
        if (ready == null || ready.index() == index) {
            return ready;
        }
        while (handoff.touching == ready && helperThreadAlive()) {
            Thread.onSpinWait(); // the helper stores into its pages: unmapping them now would crash it
        }
        ready.discard();
        return null;
    }

    /**
     * For benchmarks and tests: whether the helper has finished preparing a segment (created, and its first pages
     * touched when pre-touch is on) and still holds it for the writer.
     *
     * @param index a segment number.
     * @return true if the next roll to it will find it ready.
     */
    public boolean isPrepared(long index) {
        PreparedSegment ready = handoff.prepared;
        return ready != null && ready.index() == index && handoff.readyIndex == index;
    }

    /** @return for probes: the prepared segment held for the writer, or null. */
    public PreparedSegment prepared() {
        return handoff.prepared;
    }

    /**
     * Takes over what a roll leaves ({@link RollFinisher}). No wake-up call: a dedicated helper looks within its idle
     * park (1-10 ms), and a futex wake would cost the roll more than everything else it does.
     *
     * @param old        the ended segment's mapping (its end-of-segment marker is written).
     * @param oldIndex   its index writer (the writer adds nothing to it any more).
     * @param seal       its header's seal fields.
     * @param syncSeal   write the sealed header through to the device.
     * @param nextIndex  the new segment's index writer if its header is still to be written, else null.
     * @param nextNumber the new segment's number.
     * @param nextBase   its base sequence.
     * @param interval   records between index entries.
     */
    public void rolled(MappedFile old, SeekIndexWriter oldIndex, SegmentSeal seal, boolean syncSeal,
                       SeekIndexWriter nextIndex, long nextNumber, long nextBase, int interval) {
        RetiredSegment roll = new RetiredSegment(old, oldIndex, seal, syncSeal, nextIndex, nextNumber, nextBase,
                interval);
        while (!handoff.retired.offer(roll)) {
            if (!helperThreadAlive()) {
                // No helper thread (invoker mode, or it failed): the writer takes its place as the queue's consumer,
                // in order.
                rollFinisher.drainQueued();
                continue;
            }
            // Dozens of rolls the helper has not caught up with (tiny segments, a helper starved of CPU): wait for
            // it, giving it this CPU. Doing the work here instead would run it out of order (an index closed before
            // its header is written).
            LockSupport.parkNanos(100_000);
        }
    }

    /**
     * Asks for a retention pass ({@link RetentionAgent}).
     *
     * @param active the segment now being written (never deleted).
     */
    public void applyRetention(long active) {
        handoff.retentionActive = active;
    }

    /**
     * Stops the duties (started or not) and runs their close (unmapping what they still hold, deleting an unused prepared segment).
     *
     * @return true if they have stopped; false if the dedicated thread still runs after 10 s (starved of CPU): then
     *         it may still store into the active segment's pages ahead of the writer, and that mapping must stay.
     */
    public boolean stop() {
        if (invoker != null) {
            invoker.close();
            return true;
        }
        Thread thread = runner.thread();
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        try {
            runner.close(STOP_TIMEOUT_MILLIS, stuck -> {
                throw new HelperStuck();
            });
        } catch (HelperStuck e) {
            return false;
        }
        return true;
    }

    private boolean helperThreadAlive() {
        if (runner == null) {
            return false;
        }
        Thread thread = runner.thread();
        return thread != null && thread != AgentRunner.TOMBSTONE && thread.isAlive();
    }

    /** Thrown out of {@link AgentRunner#close(int, java.util.function.Consumer)} to stop waiting for the thread. */
    private static final class HelperStuck extends RuntimeException {
        HelperStuck() {
            super(null, null, false, false);
        }
    }

    /**
     * The dedicated thread's idle: park for a quarter of the pre-touched slack (1-10 ms, {@link PretouchAgent}), and
     * no longer than the periodic sync's interval.
     */
    private final class HelperIdleStrategy implements IdleStrategy {
        @Override
        public void idle(int workCount) {
            if (workCount <= 0) {
                idle();
            }
        }

        @Override
        public void idle() {
            LockSupport.parkNanos(Math.min(pretouch.idleNanos(), sync.idleNanos()));
        }

        @Override
        public void reset() {
        }
    }
}
