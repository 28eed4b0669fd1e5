package chronicle.api.strategy;

/** What happened to an order ({@link OrderEvent#type()}). */
public enum OrderEventType {
    /** The venue (or simulated exchange) accepted it; a resting order is now in the book. */
    ACCEPTED,
    /** Refused: see {@link OrderEvent#rejectReason()}. Also the answer to a cancel or modify that failed. */
    REJECTED,
    /** Part of it filled; the rest is still open. */
    PARTIALLY_FILLED,
    /** All of it filled; the order is done. */
    FILLED,
    /** Cancelled (asked for, or the unfilled rest of an IOC order); the order is done. */
    CANCELLED,
    /** A modify took effect: new price and quantity. */
    MODIFIED;

    /** @return whether the order is done after this event (no more events for it). */
    public boolean isFinal() {
        return this == FILLED || this == CANCELLED;
    }

    /** @return whether this event carries a fill ({@link OrderEvent#lastQuantity()} greater than zero). */
    public boolean isFill() {
        return this == PARTIALLY_FILLED || this == FILLED;
    }
}
