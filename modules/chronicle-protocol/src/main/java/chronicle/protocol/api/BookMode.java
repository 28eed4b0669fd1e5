package chronicle.protocol.api;

/** Which book an event belongs to. */
public enum BookMode {
    /** not a book event (trades, quotes, heartbeats). */
    NONE(0),
    /** price levels. */
    L2(1),
    /** orders. */
    L3(2);

    /** The constants, copied once: {@code values()} copies its array on every call, and lookups are per record. */
    private static final BookMode[] VALUES = values();

    private final int code;

    BookMode(int code) {
        this.code = code;
    }

    /** @return the wire code. */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code.
     * @return the mode, or null for an unknown code.
     */
    public static BookMode of(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }
}
