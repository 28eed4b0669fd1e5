package chronicle.plugin.importer.lobster;

import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.Side;
import org.agrona.collections.Long2LongHashMap;

/**
 * Turns LOBSTER messages into L3 actions, reconciling the orders that rested before the first message (see
 * {@link LobsterAdapter}, <i>Reconciliation</i>): tracks every order seen added with its remaining size, and the
 * synthetic level orders of the opening book; a cancel, deletion or visible execution of an unknown order becomes
 * an action on the synthetic order of its side and price while that one has size left. Memory: the orders added
 * and not yet removed. <b>Not thread-safe.</b>
 */
final class Reconciliation {

    /** Orders seen added and not yet removed: id to remaining size (0 = not known). */
    private final Long2LongHashMap live = new Long2LongHashMap(0);
    private Side[] syntheticSides = new Side[0];
    private long[] syntheticPrices = new long[0];
    private long[] syntheticRemaining = new long[0];
    private int syntheticCount;

    // the action of the message applied last
    L3Action action;
    Side side;
    long orderId;
    long price;
    long size;

    /**
     * Takes the opening book's levels as synthetic level orders: the bid levels best first, then the ask levels.
     *
     * @param book the opening book.
     */
    void open(OpeningBook book) {
        int count = book.bidCount + book.askCount;
        syntheticSides = new Side[count];
        syntheticPrices = new long[count];
        syntheticRemaining = new long[count];
        for (int i = 0; i < book.bidCount; i++) {
            synthetic(Side.BID, book.bidPrices[i], book.bidSizes[i]);
        }
        for (int i = 0; i < book.askCount; i++) {
            synthetic(Side.ASK, book.askPrices[i], book.askSizes[i]);
        }
    }

    private void synthetic(Side levelSide, long levelPrice, long levelSize) {
        syntheticSides[syntheticCount] = levelSide;
        syntheticPrices[syntheticCount] = levelPrice;
        syntheticRemaining[syntheticCount] = levelSize;
        syntheticCount++;
    }

    /** @return the synthetic level orders. */
    int syntheticCount() {
        return syntheticCount;
    }

    Side syntheticSide(int i) {
        return syntheticSides[i];
    }

    long syntheticPrice(int i) {
        return syntheticPrices[i];
    }

    long syntheticRemaining(int i) {
        return syntheticRemaining[i];
    }

    /** @return the id of the synthetic level order at an index: -1, -2, ... */
    static long syntheticId(int index) {
        return -1L - index;
    }

    /**
     * Turns a good message into its L3 action ({@link #action}, {@link #side}, {@link #orderId}, {@link #price},
     * {@link #size}), tracking the orders it adds and removes.
     *
     * @param m the message.
     */
    void apply(Message m) {
        side = m.side;
        orderId = m.orderId;
        price = m.price;
        size = m.size;
        switch (m.type) {
            case Message.ADD -> {
                action = L3Action.ADD;
                live.put(orderId, size);
            }
            case Message.CANCEL -> {
                action = L3Action.CANCEL;
                orderId = reduce(orderId, side, price, size);
            }
            case Message.DELETE -> {
                action = L3Action.DELETE;
                if (live.remove(orderId) == 0) {
                    long synthetic = reduce(orderId, side, price, size);
                    if (synthetic != orderId) {
                        action = L3Action.CANCEL; // one of the orders the synthetic level order stands for
                        orderId = synthetic;
                    }
                }
            }
            case Message.EXECUTE_VISIBLE -> {
                action = L3Action.EXECUTE_VISIBLE;
                orderId = reduce(orderId, side, price, size);
            }
            case Message.EXECUTE_HIDDEN -> action = L3Action.EXECUTE_HIDDEN;
            case Message.CROSS_TRADE -> action = L3Action.TRADE;
            case Message.HALT -> {
                action = L3Action.HALT;
                side = Side.UNKNOWN;
                size = m.price == -1 ? 1 : 0;
                price = 0;
            }
            default -> throw new IllegalStateException("type " + m.type);
        }
    }

    /**
     * A cancel or execution of an amount: of a known order (forgotten when nothing remains), else of the synthetic
     * level order at its side and price if that one has size left.
     *
     * @return the order id to write: the message's, or the synthetic order's.
     */
    private long reduce(long id, Side orderSide, long orderPrice, long amount) {
        long remaining = live.get(id);
        if (remaining != 0) {
            if (remaining > amount) {
                live.put(id, remaining - amount);
            } else {
                live.remove(id);
            }
            return id;
        }
        int synthetic = syntheticAt(orderSide, orderPrice);
        if (synthetic < 0) {
            return id; // unknown to the book as well: replay leaves the book as it is
        }
        syntheticRemaining[synthetic] -= amount;
        return syntheticId(synthetic);
    }

    /** @return the index of the synthetic order with size left at a side and price, or -1. */
    private int syntheticAt(Side orderSide, long orderPrice) {
        for (int i = 0; i < syntheticCount; i++) {
            if (syntheticPrices[i] == orderPrice && syntheticSides[i] == orderSide && syntheticRemaining[i] > 0) {
                return i;
            }
        }
        return -1;
    }
}
