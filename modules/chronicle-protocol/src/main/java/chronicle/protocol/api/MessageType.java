package chronicle.protocol.api;

/**
 * The record type ids of market-data records: the journal's type id of a record names the body layout that
 * follows its {@link EventHeader}.
 */
public enum MessageType {
    /** Price levels that changed: absolute sizes, 0 deletes the level ({@link L2Levels}). */
    L2_DIFF(0x0101),
    /** The whole visible book: it replaces the book ({@link L2Levels}). */
    L2_SNAPSHOT(0x0102),
    /** Order-by-order events ({@link L3Events}). */
    L3_EVENTS(0x0103),
    /** A trade print ({@link Trade}). */
    TRADE(0x0104),
    /** Best bid and offer, the venue's book ticker ({@link Quote}). */
    BBO(0x0105),
    /** Data that was lost: which native update ids and why ({@link Gap}). */
    GAP(0x0106),
    /** A sign of life with no market data (header only). */
    HEARTBEAT(0x0107),
    /** Clear every book of the market; a snapshot follows (header only). */
    RESET(0x0108);

    private final int id;

    MessageType(int id) {
        this.id = id;
    }

    /** @return the journal type id. */
    public int id() {
        return id;
    }

    /**
     * @param id a journal type id.
     * @return the message type, or null if the id is not a market-data type.
     */
    public static MessageType of(int id) {
        return switch (id) {
            case 0x0101 -> L2_DIFF;
            case 0x0102 -> L2_SNAPSHOT;
            case 0x0103 -> L3_EVENTS;
            case 0x0104 -> TRADE;
            case 0x0105 -> BBO;
            case 0x0106 -> GAP;
            case 0x0107 -> HEARTBEAT;
            case 0x0108 -> RESET;
            default -> null;
        };
    }
}
