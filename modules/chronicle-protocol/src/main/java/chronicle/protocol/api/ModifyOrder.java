package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Body of {@link OrderMessageType#MODIFY_ORDER}: change an open limit order's price and total quantity. The first
 * 32 bytes are laid out as in {@link CancelOrder}.
 *
 * <pre>
 *  0                   8                   16                  24                  28        30        32
 *  +-------------------+-------------------+-------------------+-------------------+---------+---------+
 *  | client order id   | strategy id       | send time (ns)    | market            | venue   | 0       |
 *  +-------------------+-------------------+-------------------+-------------------+---------+---------+
 *  32                  40                  48
 *  +-------------------+-------------------+
 *  | new price         | new quantity      |
 *  +-------------------+-------------------+
 *  new quantity: the new total, including what has filled.
 * </pre>
 */
public final class ModifyOrder extends OrderMessage {

    /** Body length. */
    public static final int LENGTH = 48;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public ModifyOrder wrap(DirectBuffer buffer, int offset) {
        point(buffer, offset);
        return this;
    }

    /** @return the new limit price mantissa. */
    public long price() {
        return buffer.getLong(offset + 32);
    }

    /** @return the new total quantity mantissa. */
    public long quantity() {
        return buffer.getLong(offset + 40);
    }

    /**
     * @param clientOrderId the order to change.
     * @param strategyId    the strategy's id.
     * @param sendTime      epoch nanoseconds.
     * @param venueId       venue id.
     * @param marketId      market id.
     * @param price         new price mantissa.
     * @param quantity      new total quantity mantissa.
     * @return {@link #LENGTH}.
     */
    public int set(long clientOrderId, long strategyId, long sendTime, int venueId, long marketId, long price,
                   long quantity) {
        MutableDirectBuffer out = writePrefix(clientOrderId, strategyId, sendTime, venueId, marketId);
        out.putShort(offset + 30, (short) 0);
        out.putLong(offset + 32, price);
        out.putLong(offset + 40, quantity);
        return LENGTH;
    }
}
