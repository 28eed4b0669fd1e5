package chronicle.core.internal.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Faults in the pages of the active segment ahead of the writer, a chunk at a time (2 MiB on the writer's helper
 * thread, 64 KiB when the writer's own thread does it between records).
 * The writer points it at each new segment as it opens it ({@link #segment}), so pre-touching the new segment starts
 * at once; the chunks are claimed from cursors that any number of threads could share. (A second, {@code SCHED_IDLE}
 * pre-touch thread was tried: two threads make fresh pages twice as fast in a C test here, but 512-byte appends did
 * not get faster in JMH, 6.2 M against 6.7 M records/s, so it was taken out again.)
 *
 * <p>Two ranges: what the writer reaches within the near distance is populated for writing
 * ({@code MADV_POPULATE_WRITE}, dirty), the rest up to the far distance for reading ({@code MADV_POPULATE_READ}:
 * filled and zeroed, but clean, so the kernel's write-back leaves it alone until the writer gets there).
 *
 * <p>A range populated for writing is then stored into once per page ({@link #prepareForWriting}): on these VMs
 * the first store into a page that {@code MADV_POPULATE_WRITE} had faulted in still costs 5-50 us (per 4 KiB page
 * with small page-cache folios, per 2 MiB with huge ones; measured by {@code StoreProbe} in the benchmarks), and
 * that store is better paid here than by the writer in the middle of an append or a roll.
 *
 * <p>Everything here is best effort: a chunk claimed for a segment the writer has just left acts on a segment that
 * has ended (an add of zero changes nothing there). It is still mapped: only the helper thread itself unmaps an
 * ended segment, after this, and the writer unmaps its active segment only once the helper has stopped.
 */
final class PageToucher {

    /** What one step populates on a dedicated helper thread. */
    static final long THREAD_CHUNK = 2L << 20;
    /** What one step populates when the writer's own thread runs the helper's duties between records. */
    static final long INVOKER_CHUNK = 64L << 10;
    private static final int PAGE = 4096;

    private final IntSupplier position;
    private final long chunk;
    private final UnsafeBuffer pages = new UnsafeBuffer(0, 0);
    private final AtomicLong dirtyCursor = new AtomicLong();
    private final AtomicLong readCursor = new AtomicLong();
    private volatile long base;
    private volatile long capacity;
    private volatile long ahead;
    private volatile long dirtyAhead;

    /**
     * @param position the writer's published offset in the active segment.
     * @param chunk    bytes per step ({@link #THREAD_CHUNK} or {@link #INVOKER_CHUNK}).
     */
    PageToucher(IntSupplier position, long chunk) {
        this.position = position;
        this.chunk = chunk;
    }

    /** @return bytes per step. */
    long chunk() {
        return chunk;
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
     * @param far  how far ahead of the writer pages are populated.
     * @param near how far ahead they are populated for writing.
     */
    void distances(long far, long near) {
        ahead = far;
        dirtyAhead = near;
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
        long start = claim(dirtyCursor, from, nearEnd);
        if (start >= 0) {
            prepareForWriting(at + start, Math.min(chunk, cap - start));
            return true;
        }
        start = claim(readCursor, nearEnd, Math.min(cap, pos + ahead));
        if (start >= 0) {
            NativeIO.populateRead(at + start, Math.min(chunk, cap - start));
            return true;
        }
        return false;
    }

    /**
     * Populates a range for writing ({@code MADV_POPULATE_WRITE}), then stores into every page of it once, with an
     * atomic add of zero: the value never changes, so this is safe even where the writer is storing at the same
     * moment (it may have overtaken this thread). Best effort, like the populate.
     *
     * @param address start of the range (page aligned).
     * @param length  bytes.
     */
    void prepareForWriting(long address, long length) {
        NativeIO.populateWrite(address, length);
        pages.wrap(address, (int) length);
        for (int page = 0; page < length; page += PAGE) {
            pages.getAndAddInt(page, 0);
        }
    }

    private long claim(AtomicLong cursor, long lower, long upper) {
        while (true) {
            long current = cursor.get();
            long start = Math.max(current, lower);
            if (start >= upper) {
                return -1;
            }
            if (cursor.compareAndSet(current, start + chunk)) {
                return start;
            }
        }
    }
}
