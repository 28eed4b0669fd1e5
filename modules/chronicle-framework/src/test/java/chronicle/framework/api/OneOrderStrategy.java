package chronicle.framework.api;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.OrderEvent;
import chronicle.api.strategy.Strategy;
import chronicle.protocol.api.Side;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A strategy for tests: on the first two-sided book it buys one unit at the best bid, and it records what it saw
 * (as lines other threads may read).
 */
final class OneOrderStrategy implements Strategy {

    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    volatile long books;
    volatile long trades;
    volatile long orderId;
    volatile long bidAtOrder;
    volatile long positionAfterFill = Long.MIN_VALUE;
    volatile int openOrdersAfterFill = -1;
    volatile int unknownCancel;
    volatile long invalidSend;

    @Override
    public void onStart(Context ctx) {
        seen.add("start " + ctx.instruments());
        unknownCancel = ctx.cancel(987_654_321L);
        invalidSend = ctx.send(ctx.newOrder().instrument(0).side(Side.BID).quantity(0));
    }

    @Override
    public void onBook(Context ctx, BookView book) {
        books++;
        if (orderId == 0 && book.isTwoSided() && !book.isStale()) {
            bidAtOrder = book.bestBid();
            orderId = ctx.send(ctx.newOrder().limit(0, Side.BID, book.bestBid(), 1).tag(42));
            seen.add("sent " + orderId + " open " + ctx.openOrders().size());
        }
    }

    @Override
    public void onTrade(Context ctx, chronicle.api.strategy.TradeView trade) {
        trades++;
    }

    @Override
    public void onOrderEvent(Context ctx, OrderEvent event) {
        OrderEvent copy = new OrderEvent().set(event.type(), event.orderId(), event.instrument(), event.side(),
                event.price(), event.quantity(), event.filled(), event.time(), event.tag());
        copy.fill(event.lastPrice(), event.lastQuantity(), event.liquidity(), event.fee());
        copy.reject(event.rejectReason(), event.rejectText());
        events.add(copy);
        if (event.type().isFill()) {
            positionAfterFill = ctx.position(0);
            openOrdersAfterFill = ctx.openOrders().size();
        }
    }

    @Override
    public void onStop(Context ctx) {
        seen.add("stop");
    }
}
