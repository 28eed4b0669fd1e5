package chronicle.replay.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * One side of an L3 book: its price levels (in {@link PriceLevels}) sorted by price, best first to the outside
 * world. Inside, a sorted array of keys (the price for bids, minus the price for asks, so that better is always
 * greater) keeps the <em>best level last</em>: adds and removals near the touch, where almost all of them happen,
 * shift only a few entries. A price is found by binary search; a level leaving at the touch is found without one.
 *
 * <p>The arrays grow by doubling and never shrink. <b>Not thread-safe.</b>
 */
public final class BookSide {

    private final boolean bid;
    private final PriceLevels pool;
    private long[] keys;
    private int[] levels;
    private int depth;

    /**
     * @param bid             whether this is the bid side.
     * @param pool            the levels of the book.
     * @param initialCapacity levels before the first growth, positive.
     */
    public BookSide(boolean bid, PriceLevels pool, int initialCapacity) {
        this.bid = bid;
        this.pool = pool;
        keys = new long[initialCapacity];
        levels = new int[initialCapacity];
    }

    /** Forgets every level (the pool is cleared by its owner). */
    public void clear() {
        depth = 0;
    }

    /** @return the number of levels. */
    public int depth() {
        return depth;
    }

    /**
     * @param rank 0 = best, below {@link #depth()}.
     * @return the level at that rank.
     * @throws IndexOutOfBoundsException for a rank out of range.
     */
    public int levelAt(int rank) {
        return levels[depth - 1 - Objects.checkIndex(rank, depth)];
    }

    /**
     * The level of a price, taken from the pool (empty) and put in its place if the side has none.
     *
     * @param price a price mantissa.
     * @return its level.
     */
    public int levelFor(long price) {
        long key = key(price);
        int at = search(depth, key);
        if (at >= 0) {
            return levels[at];
        }
        int level = pool.take(bid, price);
        if (depth == keys.length) {
            keys = Arrays.copyOf(keys, depth << 1);
            levels = Arrays.copyOf(levels, depth << 1);
        }
        int insert = -at - 1;
        System.arraycopy(keys, insert, keys, insert + 1, depth - insert);
        System.arraycopy(levels, insert, levels, insert + 1, depth - insert);
        keys[insert] = key;
        levels[insert] = level;
        depth++;
        return level;
    }

    /**
     * Takes an empty level out of this side and back to the pool.
     *
     * @param level a level of this side whose queue is empty.
     */
    public void remove(int level) {
        long key = key(pool.price(level));
        int at = depth - 1; // most removals are at the touch
        if (keys[at] != key) {
            at = search(depth - 1, key);
        }
        System.arraycopy(keys, at + 1, keys, at, depth - at - 1);
        System.arraycopy(levels, at + 1, levels, at, depth - at - 1);
        depth--;
        pool.release(level);
    }

    private long key(long price) {
        return bid ? price : -price;
    }

    /** Binary search of the first {@code n} keys: the index, or -(insertion point) - 1. */
    private int search(int n, long key) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = keys[mid];
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }
}
