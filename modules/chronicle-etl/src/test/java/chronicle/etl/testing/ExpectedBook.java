package chronicle.etl.testing;

import chronicle.bus.api.MarketIds;
import chronicle.core.api.RecordSource;
import chronicle.protocol.api.Side;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.WarmStart;
import chronicle.storage.api.StreamDay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The book features a row should hold, computed independently of the extract engine: the book from
 * {@link WarmStart#bookAt} (what {@code chronicle book --at} prints) and the features in {@link BigDecimal}.
 */
public final class ExpectedBook {

    private final MarketBook book;

    private ExpectedBook(MarketBook book) {
        this.book = book;
    }

    /**
     * The book as of an exchange time.
     *
     * @param archive      the archive.
     * @param symbol       the symbol.
     * @param date         the day.
     * @param exchangeTime the time, epoch ns.
     * @return the expected book.
     */
    public static ExpectedBook at(TardisArchive archive, String symbol, LocalDate date, long exchangeTime) {
        MarketIds.Ids ids = archive.ids(symbol);
        StreamDay day = new StreamDay(TardisArchive.VENUE, symbol, date, "book");
        WarmStart.Result result = WarmStart.bookAt(RecordSource.Opener.ofQueue(day.queueDir(archive.root())), null,
                name -> null, ids.venueId(), ids.marketId(), exchangeTime + TardisArchive.LATENCY_NANOS,
                GapPolicy.FAIL, 0, null);
        return new ExpectedBook(result.book());
    }

    /** @return the journal sequence of the last event applied. */
    public long sequence() {
        return book.lastSequence();
    }

    /**
     * @param side  bid or ask.
     * @param level 0 = best.
     * @return the level's price, or null if the side has fewer levels.
     */
    public BigDecimal price(Side side, int level) {
        LevelView levels = book.levels();
        return level < levels.depth(side) ? BigDecimal.valueOf(levels.price(side, level), -book.priceExponent())
                : null;
    }

    /**
     * @param side  bid or ask.
     * @param level 0 = best.
     * @return the level's size, or null if the side has fewer levels.
     */
    public BigDecimal size(Side side, int level) {
        LevelView levels = book.levels();
        return level < levels.depth(side) ? BigDecimal.valueOf(levels.size(side, level), -book.sizeExponent())
                : null;
    }

    /** @return (best bid + best ask) / 2, exact. */
    public BigDecimal mid() {
        return price(Side.BID, 0).add(price(Side.ASK, 0)).divide(BigDecimal.TWO);
    }

    /** @return best ask - best bid. */
    public BigDecimal spread() {
        return price(Side.ASK, 0).subtract(price(Side.BID, 0));
    }

    /**
     * @param scale decimals of the result.
     * @return (bid x askSize + ask x bidSize) / (bidSize + askSize), rounded half to even.
     */
    public BigDecimal microprice(int scale) {
        BigDecimal bidSize = size(Side.BID, 0);
        BigDecimal askSize = size(Side.ASK, 0);
        return price(Side.BID, 0).multiply(askSize).add(price(Side.ASK, 0).multiply(bidSize))
                .divide(bidSize.add(askSize), scale, RoundingMode.HALF_EVEN);
    }

    /**
     * @param scale decimals of the result.
     * @return (bidSize - askSize) / (bidSize + askSize), rounded half to even.
     */
    public BigDecimal imbalance(int scale) {
        BigDecimal bidSize = size(Side.BID, 0);
        BigDecimal askSize = size(Side.ASK, 0);
        return bidSize.subtract(askSize).divide(bidSize.add(askSize), scale, RoundingMode.HALF_EVEN);
    }
}
