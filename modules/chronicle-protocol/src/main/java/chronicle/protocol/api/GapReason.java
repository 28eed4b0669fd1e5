package chronicle.protocol.api;

/** Why data is missing. */
public enum GapReason {
    /** not known. */
    UNKNOWN(0),
    /** the venue's update ids or sequence numbers do not chain. */
    SEQUENCE_BREAK(1),
    /** the feed disconnected and reconnected. */
    RECONNECT(2),
    /** the vendor's file lacks the data. */
    VENDOR_MISSING(3),
    /** bad input was skipped ({@code --on-error gap}). */
    BAD_INPUT(4);

    /** The constants, copied once: {@code values()} copies its array on every call, and lookups are per record. */
    private static final GapReason[] VALUES = values();

    private final int code;

    GapReason(int code) {
        this.code = code;
    }

    /** @return the wire code. */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code.
     * @return the reason, or null for an unknown code.
     */
    public static GapReason of(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }
}
