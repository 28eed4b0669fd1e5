package chronicle.protocol.api;

/**
 * The record type ids of the order path: what a strategy writes to its orders queue (new, cancel, modify) and what
 * the router writes back to its responses queue (execution reports), and, when both run in market time, the clock
 * progress each side sends the other. Unlike market-data records these have no
 * {@link EventHeader}: the body starts at the payload's first byte. Layouts: docs/PROTOCOL.md.
 */
public enum OrderMessageType {
    /** A new order ({@link NewOrder}). */
    NEW_ORDER(0x0201),
    /** Cancel an open order ({@link CancelOrder}). */
    CANCEL_ORDER(0x0202),
    /** Change an open order's price and quantity ({@link ModifyOrder}). */
    MODIFY_ORDER(0x0203),
    /** What happened to an order ({@link ExecutionReport}). */
    EXECUTION_REPORT(0x0204),
    /** How far one side of a market-time replay has come ({@link ClockProgress}); both directions. */
    CLOCK_PROGRESS(0x0205);

    private final int id;

    OrderMessageType(int id) {
        this.id = id;
    }

    /** @return the journal type id. */
    public int id() {
        return id;
    }

    /**
     * @param id a journal type id.
     * @return the order message type, or null if the id is not one.
     */
    public static OrderMessageType of(int id) {
        return switch (id) {
            case 0x0201 -> NEW_ORDER;
            case 0x0202 -> CANCEL_ORDER;
            case 0x0203 -> MODIFY_ORDER;
            case 0x0204 -> EXECUTION_REPORT;
            case 0x0205 -> CLOCK_PROGRESS;
            default -> null;
        };
    }
}
