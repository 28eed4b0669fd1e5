package chronicle.replay.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * The price levels of an L3 book, both sides in one pool: per level its price, side, the sum of its orders' visible
 * sizes, and its FIFO queue of orders, an intrusive doubly-linked list through the order slots' links (head = front
 * of the queue, the order with priority). Levels are recycled through a free list threaded through the head links;
 * which levels a side holds, and in what order, is {@link BookSide}'s business.
 *
 * <p>Each operation on a queue is O(1) except the walks to a position, since an order knows its level and its
 * neighbours. The arrays grow by doubling and never shrink, so a book that has reached its widest allocates nothing.
 *
 * <p><b>Not thread-safe.</b>
 */
public final class PriceLevels {

    private static final int NIL = OrderSlots.NIL;

    private final OrderSlots orders;
    private long[] prices;
    private long[] totals;
    private int[] heads;
    private int[] tails;
    private int[] counts;
    private boolean[] bids;
    private int top;
    private int free = NIL;

    /**
     * @param orders          the slots the queues link.
     * @param initialCapacity levels before the first growth, positive.
     */
    public PriceLevels(OrderSlots orders, int initialCapacity) {
        this.orders = orders;
        prices = new long[initialCapacity];
        totals = new long[initialCapacity];
        heads = new int[initialCapacity];
        tails = new int[initialCapacity];
        counts = new int[initialCapacity];
        bids = new boolean[initialCapacity];
    }

    /** Releases every level at once; the capacity reached so far is kept. */
    public void clear() {
        top = 0;
        free = NIL;
    }

    /**
     * Takes an empty level.
     *
     * @param bid   whether it is a bid level.
     * @param price its price mantissa.
     * @return the level.
     */
    public int take(boolean bid, long price) {
        int level = free;
        if (level != NIL) {
            free = heads[level];
        } else {
            if (top == prices.length) {
                grow();
            }
            level = top++;
        }
        prices[level] = price;
        totals[level] = 0;
        heads[level] = NIL;
        tails[level] = NIL;
        counts[level] = 0;
        bids[level] = bid;
        return level;
    }

    /**
     * Returns an empty level to the pool.
     *
     * @param level a level whose queue is empty and that no side holds any more.
     */
    public void release(int level) {
        heads[level] = free;
        free = level;
    }

    /** @param level a level. @return its price mantissa. */
    public long price(int level) {
        return prices[level];
    }

    /** @param level a level. @return the sum of its orders' visible sizes. */
    public long total(int level) {
        return totals[level];
    }

    /** @param level a level. @return the number of orders in its queue. */
    public int count(int level) {
        return counts[level];
    }

    /** @param level a level. @return whether it is a bid level. */
    public boolean bid(int level) {
        return bids[level];
    }

    /** @param level a level. @return the slot at the front of its queue, or {@link OrderSlots#NIL}. */
    public int head(int level) {
        return heads[level];
    }

    /**
     * Puts an order at the back of a level's queue and adds its size to the level's total.
     *
     * @param level the level.
     * @param slot  an order in no queue, its size already set.
     */
    public void append(int level, int slot) {
        int tail = tails[level];
        orders.level(slot, level);
        orders.prev(slot, tail);
        orders.next(slot, NIL);
        if (tail == NIL) {
            heads[level] = slot;
        } else {
            orders.next(tail, slot);
        }
        tails[level] = slot;
        counts[level]++;
        totals[level] += orders.size(slot);
    }

    /**
     * Takes an order out of its level's queue and its size out of the level's total; the level stays, even empty.
     *
     * @param slot an order in a queue.
     */
    public void unlink(int slot) {
        int level = orders.level(slot);
        int prev = orders.prev(slot);
        int next = orders.next(slot);
        if (prev == NIL) {
            heads[level] = next;
        } else {
            orders.next(prev, next);
        }
        if (next == NIL) {
            tails[level] = prev;
        } else {
            orders.prev(next, prev);
        }
        counts[level]--;
        totals[level] -= orders.size(slot);
    }

    /**
     * Changes a queued order's size in place, keeping its place in the queue.
     *
     * @param slot an order in a queue.
     * @param size its new visible size mantissa.
     */
    public void resize(int slot, long size) {
        totals[orders.level(slot)] += size - orders.size(slot);
        orders.size(slot, size);
    }

    /**
     * The order at a place in a level's queue, walking from the nearer end: O(min(position, count - position)).
     *
     * @param level    a level.
     * @param position 0 = front of the queue.
     * @return the slot at that place.
     * @throws IndexOutOfBoundsException for a position out of range.
     */
    public int slotAt(int level, int position) {
        int count = counts[level];
        Objects.checkIndex(position, count);
        int slot;
        if (position <= count >> 1) {
            slot = heads[level];
            for (int i = 0; i < position; i++) {
                slot = orders.next(slot);
            }
        } else {
            slot = tails[level];
            for (int i = count - 1; i > position; i--) {
                slot = orders.prev(slot);
            }
        }
        return slot;
    }

    /**
     * An order's place in its level's queue, walking to the front: O(position).
     *
     * @param slot an order in a queue.
     * @return the number of orders ahead of it.
     */
    public int positionOf(int slot) {
        int ahead = 0;
        for (int s = orders.prev(slot); s != NIL; s = orders.prev(s)) {
            ahead++;
        }
        return ahead;
    }

    private void grow() {
        int capacity = prices.length << 1;
        prices = Arrays.copyOf(prices, capacity);
        totals = Arrays.copyOf(totals, capacity);
        heads = Arrays.copyOf(heads, capacity);
        tails = Arrays.copyOf(tails, capacity);
        counts = Arrays.copyOf(counts, capacity);
        bids = Arrays.copyOf(bids, capacity);
    }
}
