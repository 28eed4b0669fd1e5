package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Body of {@link MessageType#L3_EVENTS}: order-by-order events of one venue message, in order.
 *
 * <pre>
 *  0         2        3        4                   12                  20                  28                  36
 *  +---------+--------+--------+-------------------+-------------------+-------------------+-------------------+
 *  | count   | action | side   | order id          | price mantissa    | size mantissa     | trade id          |
 *  +---------+--------+--------+-------------------+-------------------+-------------------+-------------------+
 *  ... count events of 34 bytes each, from offset 2.
 *  size: ADD/MODIFY the order's (new) size; CANCEL the cancelled amount; EXECUTE_* and TRADE the executed amount.
 *  trade id: for executions and trades, the venue's id if it has one, else 0.
 * </pre>
 */
public final class L3Events {

    /** Bytes before the first event. */
    public static final int HEADER = 2;
    /** Bytes per event. */
    public static final int EVENT = 34;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public L3Events wrap(DirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @param events number of events. @return the body's length. */
    public static int length(int events) {
        return HEADER + events * EVENT;
    }

    /** @return the number of events. */
    public int count() {
        return buffer.getShort(offset) & 0xFFFF;
    }

    /** @param count number of events. @return this. */
    public L3Events count(int count) {
        ((MutableDirectBuffer) buffer).putShort(offset, (short) count);
        return this;
    }

    private int at(int i) {
        return offset + HEADER + i * EVENT;
    }

    /** @param i event index. @return the action's wire code. */
    public int actionCode(int i) {
        return buffer.getByte(at(i)) & 0xFF;
    }

    /** @param i event index. @return the side's wire code. */
    public int sideCode(int i) {
        return buffer.getByte(at(i) + 1) & 0xFF;
    }

    /** @param i event index. @return the order id. */
    public long orderId(int i) {
        return buffer.getLong(at(i) + 2);
    }

    /** @param i event index. @return the price mantissa. */
    public long price(int i) {
        return buffer.getLong(at(i) + 10);
    }

    /** @param i event index. @return the size mantissa. */
    public long size(int i) {
        return buffer.getLong(at(i) + 18);
    }

    /** @param i event index. @return the trade id, or 0. */
    public long tradeId(int i) {
        return buffer.getLong(at(i) + 26);
    }

    /**
     * Writes one event.
     *
     * @param i       event index.
     * @param action  what happens.
     * @param side    the order's side.
     * @param orderId the order id.
     * @param price   price mantissa.
     * @param size    size mantissa.
     * @param tradeId trade id, or 0.
     * @return this.
     */
    public L3Events event(int i, L3Action action, Side side, long orderId, long price, long size, long tradeId) {
        MutableDirectBuffer out = (MutableDirectBuffer) buffer;
        int at = at(i);
        out.putByte(at, (byte) action.code());
        out.putByte(at + 1, (byte) side.code());
        out.putLong(at + 2, orderId);
        out.putLong(at + 10, price);
        out.putLong(at + 18, size);
        out.putLong(at + 26, tradeId);
        return this;
    }
}
