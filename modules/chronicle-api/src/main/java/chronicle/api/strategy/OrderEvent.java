package chronicle.api.strategy;

import chronicle.protocol.api.Side;

/**
 * An execution report for one of the strategy's orders, handed to {@link Strategy#onOrderEvent}; reused for the
 * next event. Fill fields are set for {@link OrderEventType#isFill() fills}; the reject fields for
 * {@link OrderEventType#REJECTED}.
 */
public final class OrderEvent {

    private OrderEventType type;
    private long orderId;
    private int instrument;
    private Side side;
    private long price;
    private long quantity;
    private long filled;
    private long lastPrice;
    private long lastQuantity;
    private Liquidity liquidity = Liquidity.NONE;
    private double fee;
    private RejectReason rejectReason = RejectReason.NONE;
    private String rejectText = "";
    private long time;
    private long tag;

    /**
     * Sets the order's state (runtime use); clears the fill and reject fields.
     *
     * @param type       what happened.
     * @param orderId    the order.
     * @param instrument instrument index.
     * @param side       side.
     * @param price      the order's limit price now.
     * @param quantity   its total quantity now.
     * @param filled     filled so far, including this event's fill.
     * @param time       when the strategy learns of it, epoch nanoseconds.
     * @param tag        the strategy's tag.
     * @return this event.
     */
    public OrderEvent set(OrderEventType type, long orderId, int instrument, Side side, long price, long quantity,
                          long filled, long time, long tag) {
        this.type = type;
        this.orderId = orderId;
        this.instrument = instrument;
        this.side = side;
        this.price = price;
        this.quantity = quantity;
        this.filled = filled;
        this.time = time;
        this.tag = tag;
        this.lastPrice = 0;
        this.lastQuantity = 0;
        this.liquidity = Liquidity.NONE;
        this.fee = 0;
        this.rejectReason = RejectReason.NONE;
        this.rejectText = "";
        return this;
    }

    /**
     * Adds a fill (runtime use).
     *
     * @param price     the fill's price mantissa.
     * @param quantity  the fill's quantity mantissa.
     * @param liquidity maker or taker.
     * @param fee       the fee charged, in the quote currency (negative: a rebate).
     * @return this event.
     */
    public OrderEvent fill(long price, long quantity, Liquidity liquidity, double fee) {
        this.lastPrice = price;
        this.lastQuantity = quantity;
        this.liquidity = liquidity;
        this.fee = fee;
        return this;
    }

    /**
     * Adds the reason of a rejection (runtime use).
     *
     * @param reason the reason.
     * @param text   one line for logs.
     * @return this event.
     */
    public OrderEvent reject(RejectReason reason, String text) {
        this.rejectReason = reason;
        this.rejectText = text;
        return this;
    }

    /** @return what happened. */
    public OrderEventType type() {
        return type;
    }

    /** @return the order's id. */
    public long orderId() {
        return orderId;
    }

    /** @return the instrument's index. */
    public int instrument() {
        return instrument;
    }

    /** @return the side. */
    public Side side() {
        return side;
    }

    /** @return the order's limit price mantissa. */
    public long price() {
        return price;
    }

    /** @return the order's total quantity mantissa. */
    public long quantity() {
        return quantity;
    }

    /** @return filled so far, this event included. */
    public long filled() {
        return filled;
    }

    /** @return still open after this event. */
    public long leaves() {
        return type.isFinal() || type == OrderEventType.REJECTED ? 0 : quantity - filled;
    }

    /** @return this fill's price mantissa (0 if not a fill). */
    public long lastPrice() {
        return lastPrice;
    }

    /** @return this fill's quantity mantissa (0 if not a fill). */
    public long lastQuantity() {
        return lastQuantity;
    }

    /** @return maker or taker for a fill, else {@link Liquidity#NONE}. */
    public Liquidity liquidity() {
        return liquidity;
    }

    /** @return the fee of this fill in the quote currency (negative: a rebate). */
    public double fee() {
        return fee;
    }

    /** @return why it was rejected, or {@link RejectReason#NONE}. */
    public RejectReason rejectReason() {
        return rejectReason;
    }

    /** @return the rejection as one line, or empty. */
    public String rejectText() {
        return rejectText;
    }

    /** @return when the strategy learns of it, epoch nanoseconds. */
    public long time() {
        return time;
    }

    /** @return the strategy's tag from the request. */
    public long tag() {
        return tag;
    }
}
