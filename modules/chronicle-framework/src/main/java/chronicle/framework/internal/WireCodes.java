package chronicle.framework.internal;

import chronicle.api.strategy.Liquidity;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.RejectReason;
import chronicle.api.strategy.TimeInForce;
import chronicle.protocol.api.OrderCodes;

/**
 * Maps chronicle.api's order enums to the protocol's wire codes ({@link OrderCodes}) and back, explicitly: the live
 * context one way, venues (which speak chronicle.api to a simulated exchange) the other.
 */
public final class WireCodes {

    private WireCodes() {
    }

    /** @param type an order type. @return its code. */
    public static int of(OrderType type) {
        return switch (type) {
            case LIMIT -> OrderCodes.TYPE_LIMIT;
            case MARKET -> OrderCodes.TYPE_MARKET;
        };
    }

    /** @param tif a time in force. @return its code. */
    public static int of(TimeInForce tif) {
        return switch (tif) {
            case GTC -> OrderCodes.TIF_GTC;
            case IOC -> OrderCodes.TIF_IOC;
            case FOK -> OrderCodes.TIF_FOK;
            case POST_ONLY -> OrderCodes.TIF_POST_ONLY;
        };
    }

    /** @param code an order type code. @return the order type, or null for an unknown code. */
    public static OrderType orderType(int code) {
        return switch (code) {
            case OrderCodes.TYPE_LIMIT -> OrderType.LIMIT;
            case OrderCodes.TYPE_MARKET -> OrderType.MARKET;
            default -> null;
        };
    }

    /** @param code a time-in-force code. @return the time in force, or null for an unknown code. */
    public static TimeInForce timeInForce(int code) {
        return switch (code) {
            case OrderCodes.TIF_GTC -> TimeInForce.GTC;
            case OrderCodes.TIF_IOC -> TimeInForce.IOC;
            case OrderCodes.TIF_FOK -> TimeInForce.FOK;
            case OrderCodes.TIF_POST_ONLY -> TimeInForce.POST_ONLY;
            default -> null;
        };
    }

    /** @param liquidity a fill's liquidity. @return its code. */
    public static int of(Liquidity liquidity) {
        return switch (liquidity) {
            case NONE -> OrderCodes.LIQUIDITY_NONE;
            case MAKER -> OrderCodes.LIQUIDITY_MAKER;
            case TAKER -> OrderCodes.LIQUIDITY_TAKER;
        };
    }

    /** @param reason a reject reason. @return its code. */
    public static int of(RejectReason reason) {
        return switch (reason) {
            case NONE -> OrderCodes.REJECT_NONE;
            case INVALID -> OrderCodes.REJECT_INVALID;
            case WOULD_TAKE -> OrderCodes.REJECT_WOULD_TAKE;
            case CANNOT_FILL -> OrderCodes.REJECT_CANNOT_FILL;
            case NO_LIQUIDITY -> OrderCodes.REJECT_NO_LIQUIDITY;
            case UNKNOWN_ORDER -> OrderCodes.REJECT_UNKNOWN_ORDER;
            case REFUSED -> OrderCodes.REJECT_REFUSED;
        };
    }

    /** @param type an order event type. @return its code. */
    public static int of(OrderEventType type) {
        return switch (type) {
            case ACCEPTED -> OrderCodes.EVENT_ACCEPTED;
            case REJECTED -> OrderCodes.EVENT_REJECTED;
            case PARTIALLY_FILLED -> OrderCodes.EVENT_PARTIALLY_FILLED;
            case FILLED -> OrderCodes.EVENT_FILLED;
            case CANCELLED -> OrderCodes.EVENT_CANCELLED;
            case MODIFIED -> OrderCodes.EVENT_MODIFIED;
        };
    }

    /** @param code an event code. @return the event type, or null for an unknown code. */
    public static OrderEventType eventType(int code) {
        return switch (code) {
            case OrderCodes.EVENT_ACCEPTED -> OrderEventType.ACCEPTED;
            case OrderCodes.EVENT_REJECTED -> OrderEventType.REJECTED;
            case OrderCodes.EVENT_PARTIALLY_FILLED -> OrderEventType.PARTIALLY_FILLED;
            case OrderCodes.EVENT_FILLED -> OrderEventType.FILLED;
            case OrderCodes.EVENT_CANCELLED -> OrderEventType.CANCELLED;
            case OrderCodes.EVENT_MODIFIED -> OrderEventType.MODIFIED;
            default -> null;
        };
    }

    /** @param code a liquidity code. @return the liquidity ({@link Liquidity#NONE} for an unknown code). */
    public static Liquidity liquidity(int code) {
        return switch (code) {
            case OrderCodes.LIQUIDITY_MAKER -> Liquidity.MAKER;
            case OrderCodes.LIQUIDITY_TAKER -> Liquidity.TAKER;
            default -> Liquidity.NONE;
        };
    }

    /** @param code a reject code. @return the reason ({@link RejectReason#REFUSED} for an unknown code). */
    public static RejectReason rejectReason(int code) {
        return switch (code) {
            case OrderCodes.REJECT_NONE -> RejectReason.NONE;
            case OrderCodes.REJECT_INVALID -> RejectReason.INVALID;
            case OrderCodes.REJECT_WOULD_TAKE -> RejectReason.WOULD_TAKE;
            case OrderCodes.REJECT_CANNOT_FILL -> RejectReason.CANNOT_FILL;
            case OrderCodes.REJECT_NO_LIQUIDITY -> RejectReason.NO_LIQUIDITY;
            case OrderCodes.REJECT_UNKNOWN_ORDER -> RejectReason.UNKNOWN_ORDER;
            default -> RejectReason.REFUSED;
        };
    }
}
