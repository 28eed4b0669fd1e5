package chronicle.replay.api;

import chronicle.protocol.api.Side;

/**
 * The price levels of a book, best first, as fixed-point mantissas: what an L2 book holds and what an L3 book
 * derives from its orders. Implemented by {@link L2Book} and {@link L3Book}.
 */
public interface LevelView {

    /** @param side a side. @return its number of levels. */
    int depth(Side side);

    /** @param side a side. @param level 0 = best. @return that level's price mantissa. */
    long price(Side side, int level);

    /** @param side a side. @param level 0 = best. @return that level's (visible) size mantissa. */
    long size(Side side, int level);

    /** @return a deterministic hash of the whole state: equal states, equal hashes. */
    long hash();
}
