package chronicle.sim.internal;

import chronicle.replay.api.L3Book;
import chronicle.replay.api.MarketBook;
import chronicle.sim.api.QueueModel;

/**
 * Keeps a resting order's place in its level's queue by the run's {@link QueueModel}: where it joins, how trades
 * and size changes at its price move it forward. State lives in the {@link SimOrder}; this class holds the rules.
 * Allocation-free.
 */
final class QueueTracker {

    private final QueueModel.Probabilistic probabilistic;
    private final boolean fifo;

    QueueTracker(QueueModel model) {
        this.probabilistic = model instanceof QueueModel.Probabilistic p ? p : null;
        this.fifo = model instanceof QueueModel.L3Fifo;
    }

    /** @param book a market's book. @return whether orders there are tracked exactly (L3 FIFO on an L3 book). */
    boolean exact(MarketBook book) {
        return fifo && book.l3() != null;
    }

    /**
     * The order joins the back of its level: everything resting at its price now is ahead of it.
     *
     * @param order the order, at its (new) price.
     * @param book  its market's book.
     */
    void join(SimOrder order, MarketBook book) {
        long size = Levels.sizeAt(book.levels(), order.side, order.price);
        order.levelSize = size;
        order.tradedSinceDepth = 0;
        order.ahead = size;
        order.aheadCount = 0;
        if (exact(book)) {
            L3Book l3 = book.l3();
            int level = Levels.indexOf(l3, order.side, order.price);
            int n = level < 0 ? 0 : l3.ordersAt(order.side, level);
            for (int i = 0; i < n; i++) {
                order.addAhead(l3.orderAt(order.side, level, i));
            }
        }
    }

    /**
     * A trade printed at the order's price (L2 models): the queue ahead is consumed first.
     *
     * @param order    the order.
     * @param quantity the trade's quantity.
     * @return the part of the trade that reached past the queue ahead (0 if none).
     */
    double trade(SimOrder order, long quantity) {
        order.ahead -= quantity;
        order.tradedSinceDepth += quantity;
        if (order.ahead < 0) {
            double reach = -order.ahead;
            order.ahead = 0;
            return reach;
        }
        return 0;
    }

    /**
     * The level's size at the order's price changed (L2 models).
     *
     * @param order   the order.
     * @param newSize the size now.
     */
    void depth(SimOrder order, long newSize) {
        long previous = order.levelSize;
        order.levelSize = newSize;
        double traded = order.tradedSinceDepth;
        order.tradedSinceDepth = 0;
        if (probabilistic == null) {
            // risk-averse: orders that left a level smaller than our place must have been ahead of us
            order.ahead = Math.min(order.ahead, newSize);
            return;
        }
        // trades already moved us forward: only the decrease they do not explain is cancellations
        double cancelled = previous - newSize - traded;
        if (cancelled <= 0) {
            order.ahead = Math.min(order.ahead, newSize);
            return;
        }
        double front = order.ahead;
        double back = Math.max(0, previous - traded - front);
        double wFront = probabilistic.weight(front);
        double wBack = probabilistic.weight(back);
        double shareAhead = wFront + wBack > 0 ? wFront / (wFront + wBack) : 1;
        double behind = (1 - shareAhead) * cancelled;
        // what the back cannot account for must have left from the front
        double estimate = front - shareAhead * cancelled + Math.min(back - behind, 0);
        order.ahead = Math.max(0, Math.min(estimate, newSize));
    }

    /**
     * Recounts the quantity ahead of the order from the L3 book: the orders it stands behind that still rest at
     * its price with their priority.
     *
     * @param order the order.
     * @param l3    the book.
     */
    void recount(SimOrder order, L3Book l3) {
        long ahead = 0;
        for (int i = 0; i < order.aheadCount; i++) {
            long id = order.aheadIds[i];
            if (id == SimOrder.GONE) {
                continue;
            }
            if (l3.orderSide(id) != order.side || l3.orderPrice(id) != order.price) {
                order.aheadIds[i] = SimOrder.GONE; // left the level: an id reused later would stand behind us
                continue;
            }
            ahead += l3.orderSize(id);
        }
        order.ahead = ahead;
        order.levelSize = Levels.sizeAt(l3, order.side, order.price);
    }
}
