package chronicle.plugin.strategy.examples;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.Strategy;
import chronicle.protocol.api.Side;

import java.math.BigDecimal;

/**
 * A symmetric quoter: a bid at mid minus the half spread and an ask at mid plus it (never inside the touch, so
 * post-only quotes are not refused), requoted when the book moves the target price and on a timer, with an
 * inventory limit: at the limit long it stops bidding, at the limit short it stops offering.
 */
final class MarketMaker implements Strategy {

    private final int instrument;
    private final BigDecimal halfSpread;
    private final BigDecimal quantity;
    private final BigDecimal maxInventory;
    private final long requoteNanos;
    private final Quotes quotes;
    private long halfSpreadMantissa;
    private long quantityMantissa;
    private long maxInventoryMantissa;

    MarketMaker(int instrument, BigDecimal halfSpread, BigDecimal quantity, BigDecimal maxInventory,
                long requoteNanos) {
        this.instrument = instrument;
        this.halfSpread = halfSpread;
        this.quantity = quantity;
        this.maxInventory = maxInventory;
        this.requoteNanos = requoteNanos;
        this.quotes = new Quotes(instrument);
    }

    @Override
    public void onStart(Context ctx) {
        if (instrument >= ctx.instruments().size()) {
            ctx.log("market-maker: no instrument " + instrument + " (the run has " + ctx.instruments().size() + ")");
            return;
        }
        Instrument i = ctx.instruments().get(instrument);
        halfSpreadMantissa = Math.max(0, Quotes.mantissa(halfSpread, i.priceExponent()));
        quantityMantissa = Math.max(1, Quotes.mantissa(quantity, i.sizeExponent()));
        maxInventoryMantissa = Quotes.mantissa(maxInventory, i.sizeExponent());
        ctx.setTimer(ctx.now() + requoteNanos);
    }

    @Override
    public void onBook(Context ctx, BookView book) {
        if (book.instrument().index() == instrument) {
            requote(ctx, book);
        }
    }

    @Override
    public void onTimer(Context ctx, long timerId) {
        if (instrument < ctx.instruments().size()) {
            requote(ctx, ctx.book(instrument));
            ctx.setTimer(ctx.now() + requoteNanos);
        }
    }

    private void requote(Context ctx, BookView book) {
        if (book.instrument() == null || book.isStale() || !book.isTwoSided()) {
            quotes.pullAll(ctx);
            return;
        }
        long bestBid = book.bestBid();
        long bestAsk = book.bestAsk();
        long twiceMid = bestBid + bestAsk;
        long bid = Math.min(Math.floorDiv(twiceMid - 2 * halfSpreadMantissa, 2), bestBid);
        long ask = Math.max(Math.floorDiv(twiceMid + 2 * halfSpreadMantissa + 1, 2), bestAsk);
        long position = ctx.position(instrument);
        if (position < maxInventoryMantissa && bid > 0) {
            quotes.quote(ctx, Side.BID, bid, quantityMantissa);
        } else {
            quotes.pull(ctx, Side.BID);
        }
        if (-position < maxInventoryMantissa) {
            quotes.quote(ctx, Side.ASK, ask, quantityMantissa);
        } else {
            quotes.pull(ctx, Side.ASK);
        }
    }

    @Override
    public void onStop(Context ctx) {
        quotes.pullAll(ctx);
    }
}
