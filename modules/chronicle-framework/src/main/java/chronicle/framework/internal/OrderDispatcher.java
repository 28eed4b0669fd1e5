package chronicle.framework.internal;

import chronicle.framework.api.Venue;
import chronicle.protocol.api.CancelOrder;
import chronicle.protocol.api.ClockProgress;
import chronicle.protocol.api.ModifyOrder;
import chronicle.protocol.api.NewOrder;
import chronicle.protocol.api.OrderCodes;
import chronicle.protocol.api.OrderMessageType;
import chronicle.protocol.api.Side;
import org.agrona.DirectBuffer;

import java.util.function.BiConsumer;

/**
 * Checks one order message taken from a strategy's orders queue and hands it to the venue, or refuses it with a
 * {@code REJECTED} report: a strategy not registered with the router ({@code REFUSED}), a message that names
 * another strategy ({@code REFUSED}), or one of an unknown type or too short for its type ({@code INVALID}).
 * Every refusal is also logged, once per strategy and reason. <b>Router thread only.</b>
 */
final class OrderDispatcher {

    private final Venue venue;
    private final BiConsumer<String, String> logOnce;
    private final NewOrder newOrder = new NewOrder();
    private final CancelOrder cancel = new CancelOrder();
    private final ModifyOrder modify = new ModifyOrder();
    private final ClockProgress progress = new ClockProgress();

    OrderDispatcher(Venue venue, BiConsumer<String, String> logOnce) {
        this.venue = venue;
        this.logOnce = logOnce;
    }

    void dispatch(RoutedStrategy from) {
        OrderMessageType type = OrderMessageType.of(from.headType());
        DirectBuffer head = from.head();
        int required = type == null ? Integer.MAX_VALUE : switch (type) {
            case NEW_ORDER -> NewOrder.LENGTH;
            case CANCEL_ORDER -> CancelOrder.LENGTH;
            case MODIFY_ORDER -> ModifyOrder.LENGTH;
            case CLOCK_PROGRESS -> ClockProgress.LENGTH;
            case EXECUTION_REPORT -> Integer.MAX_VALUE;
        };
        if (from.headLength() < required || from.headLength() > RoutedStrategy.MAX_ORDER) {
            String text = "orders record " + from.headSequence() + " (type 0x" + Integer.toHexString(from.headType())
                    + ", " + from.headLength() + " bytes) is not an order message";
            logOnce.accept(from.name() + "/invalid", "router: strategy '" + from.name() + "': " + text + ": refused");
            refuse(from, from.headLength() >= 8 ? head.getLong(0) : 0, 0, 0, Side.UNKNOWN,
                    OrderCodes.REJECT_INVALID, text);
            return;
        }
        // client order id and strategy id are the first two fields of every order message
        long orderId = head.getLong(0);
        long strategyId = head.getLong(8);
        int venueId = head.getShort(28) & 0xFFFF;
        long marketId = head.getInt(24) & 0xFFFF_FFFFL;
        Side side = type == OrderMessageType.NEW_ORDER ? sideOf(newOrder.wrap(head, 0).sideCode()) : Side.UNKNOWN;
        if (type == OrderMessageType.CLOCK_PROGRESS && !from.registered()) {
            return; // nothing to answer: the strategy's orders are refused one by one
        }
        if (!from.registered()) {
            String text = "strategy '" + from.name() + "' is not registered with the router";
            refuse(from, orderId, venueId, marketId, side, OrderCodes.REJECT_REFUSED, text);
            return;
        }
        if (strategyId != from.strategyId()) {
            String text = "order " + orderId + " names strategy id " + strategyId + ", not that of '" + from.name()
                    + "' whose queue it is in";
            logOnce.accept(from.name() + "/id", "router: " + text + ": refused");
            refuse(from, orderId, venueId, marketId, side, OrderCodes.REJECT_REFUSED, text);
            return;
        }
        switch (type) {
            case NEW_ORDER -> venue.onNewOrder(from, newOrder.wrap(head, 0));
            case CANCEL_ORDER -> venue.onCancel(from, cancel.wrap(head, 0));
            case MODIFY_ORDER -> venue.onModify(from, modify.wrap(head, 0));
            case CLOCK_PROGRESS -> venue.onClockProgress(from, progress.wrap(head, 0).watermark());
            case EXECUTION_REPORT -> throw new IllegalStateException("unreachable: reports are refused above");
        }
    }

    private static Side sideOf(int code) {
        Side side = Side.of(code);
        return side == null ? Side.UNKNOWN : side;
    }

    private static void refuse(RoutedStrategy from, long orderId, int venueId, long marketId, Side side, int reason,
                               String text) {
        from.report(orderId, OrderCodes.EVENT_REJECTED, venueId, marketId, side).reject(reason, text);
        from.commit();
    }
}
