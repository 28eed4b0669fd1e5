package chronicle.protocol.api;

/** What an order-by-order event does. */
public enum L3Action {
    /** a new resting order. */
    ADD(1),
    /** a changed order: a size decrease keeps its priority, a price change or size increase loses it. */
    MODIFY(2),
    /** part of an order's size was cancelled; size is the cancelled amount. */
    CANCEL(3),
    /** the whole order was removed. */
    DELETE(4),
    /** a visible resting order traded; size is the executed amount. */
    EXECUTE_VISIBLE(5),
    /** a hidden order traded: the visible book does not change. */
    EXECUTE_HIDDEN(6),
    /** a trade that touched no resting visible order (a cross or auction trade). */
    TRADE(7),
    /** the book is cleared. */
    CLEAR(8),
    /** a trading halt or its end (size 1 halt, 0 resume): the book does not change. */
    HALT(9);

    /** The constants, copied once: {@code values()} copies its array on every call, and lookups are per record. */
    private static final L3Action[] VALUES = values();

    private final int code;

    L3Action(int code) {
        this.code = code;
    }

    /** @return the wire code. */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code.
     * @return the action, or null for an unknown code.
     */
    public static L3Action of(int code) {
        return code >= 1 && code <= VALUES.length ? VALUES[code - 1] : null;
    }
}
