package chronicle.api.strategy;

import java.util.List;

/**
 * What a strategy can see and do: the time, its instruments, its orders and positions. Implemented by the backtest
 * ({@code chronicle.sim}: event time, orders to the simulated exchange) and by the live runtime
 * ({@code chronicle.framework}: wall-clock time, orders to the bus).
 *
 * <p>Order calls return status codes instead of throwing, and allocate nothing: fill the reusable request from
 * {@link #newOrder()} and {@link #send} it. A positive result is the new order's id; its fate arrives later as
 * {@link OrderEvent}s (after the latency the runtime models or the venue takes).
 *
 * <p>Prices and quantities are the protocol's fixed-point mantissas, at the instrument's exponents
 * ({@link Instrument#priceExponent()}, {@link Instrument#sizeExponent()}).
 */
public interface Context {

    /** {@link #send}, {@link #cancel}, {@link #modify}: the request is malformed (a field is missing or out of range). */
    int INVALID = -1;
    /** The order id is not one of this strategy's open orders. */
    int UNKNOWN_ORDER = -2;
    /** The runtime is not accepting orders (stopping, or the order path is down). */
    int NOT_ACCEPTING = -3;
    /** The runtime's order path is full: try again on a later event. */
    int BACK_PRESSURE = -4;

    /**
     * @return the current time, epoch nanoseconds: the event time in a backtest, the wall clock live.
     */
    long now();

    /** @return the instruments this strategy receives, in index order ({@link Instrument#index()}). */
    List<Instrument> instruments();

    /**
     * @param index an instrument's index.
     * @return its current book (the same object {@link Strategy#onBook} receives).
     */
    BookView book(int index);

    /**
     * The reusable request to fill and {@link #send}: cleared by each call.
     *
     * @return the request.
     */
    OrderRequest newOrder();

    /**
     * Sends an order.
     *
     * @param request the request (normally from {@link #newOrder()}).
     * @return the new order's id (positive), or a negative status ({@link #INVALID}, {@link #NOT_ACCEPTING},
     *         {@link #BACK_PRESSURE}).
     */
    long send(OrderRequest request);

    /**
     * Asks to cancel an open order. The order stays open until {@link OrderEventType#CANCELLED} arrives, and may
     * still fill in between.
     *
     * @param orderId the order.
     * @return 0, or a negative status.
     */
    int cancel(long orderId);

    /**
     * Asks to change an open limit order's price and quantity. As on venues, a price change, or a quantity
     * increase, moves the order to the back of its level's queue; a quantity decrease keeps its place.
     *
     * @param orderId  the order.
     * @param price    the new price mantissa.
     * @param quantity the new total quantity mantissa (including what has filled).
     * @return 0, or a negative status.
     */
    int modify(long orderId, long price, long quantity);

    /**
     * @param index an instrument's index.
     * @return the signed position in it (size mantissa; negative is short), from fills received so far.
     */
    long position(int index);

    /** @return this strategy's open orders (sent and not yet done), oldest first: a live view, do not keep it. */
    List<OrderView> openOrders();

    /**
     * Calls {@link Strategy#onTimer} at a time.
     *
     * @param at epoch nanoseconds (in a backtest, event time: the timer fires before the first event after it).
     * @return the timer's id.
     */
    long setTimer(long at);

    /**
     * Writes a line to the run's log (the backtest's report, or the live application's log).
     *
     * @param message the line.
     */
    void log(String message);
}
