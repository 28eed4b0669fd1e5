package chronicle.sim.internal;

import chronicle.protocol.api.Side;
import chronicle.replay.api.LevelView;

/** Finds a price among a book's levels (best first: bids falling, asks rising) by binary search. */
final class Levels {

    private Levels() {
    }

    /**
     * @param levels the book's levels.
     * @param side   a side.
     * @param price  a price mantissa.
     * @return the level's index (0 = best), or -1 if no level has that price.
     */
    static int indexOf(LevelView levels, Side side, long price) {
        int low = 0;
        int high = levels.depth(side) - 1;
        boolean bid = side == Side.BID;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long p = levels.price(side, mid);
            if (p == price) {
                return mid;
            }
            boolean before = bid ? p > price : p < price;
            if (before) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }

    /**
     * @param levels the book's levels.
     * @param side   a side.
     * @param price  a price mantissa.
     * @return the size resting at that price (0 if none).
     */
    static long sizeAt(LevelView levels, Side side, long price) {
        int i = indexOf(levels, side, price);
        return i < 0 ? 0 : levels.size(side, i);
    }

    /** @param side a side. @return the other side. */
    static Side opposite(Side side) {
        return side == Side.BID ? Side.ASK : Side.BID;
    }

    /**
     * @param buy   whether the order buys.
     * @param limit its limit price.
     * @param level a price on the other side.
     * @return whether the order may trade at that price.
     */
    static boolean marketable(boolean buy, long limit, long level) {
        return buy ? level <= limit : level >= limit;
    }
}
