package chronicle.framework.internal;

import chronicle.api.strategy.OrderEvent;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.OrderRequest;
import chronicle.api.strategy.OrderView;
import chronicle.protocol.api.ExecutionReport;
import chronicle.protocol.api.Side;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A live strategy's open orders and positions, kept from what it sent and the execution reports that came back:
 * fills move the position, a fill of the whole quantity, a cancel, or the rejection of a new order closes the
 * order. A rejection of a cancel or modify that crossed the order's close (it filled meanwhile) still reaches the
 * strategy, as in a backtest, for the orders closed last. Allocation-free once its pool has grown to the most orders open at once. <b>Strategy thread only.</b>
 */
final class LiveOrders {

    private final Long2ObjectHashMap<LiveOrder> byId = new Long2ObjectHashMap<>();
    private final List<LiveOrder> open = new ArrayList<>();
    private final List<OrderView> openView = Collections.unmodifiableList(open);
    private final ArrayDeque<LiveOrder> pool = new ArrayDeque<>();
    private final long[] positions;
    /** Orders closed last, for a late rejection of a cancel or modify that crossed the close (as a backtest). */
    private final LiveOrder[] closed = new LiveOrder[RECENTLY_CLOSED];
    private int closedNext;

    private static final int RECENTLY_CLOSED = 64;

    LiveOrders(int instruments) {
        positions = new long[instruments];
    }

    /** Records an order just sent. */
    void sent(long orderId, OrderRequest request) {
        LiveOrder order = pool.isEmpty() ? new LiveOrder() : pool.poll();
        order.orderId = orderId;
        order.instrument = request.instrument();
        order.side = request.side();
        order.type = request.type();
        order.timeInForce = request.timeInForce();
        order.price = request.price();
        order.quantity = request.quantity();
        order.filled = 0;
        order.tag = request.tag();
        order.accepted = false;
        byId.put(orderId, order);
        open.add(order);
    }

    /** @return the open order, or null. */
    LiveOrder find(long orderId) {
        return byId.get(orderId);
    }

    /**
     * Applies a report and fills the event the strategy receives.
     *
     * @return the event, or null if the report is about no open or recently closed order of this strategy (it is
     *         then ignored).
     */
    OrderEvent apply(ExecutionReport report, OrderEventType type, OrderEvent event, long now) {
        LiveOrder order = byId.get(report.clientOrderId());
        if (order == null) {
            LiveOrder late = type == OrderEventType.REJECTED ? recentlyClosed(report.clientOrderId()) : null;
            return late == null ? null : event.set(type, late.orderId, late.instrument, late.side, late.price,
                    late.quantity, late.filled, now, late.tag);
        }
        switch (type) {
            case ACCEPTED -> order.accepted = true;
            case MODIFIED -> {
                order.price = report.price();
                order.quantity = report.quantity();
            }
            case PARTIALLY_FILLED, FILLED -> {
                order.filled = report.filled();
                long signed = order.side == Side.BID ? report.lastQuantity() : -report.lastQuantity();
                positions[order.instrument] += signed;
            }
            case REJECTED, CANCELLED -> {
                // the quantities are the report's below; closing is decided after the event is filled
            }
        }
        event.set(type, order.orderId, order.instrument, order.side, order.price, order.quantity, order.filled, now,
                order.tag);
        if (type.isFill()) {
            event.fill(report.lastPrice(), report.lastQuantity(), WireCodes.liquidity(report.liquidityCode()),
                    report.fee());
        }
        boolean rejectedNew = type == OrderEventType.REJECTED && !order.accepted;
        if (type.isFinal() || rejectedNew) {
            close(order);
        }
        return event;
    }

    private void close(LiveOrder order) {
        byId.remove(order.orderId);
        open.remove(order);
        LiveOrder evicted = closed[closedNext];
        closed[closedNext] = order;
        closedNext = (closedNext + 1) % RECENTLY_CLOSED;
        if (evicted != null) {
            pool.add(evicted);
        }
    }

    private LiveOrder recentlyClosed(long orderId) {
        for (LiveOrder o : closed) {
            if (o != null && o.orderId == orderId) {
                return o;
            }
        }
        return null;
    }

    /** @return the open orders, oldest first (a live view). */
    List<OrderView> open() {
        return openView;
    }

    /** @return the signed position in an instrument. */
    long position(int instrument) {
        return positions[instrument];
    }
}
