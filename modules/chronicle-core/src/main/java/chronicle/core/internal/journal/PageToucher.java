package chronicle.core.internal.journal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Faults in the pages of the active segment ahead of the writer, 2 MiB at a time, from any number of threads: the
 * writer's helper and one worker thread of its own claim chunks from shared cursors. Two threads make fresh pages
 * about twice as fast as one (a fresh page-cache page costs its zeroing and the file system's bookkeeping; measured
 * on ext4 here: 3-9 GB/s with one thread, 15-17 GB/s with two), and fresh pages are what bounds the append rate of
 * large records.
 *
 * <p>Two ranges: what the writer reaches within the near distance is populated for writing
 * ({@code MADV_POPULATE_WRITE}, dirty), the rest up to the far distance for reading ({@code MADV_POPULATE_READ}:
 * filled and zeroed, but clean, so the kernel's write-back leaves it alone until the writer gets there).
 *
 * <p>The worker runs in {@code SCHED_IDLE}. Everything here is best effort: a chunk claimed for a segment the writer
 * has just left acts on memory that is unmapped or about to be, which is harmless.
 */
final class PageToucher implements Runnable {

    static final long CHUNK = 2L << 20;

    private final IntSupplier position;
    private final AtomicLong dirtyCursor = new AtomicLong();
    private final AtomicLong readCursor = new AtomicLong();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile long base;
    private volatile long capacity;
    private volatile long ahead;
    private volatile long dirtyAhead;
    private volatile long bytesPerSecond;

    /**
     * @param name     the worker thread's name.
     * @param position the writer's published offset in the active segment.
     */
    PageToucher(String name, IntSupplier position) {
        this.position = position;
        this.worker = Thread.ofPlatform().daemon().name(name).unstarted(this);
    }

    /** Starts the worker thread. */
    void start() {
        worker.start();
    }

    /**
     * The writer moved to another segment.
     *
     * @param address  its mapping.
     * @param length   its length.
     * @param from     the writer's offset in it.
     */
    void segment(long address, long length, long from) {
        base = 0;
        dirtyCursor.set(from);
        readCursor.set(from);
        capacity = length;
        base = address;
    }

    /**
     * @param far   how far ahead of the writer pages are populated.
     * @param near  how far ahead they are populated for writing.
     * @param speed the writer's rate, bytes per second.
     */
    void distances(long far, long near, long speed) {
        ahead = far;
        dirtyAhead = near;
        bytesPerSecond = speed;
    }

    /** @return how far the populated range reaches (an offset in the active segment). */
    long touchedUpTo() {
        return Math.max(readCursor.get(), dirtyCursor.get());
    }

    /**
     * Populates one chunk, the nearest one that needs it.
     *
     * @return false if nothing was left to do.
     */
    boolean touchOne() {
        long at = base;
        if (at == 0) {
            return false;
        }
        long pos = position.getAsInt();
        long from = pos & ~4095L;
        long cap = capacity;
        long nearEnd = Math.min(cap, pos + dirtyAhead);
        long chunk = claim(dirtyCursor, from, nearEnd);
        if (chunk >= 0) {
            NativeIO.populateWrite(at + chunk, Math.min(CHUNK, cap - chunk));
            return true;
        }
        chunk = claim(readCursor, nearEnd, Math.min(cap, pos + ahead));
        if (chunk >= 0) {
            NativeIO.populateRead(at + chunk, Math.min(CHUNK, cap - chunk));
            return true;
        }
        return false;
    }

    /**
     * Nothing to do: sleep a quarter of the time the writer needs to reach the end of the populated range, between
     * 0.2 and 10 ms (each wake-up interrupts whoever runs on that CPU).
     */
    private long idleNanos() {
        long speed = bytesPerSecond;
        long slack = touchedUpTo() - position.getAsInt();
        if (speed <= 0 || slack <= 0) {
            return 1_000_000L;
        }
        return Math.clamp(slack * 1_000_000_000L / speed / 4, 200_000L, 10_000_000L);
    }

    private static long claim(AtomicLong cursor, long lower, long upper) {
        while (true) {
            long current = cursor.get();
            long start = Math.max(current, lower);
            if (start >= upper) {
                return -1;
            }
            if (cursor.compareAndSet(current, start + CHUNK)) {
                return start;
            }
        }
    }

    @Override
    public void run() {
        NativeIO.idlePriorityForThisThread();
        while (running) {
            if (!touchOne()) {
                LockSupport.parkNanos(idleNanos());
            }
        }
    }

    /** Stops the worker and waits for it. */
    void stop() {
        running = false;
        LockSupport.unpark(worker);
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
