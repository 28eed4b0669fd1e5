package chronicle.sim.internal;

import chronicle.api.strategy.Liquidity;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.RejectReason;

/**
 * Something due at an event time that is not a market event: a request reaching the exchange, a report reaching
 * the strategy, a timer. Pooled ({@link PendingQueue}): fields are overwritten on reuse.
 */
final class Pending {

    /** What is due. */
    enum Kind {
        /** a new order reaches the exchange */
        NEW,
        /** a cancel reaches the exchange */
        CANCEL,
        /** a modify reaches the exchange */
        MODIFY,
        /** an execution report reaches the strategy */
        REPORT,
        /** a timer is due */
        TIMER
    }

    Kind kind;
    long time;
    long sequence;
    SimOrder order;
    long timerId;
    // MODIFY: the new price and quantity; REPORT: the order's price and quantity then
    long price;
    long quantity;
    // REPORT
    OrderEventType type;
    long filled;
    long lastPrice;
    long lastQuantity;
    Liquidity liquidity;
    double fee;
    RejectReason reason;
    String text;
    /** REPORT of a rejection: the order itself was refused (it is done), not a cancel or modify of it. */
    boolean closes;
    /** REPORT: exchange time the report was made (for the latency series). */
    long madeAt;
}
