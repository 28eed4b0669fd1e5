package chronicle.api.strategy;

import chronicle.protocol.api.Side;
import chronicle.replay.api.L3Book;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.MarketBook;

/**
 * A read-only view of one instrument's book, handed to {@link Strategy#onBook}: the replay engine's book, without
 * its mutators. The runtime re-points it at each event; a strategy never changes it. Before the instrument's first
 * book event (a timer or a trade can come first) the view is of an empty book that is stale: no levels, no
 * order-level book, exchange time 0.
 */
public final class BookView {

    /** The levels of a view that has no book yet. */
    private static final LevelView NO_LEVELS = new LevelView() {
        @Override
        public int depth(Side side) {
            return 0;
        }

        @Override
        public long price(Side side, int level) {
            throw new IndexOutOfBoundsException("level " + level + " of an empty book");
        }

        @Override
        public long size(Side side, int level) {
            throw new IndexOutOfBoundsException("level " + level + " of an empty book");
        }

        @Override
        public long hash() {
            return 0;
        }
    };

    private Instrument instrument;
    private MarketBook book;

    /**
     * Points the view at a book (runtime use).
     *
     * @param instrument the instrument.
     * @param book       its book, or null before the instrument's first book event.
     * @return this view.
     */
    public BookView wrap(Instrument instrument, MarketBook book) {
        this.instrument = instrument;
        this.book = book;
        return this;
    }

    /** @return the instrument. */
    public Instrument instrument() {
        return instrument;
    }

    /** @return the price levels, best first (L2, or derived from the orders on L3). */
    public LevelView levels() {
        return book == null ? NO_LEVELS : book.levels();
    }

    /** @return the order-level book where the stream has one, else null. Read it; do not change it. */
    public L3Book l3() {
        return book == null ? null : book.l3();
    }

    /** @return the best bid price mantissa, or {@link Long#MIN_VALUE} when the bid side is empty. */
    public long bestBid() {
        return depth(Side.BID) > 0 ? price(Side.BID, 0) : Long.MIN_VALUE;
    }

    /** @return the best ask price mantissa, or {@link Long#MAX_VALUE} when the ask side is empty. */
    public long bestAsk() {
        return depth(Side.ASK) > 0 ? price(Side.ASK, 0) : Long.MAX_VALUE;
    }

    /** @return whether both sides have at least one level. */
    public boolean isTwoSided() {
        return depth(Side.BID) > 0 && depth(Side.ASK) > 0;
    }

    /** @param side a side. @return its number of levels. */
    public int depth(Side side) {
        return levels().depth(side);
    }

    /** @param side a side. @param level 0 = best. @return the level's price mantissa. */
    public long price(Side side, int level) {
        return levels().price(side, level);
    }

    /** @param side a side. @param level 0 = best. @return the level's size mantissa. */
    public long size(Side side, int level) {
        return levels().size(side, level);
    }

    /** @return the exchange time of the last event applied, epoch nanoseconds (0 before the first). */
    public long exchangeTime() {
        return book == null ? 0 : book.lastExchangeTimestamp();
    }

    /**
     * @return whether the book is waiting for a snapshot after a gap (its levels are not to be trusted), or has not
     *         had its first event yet.
     */
    public boolean isStale() {
        return book == null || book.awaitingSnapshot();
    }
}
