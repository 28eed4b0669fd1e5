package chronicle.replay.api;

import chronicle.protocol.api.Side;

import java.util.Arrays;
import java.util.Objects;

/**
 * An order-by-order book: resting orders by id, a FIFO queue per price level, and the price levels derived from them
 * (best first, each with the sum of its orders' visible sizes), as fixed-point mantissas.
 *
 * <p>Priority rules (price-time): an added order joins the back of its level's queue. A modify that keeps the price
 * and decreases the size (or leaves it equal) keeps the order's place; a modify that increases the size or changes
 * the price sends it to the back of the queue of its (new) level. Partial cancels and visible executions keep the
 * place; an order whose remaining size reaches 0 leaves the book, and so does a level whose last order leaves.
 *
 * <p>Hidden executions are not this book's business: a hidden order is not in the visible book, so a trade against
 * one changes nothing here (the replay engine does not pass them on). Nor does the book match: a crossed add or
 * modify is stored as the feed says, since the venue, not the book, decides what traded.
 *
 * <p>Errors are status codes, never exceptions, and a rejected event leaves the book unchanged: {@link #OK},
 * {@link #UNKNOWN_ORDER} (an id the book does not hold, typically an order that was resting before the data
 * started), {@link #DUPLICATE_ORDER} and {@link #INVALID}. Level and queue accessors ({@link #price}, {@link #size},
 * {@link #ordersAt}, {@link #orderAt}) take positions that must be in range, like array indices.
 *
 * <p>Layout, for a book that allocates nothing in steady state: orders live in slots of parallel primitive arrays
 * (id, size, level, links of an intrusive doubly-linked FIFO list per level) recycled through a free list; an
 * open-addressing hash map (linear probing, deletion by backward shift, so no tombstones) maps an id to its slot;
 * levels live in a pool of their own (price, total size, queue head and tail, order count) and each side keeps its
 * levels sorted by price with the <em>best level last</em>, so that the inserts and removals near the touch, where
 * almost all of them happen, shift only a few entries. Cancels, executions and size decreases never search a side:
 * an order knows its level. All arrays grow by doubling when needed and never shrink.
 *
 * <p>Prices may be negative (spreads); {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE}, the "no price" sentinels of
 * {@link L2Book#bestBid()} and {@link L2Book#bestAsk()}, are rejected as {@link #INVALID}.
 *
 * <p><b>Not thread-safe.</b>
 */
public final class L3Book implements LevelView {

    /** The event was applied. */
    public static final int OK = 0;
    /** The id is not in the book (for example an order resting before the data started); the book is unchanged. */
    public static final int UNKNOWN_ORDER = -1;
    /** An add of an id already in the book; the book is unchanged. */
    public static final int DUPLICATE_ORDER = -2;
    /**
     * A non-positive size (a negative one for a modify), a sentinel price ({@link Long#MIN_VALUE},
     * {@link Long#MAX_VALUE}) or a side that is neither {@link Side#BID} nor {@link Side#ASK}; the book is unchanged.
     */
    public static final int INVALID = -3;

    private static final int NIL = -1;
    private static final int INITIAL_ORDERS = 1024;
    private static final int INITIAL_LEVELS = 64;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    // ---- order slots: a free list through orderNext ----
    private long[] orderIds = new long[INITIAL_ORDERS];
    private long[] orderSizes = new long[INITIAL_ORDERS];
    private int[] orderLevels = new int[INITIAL_ORDERS];
    private int[] orderNext = new int[INITIAL_ORDERS];
    private int[] orderPrev = new int[INITIAL_ORDERS];
    private int orderTop;
    private int orderFree = NIL;
    private int orderCount;

    // ---- id -> slot: open addressing, linear probing; a value is slot + 1, 0 = empty ----
    private long[] mapKeys = new long[INITIAL_ORDERS * 2];
    private int[] mapValues = new int[INITIAL_ORDERS * 2];
    private int mapMask = INITIAL_ORDERS * 2 - 1;
    private int mapShift = 64 - Integer.numberOfTrailingZeros(INITIAL_ORDERS * 2);

    // ---- level pool: a free list through levelHeads ----
    private long[] levelPrices = new long[INITIAL_LEVELS];
    private long[] levelTotals = new long[INITIAL_LEVELS];
    private int[] levelHeads = new int[INITIAL_LEVELS];
    private int[] levelTails = new int[INITIAL_LEVELS];
    private int[] levelCounts = new int[INITIAL_LEVELS];
    private boolean[] levelBids = new boolean[INITIAL_LEVELS];
    private int levelTop;
    private int levelFree = NIL;

    // ---- sides: keys ascending with the best level last; key = price for bids, -price for asks ----
    private long[] bidKeys = new long[INITIAL_LEVELS];
    private int[] bidLevels = new int[INITIAL_LEVELS];
    private int bidDepth;
    private long[] askKeys = new long[INITIAL_LEVELS];
    private int[] askLevels = new int[INITIAL_LEVELS];
    private int askDepth;

    /** An empty book. */
    public L3Book() {
    }

    /** Removes every order and level; the capacity reached so far is kept. */
    public void clear() {
        if (orderCount > 0) {
            Arrays.fill(mapValues, 0);
        }
        orderCount = 0;
        orderTop = 0;
        orderFree = NIL;
        levelTop = 0;
        levelFree = NIL;
        bidDepth = 0;
        askDepth = 0;
    }

    // ------------------------------------------------------------------------------------------------- events

    /**
     * A new resting order, at the back of its level's queue.
     *
     * @param orderId the order's id, unique among the orders in the book (any value).
     * @param side    {@link Side#BID} or {@link Side#ASK}.
     * @param price   price mantissa.
     * @param size    visible size mantissa, positive.
     * @return {@link #OK}, {@link #DUPLICATE_ORDER} or {@link #INVALID}.
     */
    public int add(long orderId, Side side, long price, long size) {
        if (size <= 0 || (side != Side.BID && side != Side.ASK) || !validPrice(price)) {
            return INVALID;
        }
        if ((orderCount + 1) << 1 > mapValues.length) {
            growMap();
        }
        int index = probe(orderId);
        if (mapValues[index] != 0) {
            return DUPLICATE_ORDER;
        }
        int slot = allocateOrder();
        mapKeys[index] = orderId;
        mapValues[index] = slot + 1;
        orderIds[slot] = orderId;
        orderSizes[slot] = size;
        append(levelFor(side == Side.BID, price), slot);
        orderCount++;
        return OK;
    }

    /**
     * A changed order. Same price and a smaller (or equal) size: the order keeps its place. A larger size or another
     * price: it goes to the back of the queue of its (new) level. A new size of 0 removes the order.
     *
     * @param orderId the order's id.
     * @param newPrice its new price mantissa (ignored when newSize is 0).
     * @param newSize  its new visible size mantissa, not negative.
     * @return {@link #OK}, {@link #UNKNOWN_ORDER} or {@link #INVALID}.
     */
    public int modify(long orderId, long newPrice, long newSize) {
        if (newSize < 0 || (newSize > 0 && !validPrice(newPrice))) {
            return INVALID;
        }
        int index = probe(orderId);
        int value = mapValues[index];
        if (value == 0) {
            return UNKNOWN_ORDER;
        }
        int slot = value - 1;
        if (newSize == 0) {
            remove(index, slot);
            return OK;
        }
        int level = orderLevels[slot];
        long oldSize = orderSizes[slot];
        if (levelPrices[level] == newPrice) {
            if (newSize <= oldSize) {
                orderSizes[slot] = newSize;
                levelTotals[level] += newSize - oldSize;
            } else {
                unlink(level, slot); // the level keeps existing: the order comes straight back
                orderSizes[slot] = newSize;
                append(level, slot);
            }
            return OK;
        }
        boolean bid = levelBids[level];
        unlink(level, slot);
        if (levelCounts[level] == 0) {
            removeLevel(level);
        }
        orderSizes[slot] = newSize;
        append(levelFor(bid, newPrice), slot);
        return OK;
    }

    /**
     * Part of an order's size was cancelled; the order keeps its place, and leaves the book when nothing remains.
     *
     * @param orderId       the order's id.
     * @param cancelledSize the cancelled size mantissa, positive.
     * @return {@link #OK}, {@link #UNKNOWN_ORDER} or {@link #INVALID}.
     */
    public int cancel(long orderId, long cancelledSize) {
        return reduce(orderId, cancelledSize);
    }

    /**
     * The whole order was removed.
     *
     * @param orderId the order's id.
     * @return {@link #OK} or {@link #UNKNOWN_ORDER}.
     */
    public int delete(long orderId) {
        int index = probe(orderId);
        int value = mapValues[index];
        if (value == 0) {
            return UNKNOWN_ORDER;
        }
        remove(index, value - 1);
        return OK;
    }

    /**
     * A visible resting order traded; it keeps its place, and leaves the book when nothing remains.
     *
     * @param orderId      the order's id.
     * @param executedSize the executed size mantissa, positive.
     * @return {@link #OK}, {@link #UNKNOWN_ORDER} or {@link #INVALID}.
     */
    public int execute(long orderId, long executedSize) {
        return reduce(orderId, executedSize);
    }

    private int reduce(long orderId, long amount) {
        if (amount <= 0) {
            return INVALID;
        }
        int index = probe(orderId);
        int value = mapValues[index];
        if (value == 0) {
            return UNKNOWN_ORDER;
        }
        int slot = value - 1;
        long remaining = orderSizes[slot] - amount;
        if (remaining <= 0) {
            remove(index, slot);
        } else {
            orderSizes[slot] = remaining;
            levelTotals[orderLevels[slot]] -= amount;
        }
        return OK;
    }

    // ------------------------------------------------------------------------------------------------- queries

    /**
     * The number of resting orders.
     *
     * @return the number of orders in the book.
     */
    public int orderCount() {
        return orderCount;
    }

    /**
     * Whether an order is resting in the book.
     *
     * @param orderId an id.
     * @return whether that order is in the book.
     */
    public boolean contains(long orderId) {
        return mapValues[probe(orderId)] != 0;
    }

    /**
     * An order's price.
     *
     * @param orderId an id.
     * @return the order's price mantissa, 0 if it is not in the book.
     */
    public long orderPrice(long orderId) {
        int slot = slotOf(orderId);
        return slot < 0 ? 0 : levelPrices[orderLevels[slot]];
    }

    /**
     * An order's remaining visible size.
     *
     * @param orderId an id.
     * @return the order's remaining visible size mantissa, 0 if it is not in the book.
     */
    public long orderSize(long orderId) {
        int slot = slotOf(orderId);
        return slot < 0 ? 0 : orderSizes[slot];
    }

    /**
     * An order's side.
     *
     * @param orderId an id.
     * @return the order's side, null if it is not in the book.
     */
    public Side orderSide(long orderId) {
        int slot = slotOf(orderId);
        return slot < 0 ? null : levelBids[orderLevels[slot]] ? Side.BID : Side.ASK;
    }

    /**
     * The length of a level's queue.
     *
     * @param side  a side.
     * @param level 0 = best, below {@link #depth(Side)}.
     * @return the number of orders at that level.
     * @throws IndexOutOfBoundsException for a level out of range.
     */
    public int ordersAt(Side side, int level) {
        return levelCounts[levelAt(side, level)];
    }

    /**
     * The order at a place in a level's queue; walks the queue from its nearer end: O(min(position, orders -
     * position)).
     *
     * @param side     a side.
     * @param level    0 = best, below {@link #depth(Side)}.
     * @param position 0 = front of the queue, below {@link #ordersAt(Side, int)}.
     * @return the id of the order at that place.
     * @throws IndexOutOfBoundsException for a level or position out of range.
     */
    public long orderAt(Side side, int level, int position) {
        int lvl = levelAt(side, level);
        int count = levelCounts[lvl];
        Objects.checkIndex(position, count);
        int slot;
        if (position <= count >> 1) {
            slot = levelHeads[lvl];
            for (int i = 0; i < position; i++) {
                slot = orderNext[slot];
            }
        } else {
            slot = levelTails[lvl];
            for (int i = count - 1; i > position; i--) {
                slot = orderPrev[slot];
            }
        }
        return orderIds[slot];
    }

    /**
     * An order's place in its level's queue; walks the queue from the order to its front: O(position).
     *
     * @param orderId an id.
     * @return the number of orders ahead of it at its level (0 = front of the queue), -1 if it is not in the book.
     */
    public int queuePosition(long orderId) {
        int slot = slotOf(orderId);
        if (slot < 0) {
            return -1;
        }
        int ahead = 0;
        for (int s = orderPrev[slot]; s != NIL; s = orderPrev[s]) {
            ahead++;
        }
        return ahead;
    }

    /**
     * Visits every order: the bids, best level first, then the asks, best level first; each level's queue front to
     * back. The visitor must not change the book.
     *
     * @param visitor called once per order.
     */
    public void forEachOrder(OrderVisitor visitor) {
        for (int i = bidDepth - 1; i >= 0; i--) {
            int level = bidLevels[i];
            long price = levelPrices[level];
            for (int s = levelHeads[level]; s != NIL; s = orderNext[s]) {
                visitor.visit(orderIds[s], Side.BID, price, orderSizes[s]);
            }
        }
        for (int i = askDepth - 1; i >= 0; i--) {
            int level = askLevels[i];
            long price = levelPrices[level];
            for (int s = levelHeads[level]; s != NIL; s = orderNext[s]) {
                visitor.visit(orderIds[s], Side.ASK, price, orderSizes[s]);
            }
        }
    }

    /**
     * The number of price levels of a side.
     *
     * @param side a side.
     * @return its number of levels (0 for {@link Side#UNKNOWN}).
     */
    @Override
    public int depth(Side side) {
        return side == Side.BID ? bidDepth : side == Side.ASK ? askDepth : 0;
    }

    /**
     * A level's price.
     *
     * @param side  a side.
     * @param level 0 = best, below {@link #depth(Side)}.
     * @return that level's price mantissa.
     * @throws IndexOutOfBoundsException for a level out of range.
     */
    @Override
    public long price(Side side, int level) {
        return levelPrices[levelAt(side, level)];
    }

    /**
     * A level's aggregated visible size.
     *
     * @param side  a side.
     * @param level 0 = best, below {@link #depth(Side)}.
     * @return that level's size mantissa: the sum of its orders' visible sizes.
     * @throws IndexOutOfBoundsException for a level out of range.
     */
    @Override
    public long size(Side side, int level) {
        return levelTotals[levelAt(side, level)];
    }

    /**
     * A deterministic hash of every order in book order (for each side, bids first, each level best first: its
     * price and order count, then each order front to back: id and size). Two books holding the same orders in the
     * same queues hash equally, whatever sequence of events built them; the same orders queued in another order
     * (almost certainly) do not.
     *
     * @return the hash.
     */
    @Override
    public long hash() {
        long h = GOLDEN;
        h = L2Book.mix(h, bidDepth);
        for (int i = bidDepth - 1; i >= 0; i--) {
            h = hashLevel(h, bidLevels[i]);
        }
        h = L2Book.mix(h, askDepth);
        for (int i = askDepth - 1; i >= 0; i--) {
            h = hashLevel(h, askLevels[i]);
        }
        return h;
    }

    private long hashLevel(long h, int level) {
        h = L2Book.mix(L2Book.mix(h, levelPrices[level]), levelCounts[level]);
        for (int s = levelHeads[level]; s != NIL; s = orderNext[s]) {
            h = L2Book.mix(L2Book.mix(h, orderIds[s]), orderSizes[s]);
        }
        return h;
    }

    /**
     * A hash of the derived price levels only: equal to {@link L2Book#hash()} of an L2 book holding the same levels,
     * so an L3 book can be checked against an L2 book of the same market.
     *
     * @return the hash.
     */
    public long levelHash() {
        long h = GOLDEN;
        h = L2Book.mix(h, bidDepth);
        for (int i = bidDepth - 1; i >= 0; i--) {
            int level = bidLevels[i];
            h = L2Book.mix(L2Book.mix(h, levelPrices[level]), levelTotals[level]);
        }
        h = L2Book.mix(h, askDepth);
        for (int i = askDepth - 1; i >= 0; i--) {
            int level = askLevels[i];
            h = L2Book.mix(L2Book.mix(h, levelPrices[level]), levelTotals[level]);
        }
        return h;
    }

    // ------------------------------------------------------------------------------------------------- internals

    private static boolean validPrice(long price) {
        return price != Long.MIN_VALUE && price != Long.MAX_VALUE;
    }

    /** The level-pool index of a side's level (0 = best). */
    private int levelAt(Side side, int level) {
        if (side == Side.BID) {
            return bidLevels[bidDepth - 1 - Objects.checkIndex(level, bidDepth)];
        }
        if (side == Side.ASK) {
            return askLevels[askDepth - 1 - Objects.checkIndex(level, askDepth)];
        }
        throw new IndexOutOfBoundsException("no level " + level + " on side " + side);
    }

    private int slotOf(long orderId) {
        return mapValues[probe(orderId)] - 1;
    }

    /** The map index holding the id, or the empty index where it would go. */
    private int probe(long orderId) {
        int i = (int) ((orderId * GOLDEN) >>> mapShift);
        while (true) {
            if (mapValues[i] == 0 || mapKeys[i] == orderId) {
                return i;
            }
            i = (i + 1) & mapMask;
        }
    }

    /** Empties a map index, shifting back the entries of its probe run that may fill it (no tombstones). */
    private void mapRemove(int index) {
        int mask = mapMask;
        int gap = index;
        int j = index;
        while (true) {
            j = (j + 1) & mask;
            int value = mapValues[j];
            if (value == 0) {
                break;
            }
            int home = (int) ((mapKeys[j] * GOLDEN) >>> mapShift);
            if (((j - home) & mask) >= ((j - gap) & mask)) { // the gap lies on the entry's probe path
                mapKeys[gap] = mapKeys[j];
                mapValues[gap] = value;
                gap = j;
            }
        }
        mapValues[gap] = 0;
    }

    private void growMap() {
        long[] oldKeys = mapKeys;
        int[] oldValues = mapValues;
        int capacity = oldValues.length << 1;
        mapKeys = new long[capacity];
        mapValues = new int[capacity];
        mapMask = capacity - 1;
        mapShift = 64 - Integer.numberOfTrailingZeros(capacity);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != 0) {
                int at = probe(oldKeys[i]);
                mapKeys[at] = oldKeys[i];
                mapValues[at] = oldValues[i];
            }
        }
    }

    private int allocateOrder() {
        int slot = orderFree;
        if (slot != NIL) {
            orderFree = orderNext[slot];
            return slot;
        }
        if (orderTop == orderIds.length) {
            int capacity = orderTop << 1;
            orderIds = Arrays.copyOf(orderIds, capacity);
            orderSizes = Arrays.copyOf(orderSizes, capacity);
            orderLevels = Arrays.copyOf(orderLevels, capacity);
            orderNext = Arrays.copyOf(orderNext, capacity);
            orderPrev = Arrays.copyOf(orderPrev, capacity);
        }
        return orderTop++;
    }

    /** Unlinks an order from everything and frees its slot and map entry. */
    private void remove(int index, int slot) {
        int level = orderLevels[slot];
        unlink(level, slot);
        if (levelCounts[level] == 0) {
            removeLevel(level);
        }
        mapRemove(index);
        orderNext[slot] = orderFree;
        orderFree = slot;
        orderCount--;
    }

    private void append(int level, int slot) {
        int tail = levelTails[level];
        orderLevels[slot] = level;
        orderPrev[slot] = tail;
        orderNext[slot] = NIL;
        if (tail == NIL) {
            levelHeads[level] = slot;
        } else {
            orderNext[tail] = slot;
        }
        levelTails[level] = slot;
        levelCounts[level]++;
        levelTotals[level] += orderSizes[slot];
    }

    private void unlink(int level, int slot) {
        int prev = orderPrev[slot];
        int next = orderNext[slot];
        if (prev == NIL) {
            levelHeads[level] = next;
        } else {
            orderNext[prev] = next;
        }
        if (next == NIL) {
            levelTails[level] = prev;
        } else {
            orderPrev[next] = prev;
        }
        levelCounts[level]--;
        levelTotals[level] -= orderSizes[slot];
    }

    /** The level of a price on a side, created (empty) if there is none. */
    private int levelFor(boolean bid, long price) {
        long key = bid ? price : -price;
        long[] keys = bid ? bidKeys : askKeys;
        int depth = bid ? bidDepth : askDepth;
        int at = search(keys, depth, key);
        if (at >= 0) {
            return (bid ? bidLevels : askLevels)[at];
        }
        int level = allocateLevel(bid, price);
        if (depth == keys.length) {
            growSide(bid);
            keys = bid ? bidKeys : askKeys;
        }
        int[] levels = bid ? bidLevels : askLevels;
        int insert = -at - 1;
        System.arraycopy(keys, insert, keys, insert + 1, depth - insert);
        System.arraycopy(levels, insert, levels, insert + 1, depth - insert);
        keys[insert] = key;
        levels[insert] = level;
        if (bid) {
            bidDepth++;
        } else {
            askDepth++;
        }
        return level;
    }

    /** Takes an empty level out of its side and back to the pool. */
    private void removeLevel(int level) {
        boolean bid = levelBids[level];
        long key = bid ? levelPrices[level] : -levelPrices[level];
        long[] keys = bid ? bidKeys : askKeys;
        int[] levels = bid ? bidLevels : askLevels;
        int depth = bid ? bidDepth : askDepth;
        int at = depth - 1; // most removals are at the touch
        if (keys[at] != key) {
            at = search(keys, depth - 1, key);
        }
        System.arraycopy(keys, at + 1, keys, at, depth - at - 1);
        System.arraycopy(levels, at + 1, levels, at, depth - at - 1);
        if (bid) {
            bidDepth--;
        } else {
            askDepth--;
        }
        levelHeads[level] = levelFree;
        levelFree = level;
    }

    /** Binary search of ascending keys: the index, or -(insertion point) - 1. */
    private static int search(long[] keys, int depth, long key) {
        int lo = 0;
        int hi = depth - 1;
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

    private int allocateLevel(boolean bid, long price) {
        int level = levelFree;
        if (level != NIL) {
            levelFree = levelHeads[level];
        } else {
            if (levelTop == levelPrices.length) {
                int capacity = levelTop << 1;
                levelPrices = Arrays.copyOf(levelPrices, capacity);
                levelTotals = Arrays.copyOf(levelTotals, capacity);
                levelHeads = Arrays.copyOf(levelHeads, capacity);
                levelTails = Arrays.copyOf(levelTails, capacity);
                levelCounts = Arrays.copyOf(levelCounts, capacity);
                levelBids = Arrays.copyOf(levelBids, capacity);
            }
            level = levelTop++;
        }
        levelPrices[level] = price;
        levelTotals[level] = 0;
        levelHeads[level] = NIL;
        levelTails[level] = NIL;
        levelCounts[level] = 0;
        levelBids[level] = bid;
        return level;
    }

    private void growSide(boolean bid) {
        if (bid) {
            bidKeys = Arrays.copyOf(bidKeys, bidKeys.length << 1);
            bidLevels = Arrays.copyOf(bidLevels, bidLevels.length << 1);
        } else {
            askKeys = Arrays.copyOf(askKeys, askKeys.length << 1);
            askLevels = Arrays.copyOf(askLevels, askLevels.length << 1);
        }
    }
}
