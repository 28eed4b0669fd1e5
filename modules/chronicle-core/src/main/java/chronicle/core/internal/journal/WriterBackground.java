package chronicle.core.internal.journal;

import java.util.concurrent.locks.LockSupport;

/**
 * The writer's helper thread: faults in pages ahead of the writer ({@code MADV_POPULATE_WRITE}), so appends do not
 * take page faults, and syncs the active segment periodically under {@code SYNC_PERIODIC}.
 *
 * <p>It reads the writer's published position and mapping; if the writer has moved to another segment in between,
 * the system calls act on a range that is unmapped or belongs to the new segment, which is harmless.
 */
public final class WriterBackground implements Runnable {

    /** How far ahead of the writer pages are kept faulted in. */
    static final long AHEAD = 8L << 20;
    private static final long CHUNK = 1L << 20;

    private final boolean pretouch;
    private final long syncIntervalNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long address;
    private volatile int capacity;
    private volatile int position;
    private long touchedUpTo;
    private long touchedAddress;
    private long syncedUpTo;

    /**
     * @param name              thread name.
     * @param pretouch          fault in pages ahead of the writer.
     * @param syncIntervalNanos period of the active segment's sync, or 0 for none.
     */
    public WriterBackground(String name, boolean pretouch, long syncIntervalNanos) {
        this.pretouch = pretouch;
        this.syncIntervalNanos = syncIntervalNanos;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this);
    }

    /** Starts the thread. */
    public void start() {
        thread.start();
    }

    /**
     * Called by the writer when it maps a new segment.
     *
     * @param address  the mapping's address.
     * @param capacity its length.
     * @param position the writer's offset in it.
     */
    public void segment(long address, int capacity, int position) {
        this.capacity = capacity;
        this.position = position;
        this.address = address;
    }

    /**
     * Called by the writer now and then (not per record) with its offset.
     *
     * @param position the writer's offset in the current segment.
     */
    public void position(int position) {
        this.position = position;
    }

    @Override
    public void run() {
        long lastSync = System.nanoTime();
        while (running) {
            long base = address;
            int cap = capacity;
            int pos = position;
            if (base != touchedAddress) {
                touchedAddress = base;
                touchedUpTo = pos;
                syncedUpTo = 0;
            }
            if (pretouch && base != 0) {
                long target = Math.min(cap, pos + AHEAD);
                while (touchedUpTo < target && running) {
                    long len = Math.min(CHUNK, target - touchedUpTo);
                    NativeIO.populateWrite(base + touchedUpTo, len);
                    touchedUpTo += len;
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
    }

    /** Stops the thread and waits for it. */
    public void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
