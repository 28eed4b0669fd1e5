package chronicle.plugin.strategy.examples;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.Strategy;
import chronicle.protocol.api.Side;

import java.math.BigDecimal;

/**
 * While the spread of an instrument is at least a threshold, joins the best bid and the best ask (one order each,
 * moved with the touch); when it narrows, or the book goes stale, pulls both. A side whose position reached the
 * limit is not quoted.
 */
final class SpreadStrategy implements Strategy {

    private final int instrument;
    private final BigDecimal minSpread;
    private final BigDecimal quantity;
    private final BigDecimal maxPosition;
    private final Quotes quotes;
    private long minSpreadMantissa;
    private long quantityMantissa;
    private long maxPositionMantissa;

    SpreadStrategy(int instrument, BigDecimal minSpread, BigDecimal quantity, BigDecimal maxPosition) {
        this.instrument = instrument;
        this.minSpread = minSpread;
        this.quantity = quantity;
        this.maxPosition = maxPosition;
        this.quotes = new Quotes(instrument);
    }

    @Override
    public void onStart(Context ctx) {
        if (instrument >= ctx.instruments().size()) {
            ctx.log("spread: no instrument " + instrument + " (the run has " + ctx.instruments().size() + ")");
            return;
        }
        Instrument i = ctx.instruments().get(instrument);
        minSpreadMantissa = Quotes.mantissa(minSpread, i.priceExponent());
        quantityMantissa = Math.max(1, Quotes.mantissa(quantity, i.sizeExponent()));
        maxPositionMantissa = Quotes.mantissa(maxPosition, i.sizeExponent());
    }

    @Override
    public void onBook(Context ctx, BookView book) {
        if (book.instrument().index() != instrument) {
            return;
        }
        if (book.isStale() || !book.isTwoSided() || book.bestAsk() - book.bestBid() < minSpreadMantissa) {
            quotes.pullAll(ctx);
            return;
        }
        long position = ctx.position(instrument);
        if (position < maxPositionMantissa) {
            quotes.quote(ctx, Side.BID, book.bestBid(), quantityMantissa);
        } else {
            quotes.pull(ctx, Side.BID);
        }
        if (-position < maxPositionMantissa) {
            quotes.quote(ctx, Side.ASK, book.bestAsk(), quantityMantissa);
        } else {
            quotes.pull(ctx, Side.ASK);
        }
    }

    @Override
    public void onStop(Context ctx) {
        quotes.pullAll(ctx);
    }
}
