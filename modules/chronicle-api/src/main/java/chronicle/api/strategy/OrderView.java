package chronicle.api.strategy;

import chronicle.protocol.api.Side;

/** One of a strategy's orders as it stands now ({@link Context#openOrders()}). */
public interface OrderView {

    /** @return the order's id, as {@link Context#send} returned it. */
    long orderId();

    /** @return the instrument's index. */
    int instrument();

    /** @return the side. */
    Side side();

    /** @return the order type. */
    OrderType type();

    /** @return the time in force. */
    TimeInForce timeInForce();

    /** @return the limit price mantissa. */
    long price();

    /** @return the total quantity mantissa. */
    long quantity();

    /** @return the quantity filled so far. */
    long filled();

    /** @return the quantity still open: {@link #quantity()} minus {@link #filled()}. */
    default long leaves() {
        return quantity() - filled();
    }

    /** @return the strategy's tag from the request. */
    long tag();
}
