package chronicle.sim.internal;

import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.OrderView;
import chronicle.api.strategy.TimeInForce;
import chronicle.protocol.api.Side;

/**
 * One of the strategy's orders, in two states: as the simulated exchange holds it (price, quantity, filled, its
 * place in the queue) and as the strategy knows it (the {@link OrderView}, updated only when an execution report
 * reaches the strategy, after the response latency).
 */
public final class SimOrder implements OrderView {

    final long id;
    final int instrument;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final long tag;
    final long sentAt;

    // the exchange's state
    long price;
    long quantity;
    long filled;
    boolean resting;
    boolean done;
    /** The exchange accepted it (so a later rejection is of a cancel or modify, not of the order). */
    boolean exchangeAccepted;
    /** Quantity ahead in the queue, as the queue model estimates it (exact on L3). */
    double ahead;
    /** Trade quantity at the price since the level's size was last seen (probabilistic model). */
    double tradedSinceDepth;
    /** The level's size at the order's price when last seen. */
    long levelSize;
    /** L3: the ids of the orders ahead, front first; entries set to {@link #GONE} lost their place ahead. */
    long[] aheadIds = NO_IDS;
    int aheadCount;

    // what the strategy knows
    long knownPrice;
    long knownQuantity;
    long knownFilled;

    static final long GONE = Long.MIN_VALUE;
    private static final long[] NO_IDS = new long[0];

    SimOrder(long id, int instrument, Side side, OrderType type, TimeInForce timeInForce, long price, long quantity,
             long tag, long sentAt) {
        this.id = id;
        this.instrument = instrument;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.price = price;
        this.quantity = quantity;
        this.tag = tag;
        this.sentAt = sentAt;
        this.knownPrice = price;
        this.knownQuantity = quantity;
    }

    /** @return quantity the exchange still has open. */
    long open() {
        return quantity - filled;
    }

    boolean buy() {
        return side == Side.BID;
    }

    /** Remembers an id ahead (L3), growing the array when needed. */
    void addAhead(long orderId) {
        if (aheadCount == aheadIds.length) {
            aheadIds = java.util.Arrays.copyOf(aheadIds, Math.max(8, aheadCount * 2));
        }
        aheadIds[aheadCount++] = orderId;
    }

    /** @return whether an order id is one this order stands behind (L3). */
    boolean isAhead(long orderId) {
        for (int i = 0; i < aheadCount; i++) {
            if (aheadIds[i] == orderId) {
                return true;
            }
        }
        return false;
    }

    /** Marks an id as no longer ahead (it lost its priority, L3). */
    void dropAhead(long orderId) {
        for (int i = 0; i < aheadCount; i++) {
            if (aheadIds[i] == orderId) {
                aheadIds[i] = GONE;
            }
        }
    }

    @Override
    public long orderId() {
        return id;
    }

    @Override
    public int instrument() {
        return instrument;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public OrderType type() {
        return type;
    }

    @Override
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    @Override
    public long price() {
        return knownPrice;
    }

    @Override
    public long quantity() {
        return knownQuantity;
    }

    @Override
    public long filled() {
        return knownFilled;
    }

    @Override
    public long tag() {
        return tag;
    }
}
