package chronicle.framework.internal;

import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.OrderView;
import chronicle.api.strategy.TimeInForce;
import chronicle.protocol.api.Side;

/** One open order of a live strategy, as its execution reports left it. Pooled by {@link LiveOrders}. */
final class LiveOrder implements OrderView {

    long orderId;
    int instrument;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    long price;
    long quantity;
    long filled;
    long tag;
    boolean accepted;

    @Override
    public long orderId() {
        return orderId;
    }

    @Override
    public int instrument() {
        return instrument;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public OrderType type() {
        return type;
    }

    @Override
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    @Override
    public long price() {
        return price;
    }

    @Override
    public long quantity() {
        return quantity;
    }

    @Override
    public long filled() {
        return filled;
    }

    @Override
    public long tag() {
        return tag;
    }

    @Override
    public String toString() {
        return "order " + orderId + " " + side + " " + quantity + " @ " + price + " (" + type + " " + timeInForce
                + ", filled " + filled + ")";
    }
}
