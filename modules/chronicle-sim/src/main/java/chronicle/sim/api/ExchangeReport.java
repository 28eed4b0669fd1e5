package chronicle.sim.api;

import chronicle.api.strategy.Liquidity;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.RejectReason;
import chronicle.protocol.api.Side;

/**
 * One execution report of the {@link SimulatedExchange}, at exchange time. One instance is reused for every report:
 * read it during {@link SimulatedExchange.Listener#onReport}, copy what must outlive the call.
 */
public final class ExchangeReport {

    long orderId;
    OrderEventType type;
    int venueId;
    long marketId;
    Side side;
    long price;
    long quantity;
    long filled;
    long lastPrice;
    long lastQuantity;
    Liquidity liquidity;
    double fee;
    RejectReason reason;
    String text;
    boolean closesOrder;
    long time;
    long responseLatency;

    ExchangeReport() {
    }

    /** @return the exchange's id of the order ({@link SimulatedExchange#submit}). */
    public long orderId() {
        return orderId;
    }

    /** @return what happened. */
    public OrderEventType type() {
        return type;
    }

    /** @return the order's venue id. */
    public int venueId() {
        return venueId;
    }

    /** @return the order's market id. */
    public long marketId() {
        return marketId;
    }

    /** @return the order's side. */
    public Side side() {
        return side;
    }

    /** @return the order's limit price mantissa now. */
    public long price() {
        return price;
    }

    /** @return the order's total quantity mantissa now. */
    public long quantity() {
        return quantity;
    }

    /** @return the quantity filled so far. */
    public long filled() {
        return filled;
    }

    /** @return a fill's price mantissa (fills only). */
    public long lastPrice() {
        return lastPrice;
    }

    /** @return a fill's quantity mantissa (fills only). */
    public long lastQuantity() {
        return lastQuantity;
    }

    /** @return whether a fill made or took liquidity (fills only). */
    public Liquidity liquidity() {
        return liquidity;
    }

    /** @return a fill's fee by the fee model (fills only). */
    public double fee() {
        return fee;
    }

    /** @return why a request was rejected (rejections only). */
    public RejectReason reason() {
        return reason;
    }

    /** @return one line about a rejection (rejections only). */
    public String text() {
        return text;
    }

    /** @return whether the order is finished with this report (filled, cancelled, or itself rejected). */
    public boolean closesOrder() {
        return closesOrder;
    }

    /** @return exchange time, epoch nanoseconds. */
    public long time() {
        return time;
    }

    /** @return the latency model's response latency for this report: it reaches the strategy at time + this. */
    public long responseLatency() {
        return responseLatency;
    }
}
