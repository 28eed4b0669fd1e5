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
public final class CancelOrder {

    /** Body length. */
    public static final int LENGTH = 32;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public CancelOrder wrap(DirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return the order to cancel. */
    public long clientOrderId() {
        return buffer.getLong(offset);
    }

    /** @return the sending strategy's id. */
    public long strategyId() {
        return buffer.getLong(offset + 8);
    }

    /** @return when the strategy sent it, epoch nanoseconds. */
    public long sendTime() {
        return buffer.getLong(offset + 16);
    }

    /** @return the market id. */
    public long marketId() {
        return buffer.getInt(offset + 24) & 0xFFFF_FFFFL;
    }

    /** @return the venue id. */
    public int venueId() {
        return buffer.getShort(offset + 28) & 0xFFFF;
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
        MutableDirectBuffer out = (MutableDirectBuffer) buffer;
        out.putLong(offset, clientOrderId);
        out.putLong(offset + 8, strategyId);
        out.putLong(offset + 16, sendTime);
        out.putInt(offset + 24, (int) marketId);
        out.putShort(offset + 28, (short) venueId);
        out.putShort(offset + 30, (short) 0);
        return LENGTH;
    }
}
