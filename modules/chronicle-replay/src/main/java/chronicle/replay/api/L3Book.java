package chronicle.replay.api;

import chronicle.protocol.api.Side;
import chronicle.replay.internal.BookSide;
import chronicle.replay.internal.OrderIndex;
import chronicle.replay.internal.OrderSlots;
import chronicle.replay.internal.PriceLevels;

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
 * <p>Layout, for a book that allocates nothing in steady state: this class applies the priority rules to four
 * parts of the unexported package {@code chronicle.replay.internal}. {@code OrderSlots} stores the orders in slots
 * of parallel primitive arrays (id, size, level, links of an intrusive doubly-linked FIFO list per level) recycled
 * through a free list; {@code OrderIndex}, an open-addressing hash map (linear probing, deletion by backward shift,
 * so no tombstones), maps an id to its slot; {@code PriceLevels} is the pool of levels (price, side, total size,
 * queue head and tail, order count) and owns the FIFO queue operations; a {@code BookSide} per side keeps its levels
 * sorted by price with the <em>best level last</em>, so that the inserts and removals near the touch, where almost
 * all of them happen, shift only a few entries. Cancels, executions and size decreases never search a side: an order
 * knows its level. All arrays grow by doubling when needed and never shrink.
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

    private static final int NIL = OrderSlots.NIL;
    private static final int INITIAL_ORDERS = 1024;
    private static final int INITIAL_LEVELS = 64;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final OrderSlots orders = new OrderSlots(INITIAL_ORDERS);
    private final OrderIndex index = new OrderIndex(INITIAL_ORDERS * 2);
    private final PriceLevels levels = new PriceLevels(orders, INITIAL_LEVELS);
    private final BookSide bids = new BookSide(true, levels, INITIAL_LEVELS);
    private final BookSide asks = new BookSide(false, levels, INITIAL_LEVELS);

    /** An empty book. */
    public L3Book() {
    }

    /** Removes every order and level; the capacity reached so far is kept. */
    public void clear() {
        index.clear();
        orders.clear();
        levels.clear();
        bids.clear();
        asks.clear();
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
        index.ensureRoomFor(orders.live() + 1); // before find: growing moves every entry
        int at = index.find(orderId);
        if (index.slotAt(at) != NIL) {
            return DUPLICATE_ORDER;
        }
        int slot = orders.take(orderId, size);
        index.put(at, orderId, slot);
        levels.append(bookSide(side == Side.BID).levelFor(price), slot);
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
        int at = index.find(orderId);
        int slot = index.slotAt(at);
        if (slot == NIL) {
            return UNKNOWN_ORDER;
        }
        if (newSize == 0) {
            remove(at, slot);
            return OK;
        }
        int level = orders.level(slot);
        if (levels.price(level) == newPrice) {
            if (newSize <= orders.size(slot)) {
                levels.resize(slot, newSize);
            } else {
                levels.unlink(slot); // the level keeps existing: the order comes straight back
                orders.size(slot, newSize);
                levels.append(level, slot);
            }
            return OK;
        }
        BookSide side = bookSide(levels.bid(level));
        leaveLevel(slot);
        orders.size(slot, newSize);
        levels.append(side.levelFor(newPrice), slot);
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
        int at = index.find(orderId);
        int slot = index.slotAt(at);
        if (slot == NIL) {
            return UNKNOWN_ORDER;
        }
        remove(at, slot);
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
        int at = index.find(orderId);
        int slot = index.slotAt(at);
        if (slot == NIL) {
            return UNKNOWN_ORDER;
        }
        long remaining = orders.size(slot) - amount;
        if (remaining <= 0) {
            remove(at, slot);
        } else {
            levels.resize(slot, remaining);
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
        return orders.live();
    }

    /**
     * Whether an order is resting in the book.
     *
     * @param orderId an id.
     * @return whether that order is in the book.
     */
    public boolean contains(long orderId) {
        return index.slotOf(orderId) != NIL;
    }

    /**
     * An order's price.
     *
     * @param orderId an id.
     * @return the order's price mantissa, 0 if it is not in the book.
     */
    public long orderPrice(long orderId) {
        int slot = index.slotOf(orderId);
        return slot == NIL ? 0 : levels.price(orders.level(slot));
    }

    /**
     * An order's remaining visible size.
     *
     * @param orderId an id.
     * @return the order's remaining visible size mantissa, 0 if it is not in the book.
     */
    public long orderSize(long orderId) {
        int slot = index.slotOf(orderId);
        return slot == NIL ? 0 : orders.size(slot);
    }

    /**
     * An order's side.
     *
     * @param orderId an id.
     * @return the order's side, null if it is not in the book.
     */
    public Side orderSide(long orderId) {
        int slot = index.slotOf(orderId);
        return slot == NIL ? null : levels.bid(orders.level(slot)) ? Side.BID : Side.ASK;
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
        return levels.count(levelAt(side, level));
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
        return orders.id(levels.slotAt(levelAt(side, level), position));
    }

    /**
     * An order's place in its level's queue; walks the queue from the order to its front: O(position).
     *
     * @param orderId an id.
     * @return the number of orders ahead of it at its level (0 = front of the queue), -1 if it is not in the book.
     */
    public int queuePosition(long orderId) {
        int slot = index.slotOf(orderId);
        return slot == NIL ? -1 : levels.positionOf(slot);
    }

    /**
     * Visits every order: the bids, best level first, then the asks, best level first; each level's queue front to
     * back. The visitor must not change the book.
     *
     * @param visitor called once per order.
     */
    public void forEachOrder(OrderVisitor visitor) {
        visitOrders(bids, Side.BID, visitor);
        visitOrders(asks, Side.ASK, visitor);
    }

    private void visitOrders(BookSide bookSide, Side side, OrderVisitor visitor) {
        for (int rank = 0; rank < bookSide.depth(); rank++) {
            int level = bookSide.levelAt(rank);
            long price = levels.price(level);
            for (int s = levels.head(level); s != NIL; s = orders.next(s)) {
                visitor.visit(orders.id(s), side, price, orders.size(s));
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
        return side == Side.BID ? bids.depth() : side == Side.ASK ? asks.depth() : 0;
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
        return levels.price(levelAt(side, level));
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
        return levels.total(levelAt(side, level));
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
        return hashSide(hashSide(GOLDEN, bids, true), asks, true);
    }

    /**
     * A hash of the derived price levels only: equal to {@link L2Book#hash()} of an L2 book holding the same levels,
     * so an L3 book can be checked against an L2 book of the same market.
     *
     * @return the hash.
     */
    public long levelHash() {
        return hashSide(hashSide(GOLDEN, bids, false), asks, false);
    }

    /**
     * Mixes a side into a hash, best level first: each level's price and then, with its orders, the order count and
     * every order front to back (id, size), or without them the level's total size (as {@link L2Book#hash()} does).
     */
    private long hashSide(long h, BookSide side, boolean withOrders) {
        h = L2Book.mix(h, side.depth());
        for (int rank = 0; rank < side.depth(); rank++) {
            int level = side.levelAt(rank);
            h = L2Book.mix(L2Book.mix(h, levels.price(level)), withOrders ? levels.count(level) : levels.total(level));
            for (int s = withOrders ? levels.head(level) : NIL; s != NIL; s = orders.next(s)) {
                h = L2Book.mix(L2Book.mix(h, orders.id(s)), orders.size(s));
            }
        }
        return h;
    }

    // ------------------------------------------------------------------------------------------------- internals

    private static boolean validPrice(long price) {
        return price != Long.MIN_VALUE && price != Long.MAX_VALUE;
    }

    private BookSide bookSide(boolean bid) {
        return bid ? bids : asks;
    }

    /** The pool index of a side's level (0 = best). */
    private int levelAt(Side side, int level) {
        if (side == Side.BID) {
            return bids.levelAt(level);
        }
        if (side == Side.ASK) {
            return asks.levelAt(level);
        }
        throw new IndexOutOfBoundsException("no level " + level + " on side " + side);
    }

    /** Takes an order out of its level's queue, and the level out of its side if that leaves it empty. */
    private void leaveLevel(int slot) {
        int level = orders.level(slot);
        levels.unlink(slot);
        if (levels.count(level) == 0) {
            bookSide(levels.bid(level)).remove(level);
        }
    }

    /** Takes an order out of the book: its queue, its id's index entry and its slot. */
    private void remove(int at, int slot) {
        leaveLevel(slot);
        index.removeAt(at);
        orders.release(slot);
    }
}
