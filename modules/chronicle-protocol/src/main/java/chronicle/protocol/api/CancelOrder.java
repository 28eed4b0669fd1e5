package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Body of {@link OrderMessageType#CANCEL_ORDER}: cancel one of the strategy's open orders.
 *
 * <pre>
 *  0                   8                   16                  24                  28        30        32
 *  +-------------------+-------------------+-------------------+-------------------+---------+---------+
 *  | client order id   | strategy id       | send time (ns)    | market            | venue   | 0       |
 *  +-------------------+-------------------+-------------------+-------------------+---------+---------+
 *  The fields mean what they mean in {@link NewOrder}; the order id is the one the new order carried.
 * </pre>
 */
public final class CancelOrder extends OrderMessage {

    /** Body length. */
    public static final int LENGTH = 32;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public CancelOrder wrap(DirectBuffer buffer, int offset) {
        point(buffer, offset);
        return this;
    }

    /**
     * @param clientOrderId the order to cancel.
     * @param strategyId    the strategy's id.
     * @param sendTime      epoch nanoseconds.
     * @param venueId       venue id.
     * @param marketId      market id.
     * @return {@link #LENGTH}.
     */
    public int set(long clientOrderId, long strategyId, long sendTime, int venueId, long marketId) {
        MutableDirectBuffer out = writePrefix(clientOrderId, strategyId, sendTime, venueId, marketId);
        out.putShort(offset + 30, (short) 0);
        return LENGTH;
    }
}
