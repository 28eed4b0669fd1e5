package chronicle.protocol.api;

/**
 * The one-byte wire codes of the order path's enumerations. They are the protocol's own numbers, fixed forever, so
 * a runtime maps its enums to them explicitly (never through {@code ordinal()}). Zero is "none" or "not set"
 * wherever it is allowed, so a zero-filled field never reads as a meaningful value.
 */
public final class OrderCodes {

    /** Order type: a limit order. */
    public static final int TYPE_LIMIT = 1;
    /** Order type: a market order. */
    public static final int TYPE_MARKET = 2;

    /** Time in force: good till cancelled. */
    public static final int TIF_GTC = 1;
    /** Time in force: immediate or cancel. */
    public static final int TIF_IOC = 2;
    /** Time in force: fill or kill. */
    public static final int TIF_FOK = 3;
    /** Time in force: post only (rest as a maker or be rejected). */
    public static final int TIF_POST_ONLY = 4;

    /** Execution report: the order was accepted. */
    public static final int EVENT_ACCEPTED = 1;
    /** Execution report: a request was rejected. */
    public static final int EVENT_REJECTED = 2;
    /** Execution report: part of the order filled. */
    public static final int EVENT_PARTIALLY_FILLED = 3;
    /** Execution report: the order filled completely. */
    public static final int EVENT_FILLED = 4;
    /** Execution report: the order was cancelled. */
    public static final int EVENT_CANCELLED = 5;
    /** Execution report: a modify took effect. */
    public static final int EVENT_MODIFIED = 6;

    /** Liquidity of a fill: not a fill. */
    public static final int LIQUIDITY_NONE = 0;
    /** Liquidity of a fill: the order rested and was hit. */
    public static final int LIQUIDITY_MAKER = 1;
    /** Liquidity of a fill: the order took liquidity. */
    public static final int LIQUIDITY_TAKER = 2;

    /** Reject reason: not a rejection. */
    public static final int REJECT_NONE = 0;
    /** Reject reason: a field is missing or out of range. */
    public static final int REJECT_INVALID = 1;
    /** Reject reason: a post-only order would have taken liquidity. */
    public static final int REJECT_WOULD_TAKE = 2;
    /** Reject reason: a fill-or-kill order could not fill completely. */
    public static final int REJECT_CANNOT_FILL = 3;
    /** Reject reason: a market or IOC order met an empty or stale book. */
    public static final int REJECT_NO_LIQUIDITY = 4;
    /** Reject reason: cancel or modify of an order that is not open. */
    public static final int REJECT_UNKNOWN_ORDER = 5;
    /** Reject reason: the venue or router refused it for a reason of its own (see the report's text). */
    public static final int REJECT_REFUSED = 6;

    private OrderCodes() {
    }
}
