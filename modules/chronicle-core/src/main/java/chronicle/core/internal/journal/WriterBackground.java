package chronicle.core.internal.journal;

import chronicle.core.api.RetentionPolicy;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer's helper thread, which keeps slow work off the append path:
 * <ul>
 *   <li>allocates and maps the next segment ahead of the roll, so a roll only writes a header and renames;</li>
 *   <li>faults in pages ahead of the writer ({@code MADV_POPULATE_WRITE}), so appends take no page faults;</li>
 *   <li>unmaps sealed segments the writer has left (unmapping a large mapping takes a while);</li>
 *   <li>applies retention after a roll;</li>
 *   <li>syncs the active segment periodically under {@code SYNC_PERIODIC}.</li>
 * </ul>
 * It reads the writer's published position and mapping; if the writer has moved to another segment in between,
 * the system calls act on a range that is unmapped or belongs to the new segment, which is harmless.
 */
public final class WriterBackground implements Runnable {

    /** How far ahead of the writer pages are kept faulted in: at 2 GB/s of appends, about 16 ms of slack. */
    static final long AHEAD = 32L << 20;
    /** The writer reports its position when it has moved this far. */
    public static final int REPORT_EVERY_BYTES = 256 * 1024;
    private static final long CHUNK = 1L << 20;
    private static final System.Logger LOG = System.getLogger(WriterBackground.class.getName());

    private final Path dir;
    private final int segmentSize;
    private final boolean pretouch;
    private final long syncIntervalNanos;
    private final RetentionPolicy retention;
    private final Thread thread;
    private final AtomicReference<Prepared> prepared = new AtomicReference<>();
    private final ConcurrentLinkedQueue<MappedFile> retired = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile long address;
    private volatile int capacity;
    private volatile int position;
    private volatile long wantedNext = -1;
    private volatile long retentionActive = -1;
    private volatile long lastTaken = -1;
    private long touchedUpTo;
    private long touchedAddress;
    private long syncedUpTo;
    private long failedPrepare = -1;

    private record Prepared(long index, MappedFile file) {
    }

    /**
     * @param dir               the queue directory.
     * @param segmentSize       size of the segments to prepare.
     * @param pretouch          fault in pages ahead of the writer.
     * @param syncIntervalNanos period of the active segment's sync, or 0 for none.
     * @param retention         applied after each roll.
     */
    public WriterBackground(Path dir, int segmentSize, boolean pretouch, long syncIntervalNanos,
                            RetentionPolicy retention) {
        this.dir = dir;
        this.segmentSize = segmentSize;
        this.pretouch = pretouch;
        this.syncIntervalNanos = syncIntervalNanos;
        this.retention = retention;
        this.thread = Thread.ofPlatform().daemon().name("chronicle-writer-" + dir.getFileName()).unstarted(this);
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
        this.wantedNext = index + 1;
        LockSupport.unpark(thread);
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
     * Hands over the prepared next segment.
     *
     * @param index the number the writer needs.
     * @return its mapping under the temporary name, or null if it is not ready (the writer then creates it).
     */
    public MappedFile takePrepared(long index) {
        lastTaken = index; // before the hand-over: the helper must not prepare this number again
        Prepared ready = prepared.getAndSet(null);
        if (ready == null) {
            return null;
        }
        if (ready.index() == index) {
            return ready.file();
        }
        SegmentFiles.discard(ready.file());
        return null;
    }

    /**
     * Unmaps a segment the writer has left, off the writer's thread.
     *
     * @param old the mapping.
     */
    public void retire(MappedFile old) {
        retired.add(old);
        LockSupport.unpark(thread);
    }

    /**
     * Applies retention off the writer's thread.
     *
     * @param active the segment now being written (never deleted).
     */
    public void applyRetention(long active) {
        retentionActive = active;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        long lastSync = System.nanoTime();
        while (running) {
            unmapRetired();
            prepareNext();
            long base = address;
            int cap = capacity;
            int pos = position;
            if (base != touchedAddress) {
                touchedAddress = base;
                touchedUpTo = pos;
                syncedUpTo = 0;
            }
            if (pretouch && base != 0) {
                // Never behind the writer: touching pages it has written already helps nobody.
                touchedUpTo = Math.max(touchedUpTo, pos & ~4095L);
                long target = Math.min(cap, pos + AHEAD);
                while (touchedUpTo < target && running && address == base) {
                    long len = Math.min(CHUNK, target - touchedUpTo);
                    NativeIO.populateWrite(base + touchedUpTo, len);
                    touchedUpTo += len;
                    target = Math.min(cap, Math.max(target, position + AHEAD));
                }
            }
            long active = retentionActive;
            if (active >= 0) {
                retentionActive = -1;
                try {
                    Retention.apply(dir, retention, active);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "{0}: retention failed: {1}", dir, e.getMessage());
                }
            }
            long now = System.nanoTime();
            if (syncIntervalNanos > 0 && base != 0 && now - lastSync >= syncIntervalNanos) {
                if (pos > syncedUpTo) {
                    NativeIO.msync(base + syncedUpTo, pos - syncedUpTo);
                    syncedUpTo = pos & ~4095L;
                }
                lastSync = now;
            }
            LockSupport.parkNanos(syncIntervalNanos > 0 ? Math.min(syncIntervalNanos, 1_000_000) : 1_000_000);
        }
        unmapRetired();
        Prepared left = prepared.getAndSet(null);
        if (left != null) {
            SegmentFiles.discard(left.file());
        }
    }

    private void prepareNext() {
        long next = wantedNext;
        if (next < 0 || next == failedPrepare || next <= lastTaken) {
            return;
        }
        Prepared current = prepared.get();
        if (current != null && current.index() == next) {
            return;
        }
        try {
            MappedFile file = SegmentFiles.prepare(dir, next, segmentSize);
            if (pretouch) {
                NativeIO.populateWrite(file.address(), Math.min(AHEAD, file.length()));
            }
            Prepared old = prepared.getAndSet(new Prepared(next, file));
            if (old != null) {
                SegmentFiles.discard(old.file());
            }
        } catch (RuntimeException e) {
            failedPrepare = next; // the roll creates it itself and reports the error (for example a full disk)
            LOG.log(Level.WARNING, "{0}: cannot prepare the next segment: {1}", dir, e.getMessage());
        }
    }

    private void unmapRetired() {
        for (MappedFile old; (old = retired.poll()) != null; ) {
            old.close();
        }
    }

    /** Stops the thread and waits for it (unmapping what it still holds). */
    public void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
