package example.strategy.twap;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.OrderEvent;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.Strategy;
import chronicle.api.strategy.TimeInForce;
import chronicle.protocol.api.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Buys a quantity of the first instrument in equal slices on a timer. Each slice is an immediate-or-cancel limit
 * order at the best ask for what the schedule says should be bought by now minus the position, so a slice that
 * did not fill (a stale or one-sided book, or too little at the touch) is caught up by the next one.
 *
 * <p>Everything runs on the runtime's one thread, so the fields need no synchronisation; the callbacks allocate
 * nothing once {@link #onStart} has converted the decimal quantity into the instrument's mantissa.
 */
final class TwapStrategy implements Strategy {

    private static final int INSTRUMENT = 0;

    private final BigDecimal quantity;
    private final int slices;
    private final long intervalNanos;
    private long totalMantissa;
    private int slicesDue;
    private long orderInFlight;

    TwapStrategy(BigDecimal quantity, int slices, long intervalNanos) {
        this.quantity = quantity;
        this.slices = slices;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void onStart(Context ctx) {
        if (ctx.instruments().isEmpty()) {
            ctx.log("twap: the run has no instrument");
            return;
        }
        int sizeExponent = ctx.instruments().get(INSTRUMENT).sizeExponent();
        totalMantissa = quantity.movePointRight(-sizeExponent).setScale(0, RoundingMode.DOWN).longValueExact();
        if (totalMantissa <= 0) {
            ctx.log("twap: quantity " + quantity + " is below the instrument's smallest size");
            return;
        }
        ctx.setTimer(ctx.now());
    }

    @Override
    public void onTimer(Context ctx, long timerId) {
        slicesDue = Math.min(slices, slicesDue + 1);
        sendCatchUp(ctx);
        if (slicesDue < slices) {
            ctx.setTimer(ctx.now() + intervalNanos);
        }
    }

    @Override
    public void onOrderEvent(Context ctx, OrderEvent event) {
        boolean done = event.type().isFinal() || event.type() == OrderEventType.REJECTED;
        if (event.orderId() == orderInFlight && done) {
            orderInFlight = 0;
        }
    }

    @Override
    public void onStop(Context ctx) {
        ctx.log("twap: bought " + ctx.position(INSTRUMENT) + " of " + totalMantissa + " (size mantissa) in "
                + slicesDue + " slices");
    }

    /** Sends what the schedule is behind by, unless an order is still on its way or the book cannot be taken. */
    private void sendCatchUp(Context ctx) {
        // total * due / slices, rounded down, without overflowing for any quantity a long can hold
        long scheduled = totalMantissa / slices * slicesDue + totalMantissa % slices * slicesDue / slices;
        long missing = scheduled - ctx.position(INSTRUMENT);
        BookView book = ctx.book(INSTRUMENT);
        // stale also before the instrument's first book event: nothing to read yet
        if (missing <= 0 || orderInFlight != 0 || book.isStale()
                || !book.isTwoSided()) {
            return;
        }
        long id = ctx.send(ctx.newOrder().limit(INSTRUMENT, Side.BID, book.bestAsk(), missing)
                .timeInForce(TimeInForce.IOC));
        if (id > 0) {
            orderInFlight = id;
        }
    }
}
