package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Body of {@link MessageType#BBO}: the best bid and offer.
 *
 * <pre>
 *  0                   8                   16                  24                  32
 *  +-------------------+-------------------+-------------------+-------------------+
 *  | bid price         | bid size          | ask price         | ask size          |
 *  +-------------------+-------------------+-------------------+-------------------+
 *  (mantissas; a size of 0 means that side is empty)
 * </pre>
 */
public final class Quote {

    /** Body length. */
    public static final int LENGTH = 32;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public Quote wrap(DirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return bid price mantissa. */
    public long bidPrice() {
        return buffer.getLong(offset);
    }

    /** @return bid size mantissa. */
    public long bidSize() {
        return buffer.getLong(offset + 8);
    }

    /** @return ask price mantissa. */
    public long askPrice() {
        return buffer.getLong(offset + 16);
    }

    /** @return ask size mantissa. */
    public long askSize() {
        return buffer.getLong(offset + 24);
    }

    /**
     * @param bidPrice bid price mantissa.
     * @param bidSize  bid size mantissa.
     * @param askPrice ask price mantissa.
     * @param askSize  ask size mantissa.
     * @return this.
     */
    public Quote set(long bidPrice, long bidSize, long askPrice, long askSize) {
        MutableDirectBuffer out = (MutableDirectBuffer) buffer;
        out.putLong(offset, bidPrice);
        out.putLong(offset + 8, bidSize);
        out.putLong(offset + 16, askPrice);
        out.putLong(offset + 24, askSize);
        return this;
    }
}
