package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Body of {@link OrderMessageType#NEW_ORDER}: a strategy's new order, as its runtime writes it to the strategy's
 * orders queue. A flyweight: wrap a buffer at an offset, read or write in place, allocate nothing.
 *
 * <pre>
 *  0                   8                   16                  24                  28        30   31   32   33
 *  +-------------------+-------------------+-------------------+-------------------+---------+----+----+----+
 *  | client order id   | strategy id       | send time (ns)    | market            | venue   |side|type|tif |
 *  +-------------------+-------------------+-------------------+-------------------+---------+----+----+----+
 *  33        40                  48                  56                  64
 *  +---------+-------------------+-------------------+-------------------+
 *  | 0 (7)   | price mantissa    | quantity mantissa | tag               |
 *  +---------+-------------------+-------------------+-------------------+
 *  client order id: positive, unique per strategy (also across its restarts).
 *  strategy id: {@link StrategyIds#of} of the strategy's name; the router checks it against the queue's owner.
 *  send time: epoch nanoseconds, wall clock. market (u32) and venue (u16): the registry's ids.
 *  side: {@link Side} code (BID 1 = buy, ASK 2 = sell); type and tif: {@link OrderCodes}.
 *  price: ignored for a market order. All integers little-endian.
 * </pre>
 */
public final class NewOrder extends OrderMessage {

    /** Body length. */
    public static final int LENGTH = 64;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public NewOrder wrap(DirectBuffer buffer, int offset) {
        point(buffer, offset);
        return this;
    }

    /** @return the side's wire code. */
    public int sideCode() {
        return buffer.getByte(offset + 30) & 0xFF;
    }

    /** @return the order type's wire code ({@link OrderCodes}). */
    public int typeCode() {
        return buffer.getByte(offset + 31) & 0xFF;
    }

    /** @return the time in force's wire code ({@link OrderCodes}). */
    public int timeInForceCode() {
        return buffer.getByte(offset + 32) & 0xFF;
    }

    /** @return the limit price mantissa. */
    public long price() {
        return buffer.getLong(offset + 40);
    }

    /** @return the quantity mantissa. */
    public long quantity() {
        return buffer.getLong(offset + 48);
    }

    /** @return the strategy's tag. */
    public long tag() {
        return buffer.getLong(offset + 56);
    }

    /**
     * Writes the whole body.
     *
     * @param clientOrderId   the order's id.
     * @param strategyId      the strategy's id.
     * @param sendTime        epoch nanoseconds.
     * @param venueId         venue id (0-65535).
     * @param marketId        market id (0 to 2^32-1).
     * @param side            buy or sell.
     * @param typeCode        {@link OrderCodes#TYPE_LIMIT} or {@link OrderCodes#TYPE_MARKET}.
     * @param timeInForceCode one of the {@code TIF_} codes of {@link OrderCodes}.
     * @param price           limit price mantissa.
     * @param quantity        quantity mantissa.
     * @param tag             the strategy's tag.
     * @return {@link #LENGTH}.
     */
    public int set(long clientOrderId, long strategyId, long sendTime, int venueId, long marketId, Side side,
                   int typeCode, int timeInForceCode, long price, long quantity, long tag) {
        MutableDirectBuffer out = writePrefix(clientOrderId, strategyId, sendTime, venueId, marketId);
        out.putByte(offset + 30, (byte) side.code());
        out.putByte(offset + 31, (byte) typeCode);
        out.putByte(offset + 32, (byte) timeInForceCode);
        out.setMemory(offset + 33, 7, (byte) 0);
        out.putLong(offset + 40, price);
        out.putLong(offset + 48, quantity);
        out.putLong(offset + 56, tag);
        return LENGTH;
    }
}
