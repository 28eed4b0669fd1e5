package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The first 30 bytes every order-path request ({@link NewOrder}, {@link CancelOrder}, {@link ModifyOrder}) begins
 * with, and the flyweight plumbing they share: wrap a buffer at an offset, read or write in place, allocate nothing.
 *
 * <pre>
 *  0                   8                   16                  24                  28        30
 *  +-------------------+-------------------+-------------------+-------------------+---------+
 *  | client order id   | strategy id       | send time (ns)    | market            | venue   |
 *  +-------------------+-------------------+-------------------+-------------------+---------+
 *  client order id: positive, unique per strategy (also across its restarts).
 *  strategy id: {@link StrategyIds#of} of the strategy's name; the router checks it against the queue's owner.
 *  send time: epoch nanoseconds, wall clock. market (u32) and venue (u16): the registry's ids. Little-endian.
 * </pre>
 */
public abstract sealed class OrderMessage permits NewOrder, CancelOrder, ModifyOrder, ClockProgress {

    /** The buffer holding the body. */
    protected DirectBuffer buffer;
    /** Where the body begins in it. */
    protected int offset;

    /**
     * Points this flyweight at a body.
     *
     * @param buffer holds the body.
     * @param offset at which the body begins.
     */
    protected final void point(DirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
    }

    /** @return the strategy's id of the order (for a cancel or modify: of the order it acts on). */
    public final long clientOrderId() {
        return buffer.getLong(offset);
    }

    /** @return the sending strategy's id. */
    public final long strategyId() {
        return buffer.getLong(offset + 8);
    }

    /** @return when the strategy sent it, epoch nanoseconds. */
    public final long sendTime() {
        return buffer.getLong(offset + 16);
    }

    /** @return the market id. */
    public final long marketId() {
        return buffer.getInt(offset + 24) & 0xFFFF_FFFFL;
    }

    /** @return the venue id. */
    public final int venueId() {
        return buffer.getShort(offset + 28) & 0xFFFF;
    }

    /**
     * Writes the common first 30 bytes.
     *
     * @param clientOrderId the order's id.
     * @param strategyId    the strategy's id.
     * @param sendTime      epoch nanoseconds.
     * @param venueId       venue id.
     * @param marketId      market id.
     * @return the buffer, to write the rest.
     */
    protected final MutableDirectBuffer writePrefix(long clientOrderId, long strategyId, long sendTime, int venueId,
                                                    long marketId) {
        MutableDirectBuffer out = (MutableDirectBuffer) buffer;
        out.putLong(offset, clientOrderId);
        out.putLong(offset + 8, strategyId);
        out.putLong(offset + 16, sendTime);
        out.putInt(offset + 24, (int) marketId);
        out.putShort(offset + 28, (short) venueId);
        return out;
    }
}
