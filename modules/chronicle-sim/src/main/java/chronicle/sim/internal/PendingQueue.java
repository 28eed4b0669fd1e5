package chronicle.sim.internal;

/**
 * A binary min-heap of {@link Pending} items by time, ties in the order they were added (so equal times replay in
 * a fixed order: the run is deterministic), with a pool of free items. Allocation-free once grown.
 */
final class PendingQueue {

    private Pending[] heap = new Pending[64];
    private int size;
    private Pending[] free = new Pending[64];
    private int freeCount;
    private long nextSequence;

    /**
     * @param kind what is due.
     * @param time when.
     * @return a cleared item, already queued: fill its fields before the queue is next polled.
     */
    Pending add(Pending.Kind kind, long time) {
        Pending p = freeCount > 0 ? free[--freeCount] : new Pending();
        p.kind = kind;
        p.time = time;
        p.sequence = nextSequence++;
        p.order = null;
        p.text = "";
        p.reason = null;
        p.liquidity = null;
        p.type = null;
        p.closes = false;
        if (size == heap.length) {
            heap = java.util.Arrays.copyOf(heap, size * 2);
        }
        heap[size] = p;
        up(size++);
        return p;
    }

    /** @return whether nothing is queued. */
    boolean isEmpty() {
        return size == 0;
    }

    /** @return the time of the earliest item ({@link Long#MAX_VALUE} if none). */
    long peekTime() {
        return size == 0 ? Long.MAX_VALUE : heap[0].time;
    }

    /** @return the earliest item, removed; give it back with {@link #release} when done. */
    Pending poll() {
        Pending top = heap[0];
        heap[0] = heap[--size];
        heap[size] = null;
        if (size > 0) {
            down(0);
        }
        return top;
    }

    /** @param p an item from {@link #poll}, no longer used. */
    void release(Pending p) {
        p.order = null;
        if (freeCount == free.length) {
            free = java.util.Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = p;
    }

    private static boolean before(Pending a, Pending b) {
        return a.time < b.time || a.time == b.time && a.sequence < b.sequence;
    }

    private void up(int i) {
        Pending p = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(p, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = p;
    }

    private void down(int i) {
        Pending p = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], p)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = p;
    }
}
