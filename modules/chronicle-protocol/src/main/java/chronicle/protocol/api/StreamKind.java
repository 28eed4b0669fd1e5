package chronicle.protocol.api;

/** Which stream of a market an event belongs to; also the {@code --stream} names of the command line. */
public enum StreamKind {
    /** mixed, as received (the raw multiplexed stream). */
    RAW(0, "raw"),
    /** order book events. */
    BOOK(1, "book"),
    /** trade prints. */
    TRADES(2, "trades"),
    /** top-of-book quotes. */
    QUOTES(3, "quotes");

    /** The constants, copied once: {@code values()} copies its array on every call, and lookups are per record. */
    private static final StreamKind[] VALUES = values();

    private final int code;
    private final String label;

    StreamKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** @return the wire code. */
    public int code() {
        return code;
    }

    /** @return the lower-case name. */
    public String label() {
        return label;
    }

    /**
     * @param code a wire code.
     * @return the stream kind, or null for an unknown code.
     */
    public static StreamKind of(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }
}
