package chronicle.sim.internal;

import chronicle.api.strategy.RejectReason;

/**
 * What the simulated exchange tells the runtime about an order, at exchange time. The runtime accounts fills at
 * once and delivers each report to the strategy after the response latency.
 */
interface ExecutionReports {

    /** @param order the order. @param time exchange time. */
    void accepted(SimOrder order, long time);

    /**
     * @param order  the order (for a failed cancel or modify, the order it was about).
     * @param reason why.
     * @param text   one line.
     * @param time   exchange time.
     */
    void rejected(SimOrder order, RejectReason reason, String text, long time);

    /**
     * @param order    the order, its filled quantity already counting this fill.
     * @param price    the fill's price mantissa.
     * @param quantity the fill's quantity mantissa.
     * @param maker    whether the order rested.
     * @param time     exchange time.
     */
    void filled(SimOrder order, long price, long quantity, boolean maker, long time);

    /** @param order the order. @param time exchange time. */
    void cancelled(SimOrder order, long time);

    /** @param order the order, with its new price and quantity. @param time exchange time. */
    void modified(SimOrder order, long time);
}
