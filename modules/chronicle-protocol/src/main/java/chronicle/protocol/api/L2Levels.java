package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Body of {@link MessageType#L2_DIFF} and {@link MessageType#L2_SNAPSHOT}: price levels with absolute sizes. In a
 * diff a size of 0 deletes the level; a snapshot lists the whole book and replaces it.
 *
 * <pre>
 *  0         2         3                   11                  19
 *  +---------+---------+-------------------+-------------------+
 *  | count   | side    | price mantissa    | size mantissa     |  ... count times, 17 bytes each
 *  +---------+---------+-------------------+-------------------+
 * </pre>
 */
public final class L2Levels {

    /** Bytes before the first level. */
    public static final int HEADER = 2;
    /** Bytes per level. */
    public static final int LEVEL = 17;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins ({@link EventHeader#bodyOffset()}).
     * @return this flyweight.
     */
    public L2Levels wrap(DirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @param levels number of levels. @return the body's length. */
    public static int length(int levels) {
        return HEADER + levels * LEVEL;
    }

    /** @return the number of levels. */
    public int count() {
        return buffer.getShort(offset) & 0xFFFF;
    }

    /** @param count number of levels (0-65535). @return this. */
    public L2Levels count(int count) {
        ((MutableDirectBuffer) buffer).putShort(offset, (short) count);
        return this;
    }

    /** @param i level index. @return the side's wire code. */
    public int sideCode(int i) {
        return buffer.getByte(offset + HEADER + i * LEVEL) & 0xFF;
    }

    /** @param i level index. @return the price mantissa. */
    public long price(int i) {
        return buffer.getLong(offset + HEADER + i * LEVEL + 1);
    }

    /** @param i level index. @return the size mantissa (0: delete in a diff). */
    public long size(int i) {
        return buffer.getLong(offset + HEADER + i * LEVEL + 9);
    }

    /**
     * Writes one level.
     *
     * @param i     level index.
     * @param side  its side.
     * @param price price mantissa.
     * @param size  size mantissa.
     * @return this.
     */
    public L2Levels level(int i, Side side, long price, long size) {
        MutableDirectBuffer out = (MutableDirectBuffer) buffer;
        int at = offset + HEADER + i * LEVEL;
        out.putByte(at, (byte) side.code());
        out.putLong(at + 1, price);
        out.putLong(at + 9, size);
        return this;
    }
}
