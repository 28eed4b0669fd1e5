package chronicle.framework.api;

import chronicle.protocol.api.CancelOrder;
import chronicle.protocol.api.ModifyOrder;
import chronicle.protocol.api.NewOrder;
import chronicle.protocol.api.OrderCodes;
import chronicle.protocol.api.Side;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A venue for tests only: it accepts every new order and fills it completely at its limit price as maker (fee 0.5),
 * and cancels on request. It records what reached it, so a test can tell what the router let through.
 */
final class FillingVenue implements Venue {

    /** What reached the venue: "new alpha 17 BID 1 @ 5000", "cancel alpha 17". */
    final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "filling test venue";
    }

    @Override
    public void onNewOrder(StrategyLink from, NewOrder order) {
        Side side = Side.of(order.sideCode());
        received.add("new " + from.name() + " " + order.clientOrderId() + " " + side + " " + order.quantity() + " @ "
                + order.price());
        from.report(order.clientOrderId(), OrderCodes.EVENT_ACCEPTED, order.venueId(), order.marketId(), side)
                .order(order.price(), order.quantity(), 0).exchangeTime(order.sendTime());
        from.commit();
        from.report(order.clientOrderId(), OrderCodes.EVENT_FILLED, order.venueId(), order.marketId(), side)
                .order(order.price(), order.quantity(), order.quantity())
                .fill(order.price(), order.quantity(), OrderCodes.LIQUIDITY_MAKER, 0.5)
                .exchangeTime(order.sendTime());
        from.commit();
    }

    @Override
    public void onCancel(StrategyLink from, CancelOrder cancel) {
        received.add("cancel " + from.name() + " " + cancel.clientOrderId());
        from.report(cancel.clientOrderId(), OrderCodes.EVENT_REJECTED, cancel.venueId(), cancel.marketId(),
                Side.UNKNOWN).reject(OrderCodes.REJECT_UNKNOWN_ORDER, "already filled");
        from.commit();
    }

    @Override
    public void onModify(StrategyLink from, ModifyOrder modify) {
        received.add("modify " + from.name() + " " + modify.clientOrderId());
        from.report(modify.clientOrderId(), OrderCodes.EVENT_REJECTED, modify.venueId(), modify.marketId(),
                Side.UNKNOWN).reject(OrderCodes.REJECT_UNKNOWN_ORDER, "already filled");
        from.commit();
    }
}
