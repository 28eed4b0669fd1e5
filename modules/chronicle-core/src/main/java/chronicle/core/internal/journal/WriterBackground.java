package chronicle.core.internal.journal;

import chronicle.core.api.IndexPolicy;
import chronicle.core.api.RetentionPolicy;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer's helper thread, which keeps slow work off the append path:
 * <ul>
 *   <li>creates the next segment and its index under their final names ahead of the roll
 *       ({@link PreparedSegment}), so a roll makes no file-system call, and pre-touches its first pages;</li>
 *   <li>faults in pages ahead of the writer, so appends take no page faults;</li>
 *   <li>after a roll, writes the ended segment's seal into its header ({@link SegmentSeal}), writes the new
 *       segment's index header, flushes and closes the ended segment's index and unmaps the ended segment (in
 *       slices);</li>
 *   <li>applies retention after a roll, reusing the file of a segment it lets go for a later segment
 *       ({@link SegmentRecycler});</li>
 *   <li>under {@code SYNC_ON_ROLL}, starts write-back of the pages the writer has left behind, so the sync at the
 *       roll has little left to wait for;</li>
 *   <li>syncs the active segment periodically under {@code SYNC_PERIODIC}.</li>
 * </ul>
 * Every task works in bounded slices, creating the next segment first. The thread runs in {@code SCHED_IDLE}
 * (except under {@code SYNC_PERIODIC}, whose sync has a deadline): it never takes a CPU from a busy-spinning writer
 * or reader, and none of its tasks is one the writer cannot do itself or wait for.
 *
 * <p>It reads the writer's published position and mapping; if the writer has moved to another segment in between,
 * the pre-touch acts on the ended segment, which stays mapped until this thread itself unmaps it (its stores add
 * zero, so they change nothing there).
 *
 * <p>How far ahead: at least {@link #AHEAD}, more when the writer is fast ({@link #AHEAD_NANOS} of its measured
 * rate, up to {@link #MAX_AHEAD}), so that the slack covers the helper's other slices. What the writer reaches
 * within {@link #DIRTY_AHEAD_NANOS} (at least {@link #DIRTY_AHEAD}) is populated for writing
 * ({@code MADV_POPULATE_WRITE}); the rest for reading, which fills and zeroes the page cache but leaves the pages
 * clean: dirty pages far ahead of a slow writer would be written back (zeros) by the kernel's periodic write-back,
 * which write-protects them and makes the writer wait on them later.
 */
public final class WriterBackground implements Runnable {

    /** The least distance pages are kept faulted in ahead of the writer. */
    static final long AHEAD = 32L << 20;
    /** The most. */
    static final long MAX_AHEAD = 256L << 20;
    /** Ahead by this much of the writer's time at its current rate, within the bounds above. */
    static final long AHEAD_NANOS = 40_000_000L;
    /** The least part of the distance ahead that is populated for writing (dirty). */
    static final long DIRTY_AHEAD = 8L << 20;
    /** Populated for writing: what the writer reaches within this time at its current rate (at least 8 MiB). */
    static final long DIRTY_AHEAD_NANOS = 20_000_000L;
    /** The writer reports its position when it has moved this far. */
    public static final int REPORT_EVERY_BYTES = 256 * 1024;
    /** Rolls the writer may be ahead of the helper (whose work includes writing the new index's header). */
    public static final int MAX_PENDING_ROLLS = 64;
    /** Pre-touching of the current segment between two looks at the other tasks: a few milliseconds of work. */
    private static final long TOUCH_SLICE = 16L << 20;
    /** Pre-touching of the next segment per look. */
    private static final long NEXT_SLICE = 8L << 20;
    private static final long DROP_CHUNK = 64L << 20;
    private static final System.Logger LOG = System.getLogger(WriterBackground.class.getName());

    private final Path dir;
    private final int segmentSize;
    private final boolean pretouch;
    private final long syncIntervalNanos;
    private final RetentionPolicy retention;
    private final IndexPolicy indexPolicy;
    private final WriteBehind writeBehind;
    /** Null when segments are not recycled. */
    private final SegmentRecycler recycler;
    private final Thread thread;
    // Plain volatile fields and Agrona's single-producer queue rather than AtomicReference and
    // ConcurrentLinkedQueue: a roll is rare, so its code runs interpreted, where VarHandle-based atomics cost
    // microseconds each (measured: 20 us for a getAndSet, 14 us for a ConcurrentLinkedQueue.add on a cold path).
    private volatile PreparedSegment prepared;
    private final OneToOneConcurrentArrayQueue<Retired> retired = new OneToOneConcurrentArrayQueue<>(MAX_PENDING_ROLLS);
    private volatile boolean running = true;
    private volatile long address;
    private volatile int capacity;
    private volatile int position;
    private volatile long wantedNext = -1;
    private volatile long currentIndex = -1;
    private volatile long retentionActive = -1;
    private volatile long readyIndex = -1;
    /**
     * The hand-over protocol, lock-free for the writer (a helper in {@code SCHED_IDLE} must never hold a lock the
     * writer waits for): the writer writes {@code lastTaken} and then reads {@code creating}; the helper writes
     * {@code creating} and then reads {@code lastTaken}. Both are volatile, so at least one sees the other: either the
     * helper does not create the number the writer took, or the writer waits for that creation to finish and takes
     * its result. So the two never create the same file.
     */
    private volatile long lastTaken = -1;
    private volatile long creating = -1;
    /** The prepared segment the helper is storing into right now (pre-touch), or null. */
    private volatile PreparedSegment touching;
    // the helper thread's own
    private long preparedTouched;
    private final PageToucher toucher;
    private long touchedAddress;
    private long syncedUpTo;
    private long failedPrepare = -1;
    private long rateAt;
    private long rateNanos;
    private long bytesPerSecond;
    private Retired dropping;
    private long droppedUpTo;
    private long retentionApplied = -1;

    /**
     * What a roll leaves to the helper.
     *
     * @param file      the ended segment's mapping, to seal and unmap.
     * @param index     its index writer, to flush and close.
     * @param seal      its header's seal fields, to write.
     * @param syncSeal  write the sealed header through to the device (durability other than page cache).
     * @param next      the new segment's index writer whose header is still to be written, or null.
     * @param number    the new segment's number.
     * @param base      its base sequence.
     * @param interval  records between index entries.
     */
    private record Retired(MappedFile file, SeekIndexWriter index, SegmentSeal seal, boolean syncSeal,
                           SeekIndexWriter next, long number, long base, int interval) {
    }

    /**
     * @param dir               the queue directory.
     * @param segmentSize       size of the segments to prepare.
     * @param pretouch          fault in pages ahead of the writer.
     * @param syncIntervalNanos period of the active segment's sync, or 0 for none.
     * @param retention         applied after each roll.
     * @param indexPolicy       for the prepared segments' indexes.
     * @param writeBehind       start write-back of the pages the writer has left behind (for a sync at the roll:
     *                          it then has little left to wait for).
     * @param recycle           reuse the files of segments retention lets go.
     */
    public WriterBackground(Path dir, int segmentSize, boolean pretouch, long syncIntervalNanos,
                            RetentionPolicy retention, IndexPolicy indexPolicy, boolean writeBehind,
                            boolean recycle) {
        this.dir = dir;
        this.segmentSize = segmentSize;
        this.pretouch = pretouch;
        this.syncIntervalNanos = syncIntervalNanos;
        this.retention = retention;
        this.indexPolicy = indexPolicy;
        this.writeBehind = writeBehind ? new WriteBehind(dir) : null;
        this.recycler = recycle && retention.deletes() ? new SegmentRecycler(dir, segmentSize) : null;
        this.thread = Thread.ofPlatform().daemon().name("chronicle-writer-" + dir.getFileName()).unstarted(this);
        this.toucher = new PageToucher(() -> position);
    }

    /** Starts the thread. */
    public void start() {
        thread.start();
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
        this.capacity = capacity;
        this.position = position;
        this.address = address;
        toucher.segment(address, capacity, position); // at once: pre-touching moves to the new segment
        this.currentIndex = index;
        this.wantedNext = index + 1;
    }

    /**
     * Called by the writer now and then (not per record) with its offset.
     *
     * @param position the writer's offset in the current segment.
     */
    public void position(int position) {
        this.position = position;
    }

    /**
     * Hands over the prepared next segment, without a lock. If the helper is creating it right now, waits for that
     * (the writer would have to do the same work otherwise); after this call the helper never prepares this number.
     *
     * @param index the number the writer needs.
     * @return the prepared segment (not published), or null if there is none (the writer then creates it).
     */
    public PreparedSegment takePrepared(long index) {
        lastTaken = index;
        while (creating == index) {
            Thread.onSpinWait(); // the helper is creating it right now: it takes a millisecond or two
            Thread.yield();
        }
        // No atomic swap needed: the helper sets the field only for a number above lastTaken, and the number it
        // may prepare next (wantedNext) moves on only when the writer has opened the segment taken here.
        PreparedSegment ready = prepared;
        prepared = null;
        if (ready == null || ready.index() == index) {
            return ready;
        }
        while (touching == ready && thread.isAlive()) {
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
        PreparedSegment ready = prepared;
        return ready != null && ready.index() == index && readyIndex == index;
    }

    /**
     * Takes over what a roll leaves, off the writer's thread: writes the ended segment's seal into its header
     * (msync'ed if {@code syncSeal}), writes the new segment's index header, flushes and closes the ended segment's
     * index, and unmaps the ended segment. No wake-up call: the helper looks within its idle park (1-10 ms), and a
     * futex wake would cost the roll more than everything else it does.
     *
     * @param old          the ended segment's mapping (its end-of-segment marker is written).
     * @param oldIndex     its index writer (the writer adds nothing to it any more).
     * @param seal         its header's seal fields.
     * @param syncSeal     write the sealed header through to the device.
     * @param nextIndex    the new segment's index writer if its header is still to be written, else null.
     * @param nextNumber   the new segment's number.
     * @param nextBase     its base sequence.
     * @param interval     records between index entries.
     */
    public void rolled(MappedFile old, SeekIndexWriter oldIndex, SegmentSeal seal, boolean syncSeal,
                       SeekIndexWriter nextIndex, long nextNumber, long nextBase, int interval) {
        Retired roll = new Retired(old, oldIndex, seal, syncSeal, nextIndex, nextNumber, nextBase, interval);
        while (!retired.offer(roll)) {
            if (!thread.isAlive()) {
                // No helper any more (it failed): the writer takes its place as the queue's consumer, in order.
                for (Retired queued; (queued = retired.poll()) != null; ) {
                    finishRoll(queued);
                    queued.file().close();
                }
                continue;
            }
            // Dozens of rolls the helper has not caught up with (tiny segments, a helper starved of CPU): wait for
            // it, giving it this CPU. Doing the work here instead would run it out of order (an index closed before
            // its header is written).
            LockSupport.parkNanos(100_000);
        }
    }

    /**
     * Applies retention off the writer's thread.
     *
     * @param active the segment now being written (never deleted).
     */
    public void applyRetention(long active) {
        retentionActive = active;
    }

    @Override
    public void run() {
        if (syncIntervalNanos == 0) {
            // Everything here can wait or be done by the writer itself (a roll creates its segment if none is
            // prepared; without pre-touch the writer takes its own page faults). Only the periodic sync has a
            // deadline: then the helper keeps the normal class.
            NativeIO.idlePriorityForThisThread();
        }
        long lastSync = System.nanoTime();
        while (running) {
            // Each task does a bounded slice, so that none waits long for the others.
            boolean busy = createNext();
            busy |= pretouchCurrent();
            busy |= dropRetiredSlice();
            busy |= touchNextSlice();
            busy |= writeBehindSlice();
            applyRetention();
            long now = System.nanoTime();
            if (syncIntervalNanos > 0 && now - lastSync >= syncIntervalNanos) {
                syncActive();
                lastSync = now;
            }
            if (!busy) {
                long idle = idleNanos();
                LockSupport.parkNanos(syncIntervalNanos > 0 ? Math.min(syncIntervalNanos, idle) : idle);
            }
        }
        finish();
    }

    /**
     * Applies retention if the writer asked for it. Only segments whose roll this thread has finished may be
     * recycled: the seal of an ended segment must not land in a file that is being reused. Any may be deleted (a
     * seal written into the pages of a deleted file goes nowhere), so a writer that rolls faster than this thread
     * finishes its rolls cannot hold retention back.
     */
    private void applyRetention() {
        long active = retentionActive;
        if (active <= retentionApplied) {
            return;
        }
        retentionApplied = active; // the writer only ever raises retentionActive, so no request is lost
        // Read after retentionActive: every roll to a segment below it is queued by now, or finished here.
        Retired unfinished = retired.peek();
        long recyclableBelow = unfinished == null ? active : SegmentFiles.numberOf(unfinished.file().path());
        try {
            if (recycler != null) {
                Retention.apply(dir, retention, active,
                        segment -> SegmentFiles.numberOf(segment) < recyclableBelow && recycler.offer(segment));
            } else {
                Retention.apply(dir, retention, active);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "{0}: retention failed: {1}", dir, e.getMessage());
        }
    }

    /**
     * Pre-touches ahead of the writer, at most {@link #TOUCH_SLICE} bytes per call, so that the other tasks get
     * their turn even while the writer is as fast as the pre-touching.
     *
     * @return true if it stopped at that limit with more to do.
     */
    private boolean pretouchCurrent() {
        long base = address;
        int cap = capacity;
        int pos = position;
        long now = System.nanoTime();
        if (base != touchedAddress) {
            touchedAddress = base;
            syncedUpTo = 0;
            rateAt = pos;
            rateNanos = now;
        }
        measureRate(pos, now);
        if (!pretouch || base == 0) {
            return false;
        }
        long ahead = Math.clamp(bytesPerSecond * AHEAD_NANOS / 1_000_000_000L, AHEAD, MAX_AHEAD);
        toucher.distances(ahead, Math.clamp(bytesPerSecond * DIRTY_AHEAD_NANOS / 1_000_000_000L, DIRTY_AHEAD, ahead));
        for (long touched = 0; running && address == base; touched += PageToucher.CHUNK) {
            if (touched >= TOUCH_SLICE) {
                return true;
            }
            if (!toucher.touchOne()) {
                return false;
            }
        }
        return false;
    }

    /**
     * How long to sleep with nothing to do: a quarter of the time the writer needs to use up the pages touched ahead
     * of it, between 1 and 10 ms. Every wake-up takes a CPU from someone: on a machine with as many busy-spinning
     * threads as cores (a writer and a reader on two), a helper waking a thousand times a second shows in their
     * latency.
     */
    private long idleNanos() {
        long slack = toucher.touchedUpTo() - position;
        if (!pretouch || bytesPerSecond <= 0 || slack <= 0) {
            return pretouch && slack <= 0 ? 1_000_000L : 10_000_000L;
        }
        return Math.clamp(slack * 1_000_000_000L / bytesPerSecond / 4, 1_000_000L, 10_000_000L);
    }

    /** The writer's rate in bytes per second, over windows of at least 10 ms. */
    private void measureRate(int pos, long now) {
        long elapsed = now - rateNanos;
        if (elapsed < 10_000_000L) {
            return;
        }
        long moved = Math.max(0, pos - rateAt);
        bytesPerSecond = moved * 1_000_000_000L / elapsed;
        rateAt = pos;
        rateNanos = now;
    }

    /** Drops the page tables of a retired mapping a slice at a time, then unmaps it: a 1 GiB munmap takes 15 ms. */
    private boolean dropRetiredSlice() {
        if (dropping == null) {
            dropping = retired.poll();
            droppedUpTo = 0;
            if (dropping == null) {
                return false;
            }
            finishRoll(dropping);
        }
        MappedFile file = dropping.file();
        if (droppedUpTo < file.length()) {
            long len = Math.min(DROP_CHUNK, file.length() - droppedUpTo);
            NativeIO.dropPages(file.address() + droppedUpTo, len);
            droppedUpTo += len;
        } else {
            file.close();
            dropping = null;
        }
        return true;
    }

    /** Creates the next segment if it is not there: first of all, since without it a roll must create it itself. */
    private boolean createNext() {
        long next = wantedNext;
        if (prepared != null || next <= lastTaken || next == failedPrepare) {
            return false;
        }
        creating = next;
        try {
            if (next <= lastTaken) {
                return false; // the writer took this number meanwhile (and creates it itself)
            }
            MappedFile reused = recycler == null ? null : recycler.take(next);
            prepared = reused != null ? PreparedSegment.reuse(dir, next, reused, indexPolicy)
                    : PreparedSegment.create(dir, next, segmentSize, indexPolicy);
            preparedTouched = 0;
        } catch (RuntimeException e) {
            failedPrepare = next; // the roll creates it itself and reports the error (e.g. a full disk)
            LOG.log(Level.WARNING, "{0}: cannot prepare the next segment: {1}", dir, e.getMessage());
        } finally {
            creating = -1;
        }
        return true;
    }

    /** Pre-touches one slice of the next segment's first {@link #AHEAD} bytes. */
    private boolean touchNextSlice() {
        PreparedSegment ready = prepared;
        long limit = ready == null ? 0 : Math.min(AHEAD, ready.file().length());
        if (!pretouch || preparedTouched >= limit) {
            if (ready != null) {
                readyIndex = ready.index();
            }
            return false;
        }
        // Harmless if the writer takes it meanwhile: then it is the current segment and is touched as such. The
        // writer unmaps a prepared segment only when it does not take it, and then waits until this is done.
        long end = Math.min(limit, preparedTouched + NEXT_SLICE);
        long dirtyEnd = Math.min(end, DIRTY_AHEAD);
        if (preparedTouched < dirtyEnd) {
            touching = ready;
            try {
                if (prepared == ready) {
                    PageToucher.prepareForWriting(ready.file().address() + preparedTouched,
                            dirtyEnd - preparedTouched);
                }
            } finally {
                touching = null;
            }
            preparedTouched = dirtyEnd;
        }
        if (preparedTouched < end) {
            NativeIO.populateRead(ready.file().address() + preparedTouched, end - preparedTouched);
            preparedTouched = end;
        }
        return true;
    }

    private boolean writeBehindSlice() {
        return writeBehind != null && writeBehind.slice(currentIndex, position);
    }

    private void syncActive() {
        long base = address;
        int pos = position;
        if (base != 0 && base == touchedAddress && pos > syncedUpTo) {
            NativeIO.msync(base + syncedUpTo, pos - syncedUpTo);
            syncedUpTo = pos & ~4095L;
        }
    }

    /** Seals the ended segment's header, then finishes the indexes (the new one's header, the old one's close). */
    private void finishRoll(Retired roll) {
        roll.seal().writeTo(roll.file().buffer());
        if (roll.syncSeal()) {
            NativeIO.msync(roll.file().address(), SegmentLayout.HEADER_SIZE);
        }
        finishIndexes(roll);
    }

    private void finishIndexes(Retired roll) {
        try {
            if (roll.next() != null) {
                roll.next().writeHeader(roll.number(), roll.base(), roll.interval());
            }
            roll.index().close();
        } catch (RuntimeException e) {
            // The segments are sound; without its index a seek walks the segment from its start.
            LOG.log(Level.WARNING, "{0}: seek index: {1}", dir, e.getMessage());
        }
    }

    private void finish() {
        if (writeBehind != null) {
            writeBehind.close();
        }
        if (dropping != null) {
            dropping.file().close();
        }
        for (Retired old; (old = retired.poll()) != null; ) {
            finishRoll(old);
            old.file().close();
        }
        PreparedSegment left = prepared;
        prepared = null;
        if (left != null) {
            left.discard();
        }
        if (recycler != null) {
            recycler.close();
        }
    }

    /**
     * Stops the thread and waits for it (unmapping what it still holds, deleting an unused prepared segment).
     *
     * @return true if it has stopped; false if it still runs after 10 s (starved of CPU): then it may still store
     *         into the active segment's pages ahead of the writer, and that mapping must stay.
     */
    public boolean stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
