package chronicle.api.strategy;

/** Why a request was refused ({@link OrderEvent#rejectReason()}). */
public enum RejectReason {
    /** Not a rejection. */
    NONE,
    /** A field is missing or out of range. */
    INVALID,
    /** A post-only order would have taken liquidity. */
    WOULD_TAKE,
    /** A fill-or-kill order could not fill completely at once. */
    CANNOT_FILL,
    /** A market or IOC order met an empty or stale book. */
    NO_LIQUIDITY,
    /** Cancel or modify of an order that is not open (already filled or cancelled). */
    UNKNOWN_ORDER,
    /** The venue or router refused it for a reason of its own (see the text). */
    REFUSED
}
