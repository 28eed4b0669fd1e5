package chronicle.protocol.api;

/** What an event means for a book. */
public enum EventType {
    /** the full state: replaces the book. */
    SNAPSHOT(1),
    /** a change to the book. */
    DIFF(2),
    /** clear the book; wait for a snapshot. */
    RESET(3),
    /** no data, the feed is alive. */
    HEARTBEAT(4),
    /** data was lost. */
    GAP(5),
    /** a trade print (does not change a price-level book). */
    TRADE(6),
    /** a top-of-book quote. */
    QUOTE(7);

    /** The constants, copied once: {@code values()} copies its array on every call, and lookups are per record. */
    private static final EventType[] VALUES = values();

    private final int code;

    EventType(int code) {
        this.code = code;
    }

    /** @return the wire code. */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code.
     * @return the event type, or null for an unknown code.
     */
    public static EventType of(int code) {
        for (EventType t : VALUES) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
