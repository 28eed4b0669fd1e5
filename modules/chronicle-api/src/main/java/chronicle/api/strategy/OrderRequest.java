package chronicle.api.strategy;

import chronicle.protocol.api.Side;

/**
 * A new order, filled in place and passed to {@link Context#send}: reusable, so sending allocates nothing.
 * A limit order needs a price; a market order ignores it.
 */
public final class OrderRequest {

    private int instrument = -1;
    private Side side;
    private OrderType type = OrderType.LIMIT;
    private TimeInForce timeInForce = TimeInForce.GTC;
    private long price;
    private long quantity;
    private long tag;

    /** @return this request, emptied (limit, GTC, no instrument, side or quantity). */
    public OrderRequest clear() {
        instrument = -1;
        side = null;
        type = OrderType.LIMIT;
        timeInForce = TimeInForce.GTC;
        price = 0;
        quantity = 0;
        tag = 0;
        return this;
    }

    /** @param index the instrument's index. @return this request. */
    public OrderRequest instrument(int index) {
        this.instrument = index;
        return this;
    }

    /** @param side {@link Side#BID} to buy, {@link Side#ASK} to sell. @return this request. */
    public OrderRequest side(Side side) {
        this.side = side;
        return this;
    }

    /** @param type limit or market. @return this request. */
    public OrderRequest type(OrderType type) {
        this.type = type;
        return this;
    }

    /** @param tif time in force. @return this request. */
    public OrderRequest timeInForce(TimeInForce tif) {
        this.timeInForce = tif;
        return this;
    }

    /** @param price limit price mantissa. @return this request. */
    public OrderRequest price(long price) {
        this.price = price;
        return this;
    }

    /** @param quantity quantity mantissa (positive). @return this request. */
    public OrderRequest quantity(long quantity) {
        this.quantity = quantity;
        return this;
    }

    /** @param tag any number the strategy wants echoed in reports. @return this request. */
    public OrderRequest tag(long tag) {
        this.tag = tag;
        return this;
    }

    /**
     * A limit order in one call.
     *
     * @param index    instrument index.
     * @param side     side.
     * @param price    price mantissa.
     * @param quantity quantity mantissa.
     * @return this request.
     */
    public OrderRequest limit(int index, Side side, long price, long quantity) {
        return instrument(index).side(side).type(OrderType.LIMIT).price(price).quantity(quantity);
    }

    /**
     * A market order in one call.
     *
     * @param index    instrument index.
     * @param side     side.
     * @param quantity quantity mantissa.
     * @return this request.
     */
    public OrderRequest market(int index, Side side, long quantity) {
        return instrument(index).side(side).type(OrderType.MARKET).timeInForce(TimeInForce.IOC).quantity(quantity);
    }

    /**
     * @return null if the request is complete, else what is wrong (for the runtime's {@link Context#INVALID}
     *         log line).
     */
    public String problem() {
        if (instrument < 0) {
            return "no instrument";
        }
        if (side != Side.BID && side != Side.ASK) {
            return "side must be BID (buy) or ASK (sell)";
        }
        if (quantity <= 0) {
            return "quantity must be positive";
        }
        if (type == OrderType.LIMIT && price <= 0) {
            return "a limit order needs a positive price";
        }
        if (type == OrderType.MARKET && timeInForce != TimeInForce.IOC && timeInForce != TimeInForce.FOK) {
            return "a market order is IOC or FOK";
        }
        return null;
    }

    /** @return the instrument's index. */
    public int instrument() {
        return instrument;
    }

    /** @return the side. */
    public Side side() {
        return side;
    }

    /** @return the order type. */
    public OrderType type() {
        return type;
    }

    /** @return the time in force. */
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** @return the price mantissa. */
    public long price() {
        return price;
    }

    /** @return the quantity mantissa. */
    public long quantity() {
        return quantity;
    }

    /** @return the strategy's tag. */
    public long tag() {
        return tag;
    }
}
