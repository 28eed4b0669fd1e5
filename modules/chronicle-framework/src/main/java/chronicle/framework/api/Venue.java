package chronicle.framework.api;

import chronicle.protocol.api.CancelOrder;
import chronicle.protocol.api.ModifyOrder;
import chronicle.protocol.api.NewOrder;

/**
 * Where the {@link Router} sends the orders of its strategies: an exchange gateway, or the simulated exchange for
 * paper trading. The router calls it on its one thread, in order of arrival across all strategies, and the venue
 * answers each request through the strategy's {@link StrategyLink} (at once, or later from {@link #doWork}, for
 * example when market data fills a resting order).
 *
 * <p>The messages are flyweights over the orders queue's mapped memory: read them during the call, copy what must
 * outlive it. The router has already checked that each comes from a registered strategy and carries its id.
 * <b>Router thread only; must not block.</b>
 */
public interface Venue extends AutoCloseable {

    /** @return the venue's name, for logs. */
    String name();

    /**
     * A new order.
     *
     * @param from  the strategy that sent it, to answer on.
     * @param order the order.
     */
    void onNewOrder(StrategyLink from, NewOrder order);

    /**
     * A request to cancel an open order.
     *
     * @param from   the strategy.
     * @param cancel the request.
     */
    void onCancel(StrategyLink from, CancelOrder cancel);

    /**
     * A request to change an open order's price and quantity.
     *
     * @param from   the strategy.
     * @param modify the request.
     */
    void onModify(StrategyLink from, ModifyOrder modify);

    /**
     * In market time (docs/LIVE.md), how far a strategy has come: it will send nothing stamped before the
     * watermark, and every request it sent before this message has been handed to the venue already.
     *
     * @param from      the strategy.
     * @param watermark market time, epoch nanoseconds ({@link Long#MAX_VALUE}: it has finished).
     */
    default void onClockProgress(StrategyLink from, long watermark) {
    }

    /**
     * The venue's own work between orders (reading market data, timers, an exchange session), called every
     * cycle of the router's loop.
     *
     * @param nowNanos the wall clock, epoch nanoseconds.
     * @return how much work was done (0 lets the router idle).
     */
    default int doWork(long nowNanos) {
        return 0;
    }

    /** Releases what the venue holds; called once, on the router thread, when the router stops. */
    @Override
    default void close() {
    }
}
