package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Body of {@link MessageType#TRADE}.
 *
 * <pre>
 *  0                   8                   16                  24        25
 *  +-------------------+-------------------+-------------------+---------+
 *  | trade id          | price mantissa    | size mantissa     | aggr.   |
 *  +-------------------+-------------------+-------------------+---------+
 *  aggr.: the aggressor's {@link Side} (BID = buyer initiated), UNKNOWN if the venue does not say.
 * </pre>
 */
public final class Trade {

    /** Body length. */
    public static final int LENGTH = 25;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public Trade wrap(DirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return the venue's trade id. */
    public long tradeId() {
        return buffer.getLong(offset);
    }

    /** @return the price mantissa. */
    public long price() {
        return buffer.getLong(offset + 8);
    }

    /** @return the size mantissa. */
    public long size() {
        return buffer.getLong(offset + 16);
    }

    /** @return the aggressor side's wire code. */
    public int aggressorCode() {
        return buffer.getByte(offset + 24) & 0xFF;
    }

    /**
     * @param tradeId   the venue's trade id.
     * @param price     price mantissa.
     * @param size      size mantissa.
     * @param aggressor aggressor side.
     * @return this.
     */
    public Trade set(long tradeId, long price, long size, Side aggressor) {
        MutableDirectBuffer out = (MutableDirectBuffer) buffer;
        out.putLong(offset, tradeId);
        out.putLong(offset + 8, price);
        out.putLong(offset + 16, size);
        out.putByte(offset + 24, (byte) aggressor.code());
        return this;
    }
}
