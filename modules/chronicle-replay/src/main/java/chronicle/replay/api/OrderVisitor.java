package chronicle.replay.api;

import chronicle.protocol.api.Side;

/** Receives the orders of an {@link L3Book}, one call per order (see {@link L3Book#forEachOrder}). */
@FunctionalInterface
public interface OrderVisitor {

    /**
     * One resting order. The visitor must not change the book it is visiting.
     *
     * @param orderId the order's id.
     * @param side    {@link Side#BID} or {@link Side#ASK}.
     * @param price   its price mantissa.
     * @param size    its remaining visible size mantissa.
     */
    void visit(long orderId, Side side, long price, long size);
}
