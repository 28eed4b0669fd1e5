package chronicle.replay.internal;

import java.util.Arrays;

/**
 * The storage of an L3 book's resting orders: slots of parallel primitive arrays (id, remaining visible size, price
 * level, and the previous and next order in the level's FIFO queue), recycled through a free list threaded through
 * the next links. A slot number is an order's address for the whole time it rests; {@link OrderIndex} finds it
 * from the order's id, {@link PriceLevels} links it into its level's queue.
 *
 * <p>The arrays grow by doubling when every slot is taken and never shrink, so once a book has reached its largest
 * size, taking and releasing slots allocates nothing.
 *
 * <p><b>Not thread-safe.</b>
 */
public final class OrderSlots {

    /** No slot: the end of a queue or of the free list. */
    public static final int NIL = -1;

    private long[] ids;
    private long[] sizes;
    private int[] levels;
    private int[] next;
    private int[] prev;
    private int top;
    private int free = NIL;
    private int live;

    /**
     * @param initialCapacity slots before the first growth, positive.
     */
    public OrderSlots(int initialCapacity) {
        ids = new long[initialCapacity];
        sizes = new long[initialCapacity];
        levels = new int[initialCapacity];
        next = new int[initialCapacity];
        prev = new int[initialCapacity];
    }

    /** Releases every slot at once; the capacity reached so far is kept. */
    public void clear() {
        top = 0;
        free = NIL;
        live = 0;
    }

    /**
     * Takes a slot for a new order; its level and queue links are set when it joins a level.
     *
     * @param id   the order's id.
     * @param size its visible size mantissa.
     * @return the slot.
     */
    public int take(long id, long size) {
        int slot = free;
        if (slot != NIL) {
            free = next[slot];
        } else {
            if (top == ids.length) {
                grow();
            }
            slot = top++;
        }
        ids[slot] = id;
        sizes[slot] = size;
        live++;
        return slot;
    }

    /**
     * Returns a slot to the free list; the order must already be out of its level's queue.
     *
     * @param slot a slot in use.
     */
    public void release(int slot) {
        next[slot] = free;
        free = slot;
        live--;
    }

    /** @return the number of slots in use: the resting orders. */
    public int live() {
        return live;
    }

    /** @param slot a slot in use. @return the order's id. */
    public long id(int slot) {
        return ids[slot];
    }

    /** @param slot a slot in use. @return the order's remaining visible size mantissa. */
    public long size(int slot) {
        return sizes[slot];
    }

    /** @param slot a slot in use. @param size the order's new remaining visible size mantissa. */
    public void size(int slot, long size) {
        sizes[slot] = size;
    }

    /** @param slot a slot in use. @return the price level (in {@link PriceLevels}) the order rests at. */
    public int level(int slot) {
        return levels[slot];
    }

    /** @param slot a slot in use. @param level the price level the order now rests at. */
    public void level(int slot, int level) {
        levels[slot] = level;
    }

    /** @param slot a slot in use. @return the order behind it in its level's queue, or {@link #NIL}. */
    public int next(int slot) {
        return next[slot];
    }

    /** @param slot a slot in use. @param following the order now behind it, or {@link #NIL}. */
    public void next(int slot, int following) {
        next[slot] = following;
    }

    /** @param slot a slot in use. @return the order ahead of it in its level's queue, or {@link #NIL}. */
    public int prev(int slot) {
        return prev[slot];
    }

    /** @param slot a slot in use. @param preceding the order now ahead of it, or {@link #NIL}. */
    public void prev(int slot, int preceding) {
        prev[slot] = preceding;
    }

    private void grow() {
        int capacity = ids.length << 1;
        ids = Arrays.copyOf(ids, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
        levels = Arrays.copyOf(levels, capacity);
        next = Arrays.copyOf(next, capacity);
        prev = Arrays.copyOf(prev, capacity);
    }
}
