package chronicle.api.strategy;

/**
 * A trading strategy: callbacks on one thread, in event order, acting only through the {@link Context} it is
 * given. The same class runs in a backtest and live without change, so a strategy reads time from
 * {@link Context#now()} (never the wall clock), keeps no static state, and does not block.
 *
 * <p>Every callback has an empty default: implement the ones the strategy needs. The views passed in are owned by
 * the runtime and reused for the next event: copy what must outlive the call.
 */
public interface Strategy {

    /**
     * Before the first event: the instruments are known, no order has been sent.
     *
     * @param ctx the context.
     */
    default void onStart(Context ctx) {
    }

    /**
     * A book changed (an L2 update, an L3 order event, or a snapshot).
     *
     * @param ctx  the context.
     * @param book the book after the event; {@link BookView#l3()} is set where the stream has order-level data.
     */
    default void onBook(Context ctx, BookView book) {
    }

    /**
     * A trade printed on the venue (anyone's, not only this strategy's fills).
     *
     * @param ctx   the context.
     * @param trade the trade.
     */
    default void onTrade(Context ctx, TradeView trade) {
    }

    /**
     * Something happened to one of this strategy's orders: accepted, rejected, filled (partly or fully),
     * cancelled, modified.
     *
     * @param ctx   the context.
     * @param event what happened.
     */
    default void onOrderEvent(Context ctx, OrderEvent event) {
    }

    /**
     * A timer set with {@link Context#setTimer} is due.
     *
     * @param ctx     the context.
     * @param timerId the id {@link Context#setTimer} returned.
     */
    default void onTimer(Context ctx, long timerId) {
    }

    /**
     * After the last event (the end of a backtest's data, or a live shutdown): orders may still be cancelled.
     *
     * @param ctx the context.
     */
    default void onStop(Context ctx) {
    }
}
