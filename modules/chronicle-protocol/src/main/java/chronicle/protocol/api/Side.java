package chronicle.protocol.api;

/** Side of a level, an order, or a trade's aggressor. */
public enum Side {
    /** not known (a trade without an aggressor flag). */
    UNKNOWN(0),
    /** bid / buy. */
    BID(1),
    /** ask / sell. */
    ASK(2);

    /** The constants, copied once: {@code values()} copies its array on every call, and lookups are per record. */
    private static final Side[] VALUES = values();

    private final int code;

    Side(int code) {
        this.code = code;
    }

    /** @return the wire code. */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code.
     * @return the side, or null for an unknown code.
     */
    public static Side of(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }

    /** @return "bid", "ask" or "unknown", for JSON. */
    public String label() {
        return switch (this) {
            case BID -> "bid";
            case ASK -> "ask";
            case UNKNOWN -> "unknown";
        };
    }
}
