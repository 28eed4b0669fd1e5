package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Body of {@link OrderMessageType#EXECUTION_REPORT}: what happened to one of a strategy's orders, as the router
 * writes it to the strategy's responses queue. A flyweight: allocation-free, except {@link #text()} (for tools).
 *
 * <pre>
 *  0                   8                   16                  24                  32
 *  +-------------------+-------------------+-------------------+-------------------+
 *  | client order id   | strategy id       | exchange time (ns)| price mantissa    |
 *  +-------------------+-------------------+-------------------+-------------------+
 *  32                  40                  48                  56                  64
 *  +-------------------+-------------------+-------------------+-------------------+
 *  | quantity          | filled            | last fill price   | last fill qty     |
 *  +-------------------+-------------------+-------------------+-------------------+
 *  64                  72                  76        78   79   80   81   82   83
 *  +-------------------+-------------------+---------+----+----+----+----+----+----------------------+
 *  | fee (f64)         | market            | venue   |evt |side|liq |rej |tlen| text (US-ASCII) ...  |
 *  +-------------------+-------------------+---------+----+----+----+----+----+----------------------+
 *  price, quantity: the order's limit price and total quantity after the event; filled: filled so far, this
 *  event included. last fill price/qty: this event's fill (0 when it is not a fill).
 *  fee: of this fill, in the quote currency, IEEE 754 (negative: a rebate).
 *  evt, liq, rej: {@link OrderCodes} (event, liquidity, reject reason); side: {@link Side} code.
 *  tlen: length of the text, at most {@link #MAX_TEXT}: one short line (why it was rejected), else empty.
 * </pre>
 */
public final class ExecutionReport {

    /** Bytes before the text. */
    public static final int HEADER = 83;
    /** Longest text kept. */
    public static final int MAX_TEXT = 120;
    /** Longest body. */
    public static final int MAX_LENGTH = HEADER + MAX_TEXT;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public ExecutionReport wrap(DirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    private MutableDirectBuffer out() {
        return (MutableDirectBuffer) buffer;
    }

    /**
     * Starts a report: zeroes the fixed part and sets the ids and the event; the text is empty.
     *
     * @param clientOrderId the order.
     * @param strategyId    its strategy's id.
     * @param eventCode     what happened ({@code EVENT_} of {@link OrderCodes}).
     * @param venueId       venue id.
     * @param marketId      market id.
     * @param side          the order's side.
     * @return this flyweight, to set the rest.
     */
    public ExecutionReport begin(long clientOrderId, long strategyId, int eventCode, int venueId, long marketId,
                                 Side side) {
        MutableDirectBuffer out = out();
        out.setMemory(offset, HEADER, (byte) 0);
        out.putLong(offset, clientOrderId);
        out.putLong(offset + 8, strategyId);
        out.putInt(offset + 72, (int) marketId);
        out.putShort(offset + 76, (short) venueId);
        out.putByte(offset + 78, (byte) eventCode);
        out.putByte(offset + 79, (byte) side.code());
        return this;
    }

    /**
     * @param price    the order's limit price now.
     * @param quantity its total quantity now.
     * @param filled   filled so far, this event included.
     * @return this.
     */
    public ExecutionReport order(long price, long quantity, long filled) {
        MutableDirectBuffer out = out();
        out.putLong(offset + 24, price);
        out.putLong(offset + 32, quantity);
        out.putLong(offset + 40, filled);
        return this;
    }

    /**
     * @param price         this fill's price mantissa.
     * @param quantity      this fill's quantity mantissa.
     * @param liquidityCode {@code LIQUIDITY_} of {@link OrderCodes}.
     * @param fee           the fee in the quote currency.
     * @return this.
     */
    public ExecutionReport fill(long price, long quantity, int liquidityCode, double fee) {
        MutableDirectBuffer out = out();
        out.putLong(offset + 48, price);
        out.putLong(offset + 56, quantity);
        out.putDouble(offset + 64, fee);
        out.putByte(offset + 80, (byte) liquidityCode);
        return this;
    }

    /** @param nanos the venue's time of the event, epoch nanoseconds. @return this. */
    public ExecutionReport exchangeTime(long nanos) {
        out().putLong(offset + 16, nanos);
        return this;
    }

    /**
     * Sets the reject reason and its text (allocation-free: characters outside US-ASCII become '?').
     *
     * @param reasonCode {@code REJECT_} of {@link OrderCodes}.
     * @param text       one short line, cut at {@link #MAX_TEXT} characters.
     * @return this.
     */
    public ExecutionReport reject(int reasonCode, CharSequence text) {
        MutableDirectBuffer out = out();
        int length = Math.min(text.length(), MAX_TEXT);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            out.putByte(offset + HEADER + i, (byte) (c < 0x80 ? c : '?'));
        }
        out.putByte(offset + 81, (byte) reasonCode);
        out.putByte(offset + 82, (byte) length);
        return this;
    }

    /** @return the body's length (fixed part plus text). */
    public int length() {
        return HEADER + textLength();
    }

    /** @return the order's id. */
    public long clientOrderId() {
        return buffer.getLong(offset);
    }

    /** @return the strategy's id. */
    public long strategyId() {
        return buffer.getLong(offset + 8);
    }

    /** @return the venue's time of the event, epoch nanoseconds. */
    public long exchangeTime() {
        return buffer.getLong(offset + 16);
    }

    /** @return the order's limit price mantissa. */
    public long price() {
        return buffer.getLong(offset + 24);
    }

    /** @return the order's total quantity mantissa. */
    public long quantity() {
        return buffer.getLong(offset + 32);
    }

    /** @return filled so far. */
    public long filled() {
        return buffer.getLong(offset + 40);
    }

    /** @return this fill's price mantissa. */
    public long lastPrice() {
        return buffer.getLong(offset + 48);
    }

    /** @return this fill's quantity mantissa. */
    public long lastQuantity() {
        return buffer.getLong(offset + 56);
    }

    /** @return this fill's fee. */
    public double fee() {
        return buffer.getDouble(offset + 64);
    }

    /** @return the market id. */
    public long marketId() {
        return buffer.getInt(offset + 72) & 0xFFFF_FFFFL;
    }

    /** @return the venue id. */
    public int venueId() {
        return buffer.getShort(offset + 76) & 0xFFFF;
    }

    /** @return the event's wire code. */
    public int eventCode() {
        return buffer.getByte(offset + 78) & 0xFF;
    }

    /** @return the side's wire code. */
    public int sideCode() {
        return buffer.getByte(offset + 79) & 0xFF;
    }

    /** @return the liquidity's wire code. */
    public int liquidityCode() {
        return buffer.getByte(offset + 80) & 0xFF;
    }

    /** @return the reject reason's wire code. */
    public int rejectCode() {
        return buffer.getByte(offset + 81) & 0xFF;
    }

    /** @return the text's length in bytes. */
    public int textLength() {
        return buffer.getByte(offset + 82) & 0xFF;
    }

    /** @return the text (allocates: for tools and rejections, not for fills). */
    public String text() {
        return buffer.getStringWithoutLengthAscii(offset + HEADER, Math.min(textLength(), MAX_TEXT));
    }
}
