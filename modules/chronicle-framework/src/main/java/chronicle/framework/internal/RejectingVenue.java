package chronicle.framework.internal;

import chronicle.framework.api.StrategyLink;
import chronicle.framework.api.Venue;
import chronicle.protocol.api.CancelOrder;
import chronicle.protocol.api.ModifyOrder;
import chronicle.protocol.api.NewOrder;
import chronicle.protocol.api.OrderCodes;
import chronicle.protocol.api.Side;

/**
 * The venue {@code reject}: connected to no market, it answers every new order {@code REJECTED} ({@code REFUSED},
 * "no market behind this router") and every cancel or modify {@code UNKNOWN_ORDER}. For checking the order path
 * end to end (permissions, registration, the strategy's handling of rejections) without trading.
 */
public final class RejectingVenue implements Venue {

    /** The venue's name. */
    public static final String NAME = "reject";
    private static final String TEXT = "no market behind this router (venue 'reject')";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onNewOrder(StrategyLink from, NewOrder order) {
        Side side = Side.of(order.sideCode());
        from.report(order.clientOrderId(), OrderCodes.EVENT_REJECTED, order.venueId(), order.marketId(),
                        side == null ? Side.UNKNOWN : side)
                .order(order.price(), order.quantity(), 0).exchangeTime(order.sendTime())
                .reject(OrderCodes.REJECT_REFUSED, TEXT);
        from.commit();
    }

    @Override
    public void onCancel(StrategyLink from, CancelOrder cancel) {
        from.report(cancel.clientOrderId(), OrderCodes.EVENT_REJECTED, cancel.venueId(), cancel.marketId(),
                Side.UNKNOWN).exchangeTime(cancel.sendTime()).reject(OrderCodes.REJECT_UNKNOWN_ORDER, TEXT);
        from.commit();
    }

    @Override
    public void onModify(StrategyLink from, ModifyOrder modify) {
        from.report(modify.clientOrderId(), OrderCodes.EVENT_REJECTED, modify.venueId(), modify.marketId(),
                Side.UNKNOWN).exchangeTime(modify.sendTime()).reject(OrderCodes.REJECT_UNKNOWN_ORDER, TEXT);
        from.commit();
    }
}
