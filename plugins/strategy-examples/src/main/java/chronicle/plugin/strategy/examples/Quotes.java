package chronicle.plugin.strategy.examples;

import chronicle.api.strategy.Context;
import chronicle.api.strategy.OrderView;
import chronicle.api.strategy.TimeInForce;
import chronicle.protocol.api.Side;

import java.math.BigDecimal;

/**
 * A strategy's one bid and one ask on an instrument: sends a quote where there is none, moves it (modify) when its
 * price should change, pulls it. Learns what is open from {@link Context#openOrders()}, so a quote that filled or
 * was refused is simply sent again next time. Allocation-free.
 */
final class Quotes {

    private final int instrument;
    private long bidId;
    private long askId;

    /** @param instrument the instrument's index. */
    Quotes(int instrument) {
        this.instrument = instrument;
    }

    /**
     * Makes the quote on a side stand at a price.
     *
     * @param ctx      the context.
     * @param side     the side.
     * @param price    price mantissa.
     * @param quantity quantity mantissa.
     */
    void quote(Context ctx, Side side, long price, long quantity) {
        OrderView open = open(ctx, side == Side.BID ? bidId : askId);
        if (open == null) {
            long id = ctx.send(ctx.newOrder().limit(instrument, side, price, quantity)
                    .timeInForce(TimeInForce.POST_ONLY));
            setId(side, Math.max(id, 0));
        } else if (open.price() != price) {
            ctx.modify(open.orderId(), price, open.filled() + quantity);
        }
    }

    /** @param ctx the context. @param side the side whose quote goes. */
    void pull(Context ctx, Side side) {
        OrderView open = open(ctx, side == Side.BID ? bidId : askId);
        if (open != null) {
            ctx.cancel(open.orderId());
        }
        setId(side, 0);
    }

    /** @param ctx the context. Pulls both quotes. */
    void pullAll(Context ctx) {
        pull(ctx, Side.BID);
        pull(ctx, Side.ASK);
    }

    private void setId(Side side, long id) {
        if (side == Side.BID) {
            bidId = id;
        } else {
            askId = id;
        }
    }

    private static OrderView open(Context ctx, long id) {
        if (id <= 0) {
            return null;
        }
        var orders = ctx.openOrders();
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).orderId() == id) {
                return orders.get(i);
            }
        }
        return null;
    }

    /**
     * @param value    a decimal amount.
     * @param exponent the instrument's exponent.
     * @return the amount as a mantissa at that exponent (rounded to the nearest).
     */
    static long mantissa(BigDecimal value, int exponent) {
        return value.movePointRight(-exponent).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }
}
