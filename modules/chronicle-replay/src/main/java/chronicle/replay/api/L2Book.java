package chronicle.replay.api;

import chronicle.protocol.api.Side;

import java.util.Arrays;

/**
 * A price-level book: per side, levels sorted best first (bids descending, asks ascending), each a price and an
 * absolute size, as fixed-point mantissas. Updates find their level by binary search and shift the arrays, which is
 * fastest for the few dozen levels near the touch where almost all updates land; the arrays grow when a side gets
 * deeper than ever before and never shrink, so the book allocates nothing in steady state.
 *
 * <p>Depth truncation: with a maximum depth, levels beyond it are dropped (a venue that publishes only its top N
 * levels; a level that leaves the top N must not linger).
 *
 * <p><b>Not thread-safe.</b>
 */
public final class L2Book implements LevelView {

    private static final int INITIAL = 64;

    private final int maxDepth;
    private final Side[] sides = {Side.BID, Side.ASK};
    private long[] bidPrices = new long[INITIAL];
    private long[] bidSizes = new long[INITIAL];
    private long[] askPrices = new long[INITIAL];
    private long[] askSizes = new long[INITIAL];
    private int bidDepth;
    private int askDepth;

    /** A book of unlimited depth. */
    public L2Book() {
        this(0);
    }

    /**
     * @param maxDepth levels kept per side (0: unlimited).
     */
    public L2Book(int maxDepth) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    /** Empties both sides. */
    public void clear() {
        bidDepth = 0;
        askDepth = 0;
    }

    /**
     * Sets a level's absolute size; a size of 0 (or less) removes the level.
     *
     * @param side  bid or ask ({@link Side#UNKNOWN} is ignored).
     * @param price price mantissa.
     * @param size  size mantissa.
     */
    public void set(Side side, long price, long size) {
        if (side == Side.BID) {
            bidDepth = update(bidPrices, bidSizes, bidDepth, price, size, true);
        } else if (side == Side.ASK) {
            askDepth = update(askPrices, askSizes, askDepth, price, size, false);
        }
    }

    private int update(long[] prices, long[] sizes, int depth, long price, long size, boolean descending) {
        int at = find(prices, depth, price, descending);
        if (at >= 0) {
            if (size > 0) {
                sizes[at] = size;
                return depth;
            }
            System.arraycopy(prices, at + 1, prices, at, depth - at - 1);
            System.arraycopy(sizes, at + 1, sizes, at, depth - at - 1);
            return depth - 1;
        }
        if (size <= 0) {
            return depth;
        }
        int insert = -at - 1;
        if (maxDepth > 0 && insert >= maxDepth) {
            return depth; // beyond the venue's depth: not part of the book
        }
        if (depth == prices.length) {
            grow(descending);
            prices = descending ? bidPrices : askPrices;
            sizes = descending ? bidSizes : askSizes;
        }
        System.arraycopy(prices, insert, prices, insert + 1, depth - insert);
        System.arraycopy(sizes, insert, sizes, insert + 1, depth - insert);
        prices[insert] = price;
        sizes[insert] = size;
        depth++;
        return maxDepth > 0 && depth > maxDepth ? maxDepth : depth;
    }

    /** Binary search in best-first order: the index, or -(insertion point) - 1. */
    private static int find(long[] prices, int depth, long price, boolean descending) {
        int lo = 0;
        int hi = depth - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long p = prices[mid];
            if (p == price) {
                return mid;
            }
            if (descending ? p > price : p < price) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -lo - 1;
    }

    private void grow(boolean bids) {
        if (bids) {
            bidPrices = Arrays.copyOf(bidPrices, bidPrices.length * 2);
            bidSizes = Arrays.copyOf(bidSizes, bidSizes.length * 2);
        } else {
            askPrices = Arrays.copyOf(askPrices, askPrices.length * 2);
            askSizes = Arrays.copyOf(askSizes, askSizes.length * 2);
        }
    }

    /** @param side a side. @return its number of levels. */
    @Override
    public int depth(Side side) {
        return side == Side.BID ? bidDepth : side == Side.ASK ? askDepth : 0;
    }

    /** @param side a side. @param level 0 = best. @return that level's price mantissa. */
    @Override
    public long price(Side side, int level) {
        return side == Side.BID ? bidPrices[level] : askPrices[level];
    }

    /** @param side a side. @param level 0 = best. @return that level's size mantissa. */
    @Override
    public long size(Side side, int level) {
        return side == Side.BID ? bidSizes[level] : askSizes[level];
    }

    /**
     * @param side  a side.
     * @param price a price mantissa.
     * @return the size at that price, 0 if there is no such level.
     */
    public long sizeAt(Side side, long price) {
        boolean bids = side == Side.BID;
        int at = find(bids ? bidPrices : askPrices, bids ? bidDepth : askDepth, price, bids);
        return at < 0 ? 0 : (bids ? bidSizes : askSizes)[at];
    }

    /** @return the best bid price, or Long.MIN_VALUE if there is no bid. */
    public long bestBid() {
        return bidDepth == 0 ? Long.MIN_VALUE : bidPrices[0];
    }

    /** @return the best ask price, or Long.MAX_VALUE if there is no ask. */
    public long bestAsk() {
        return askDepth == 0 ? Long.MAX_VALUE : askPrices[0];
    }

    /**
     * A deterministic hash of the whole book (every level of both sides, in order): equal books have equal hashes,
     * whatever sequence of updates built them.
     *
     * @return the hash.
     */
    @Override
    public long hash() {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h, bidDepth);
        for (int i = 0; i < bidDepth; i++) {
            h = mix(mix(h, bidPrices[i]), bidSizes[i]);
        }
        h = mix(h, askDepth);
        for (int i = 0; i < askDepth; i++) {
            h = mix(mix(h, askPrices[i]), askSizes[i]);
        }
        return h;
    }

    static long mix(long h, long v) {
        long x = h ^ (v * 0xC2B2AE3D27D4EB4FL);
        x = Long.rotateLeft(x, 31) * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    /**
     * Makes another book equal to this one.
     *
     * @param target the book to overwrite.
     */
    public void copyTo(L2Book target) {
        target.clear();
        for (Side side : sides) {
            for (int i = depth(side) - 1; i >= 0; i--) {
                target.set(side, price(side, i), size(side, i));
            }
        }
    }
}
