package chronicle.sim.internal;

import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.RejectReason;
import chronicle.api.strategy.TimeInForce;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.Side;
import chronicle.replay.api.L3Book;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.MarketBook;
import chronicle.sim.api.QueueModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated exchange: matches the strategy's orders against the replayed historical book.
 *
 * <ul>
 *   <li>An order that can trade on arrival walks the other side's levels at their recorded prices, taking at most
 *       the displayed size of each; what the strategy's earlier orders took since the book last changed is not
 *       there any more ({@link ConsumedLiquidity}).</li>
 *   <li>Nothing trades on a stale book (one that waits for a snapshot after a gap, or has none yet): new orders are
 *       rejected with {@link RejectReason#NO_LIQUIDITY}, resting orders do not fill until it is whole again.</li>
 *   <li>What rests fills by the {@link QueueModel}: trades at its price reach it once the queue ahead is consumed;
 *       trades through its price, or the other side of the book reaching its price, fill it completely.</li>
 *   <li>The strategy's orders do not change the historical book (the standard backtest assumption): the market
 *       does not react to them, and liquidity they take reappears at the next book event.</li>
 * </ul>
 *
 * <p>Allocation-free per market event. <b>Not thread-safe.</b>
 */
final class MockExchange {

    /** One instrument's state at the exchange. */
    private static final class Market {
        MarketBook book;
        final List<SimOrder> resting = new ArrayList<>();
        final ConsumedLiquidity bidsTaken = new ConsumedLiquidity();
        final ConsumedLiquidity asksTaken = new ConsumedLiquidity();
        /** quantity of the current trade or execution that already filled our orders at its exact price */
        long used;

        ConsumedLiquidity taken(Side side) {
            return side == Side.BID ? bidsTaken : asksTaken;
        }
    }

    private Market[] markets;
    private final QueueTracker queue;
    private final ExecutionReports reports;

    /**
     * @param instruments the number of instruments.
     * @param model       the queue-position model.
     * @param reports     receives every execution report.
     */
    MockExchange(int instruments, QueueModel model, ExecutionReports reports) {
        this.markets = new Market[instruments];
        for (int i = 0; i < instruments; i++) {
            markets[i] = new Market();
        }
        this.queue = new QueueTracker(model);
        this.reports = reports;
    }

    /** @param instruments the number of instruments from now on (more than before: a market came into use). */
    void grow(int instruments) {
        int had = markets.length;
        markets = java.util.Arrays.copyOf(markets, instruments);
        for (int i = had; i < instruments; i++) {
            markets[i] = new Market();
        }
    }

    /** @param instrument an index. @param book its replayed book. */
    void bind(int instrument, MarketBook book) {
        markets[instrument].book = book;
    }

    /** @param instrument an index. @return the strategy's orders resting there (exchange view). */
    int restingCount(int instrument) {
        return markets[instrument].resting.size();
    }

    /**
     * A new order reaches the exchange.
     *
     * @param order the order.
     * @param now   exchange time.
     */
    void submit(SimOrder order, long now) {
        Market m = markets[order.instrument];
        String stale = staleness(m.book);
        if (stale != null) {
            finish(order);
            reports.rejected(order, RejectReason.NO_LIQUIDITY, stale, now);
            return;
        }
        LevelView levels = m.book.levels();
        Side other = Levels.opposite(order.side);
        boolean market = order.type == OrderType.MARKET;
        long limit = market ? (order.buy() ? Long.MAX_VALUE : Long.MIN_VALUE) : order.price;
        boolean crosses = levels.depth(other) > 0 && Levels.marketable(order.buy(), limit, levels.price(other, 0));
        TimeInForce tif = order.timeInForce;
        if (tif == TimeInForce.POST_ONLY && crosses) {
            finish(order);
            reports.rejected(order, RejectReason.WOULD_TAKE, "post-only order would take liquidity at "
                    + levels.price(other, 0), now);
            return;
        }
        if ((market || tif == TimeInForce.IOC || tif == TimeInForce.FOK) && levels.depth(other) == 0) {
            finish(order);
            reports.rejected(order, RejectReason.NO_LIQUIDITY, "the other side of the book is empty", now);
            return;
        }
        if (tif == TimeInForce.FOK && available(m, order, limit) < order.open()) {
            finish(order);
            reports.rejected(order, RejectReason.CANNOT_FILL, "fill-or-kill: not enough liquidity at once", now);
            return;
        }
        reports.accepted(order, now);
        if (crosses) {
            take(m, order, limit, now);
        }
        if (order.open() == 0) {
            finish(order);
        } else if (market || tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
            finish(order);
            reports.cancelled(order, now);
        } else {
            rest(m, order);
        }
    }

    /**
     * A cancel reaches the exchange.
     *
     * @param order the order.
     * @param now   exchange time.
     */
    void cancel(SimOrder order, long now) {
        if (order.done) {
            reports.rejected(order, RejectReason.UNKNOWN_ORDER, "order " + order.id + " is not open", now);
            return;
        }
        markets[order.instrument].resting.remove(order);
        finish(order);
        reports.cancelled(order, now);
    }

    /**
     * A modify reaches the exchange: a price change or a quantity increase sends the order to the back of its
     * level's queue (and a new price may trade at once); a decrease keeps its place.
     *
     * @param order    the order.
     * @param price    the new limit price.
     * @param quantity the new total quantity.
     * @param now      exchange time.
     */
    void modify(SimOrder order, long price, long quantity, long now) {
        if (order.done || !order.resting) {
            reports.rejected(order, RejectReason.UNKNOWN_ORDER, "order " + order.id + " is not open", now);
            return;
        }
        if (price <= 0 || quantity <= order.filled) {
            reports.rejected(order, RejectReason.INVALID, "a modify needs a positive price and a quantity above "
                    + "the filled " + order.filled, now);
            return;
        }
        Market m = markets[order.instrument];
        boolean repriced = price != order.price;
        if (repriced) {
            String stale = staleness(m.book);
            if (stale != null) {
                reports.rejected(order, RejectReason.NO_LIQUIDITY, stale, now);
                return;
            }
            LevelView levels = m.book.levels();
            Side other = Levels.opposite(order.side);
            boolean crosses = levels.depth(other) > 0 && Levels.marketable(order.buy(), price,
                    levels.price(other, 0));
            if (crosses && order.timeInForce == TimeInForce.POST_ONLY) {
                reports.rejected(order, RejectReason.WOULD_TAKE, "post-only order would take liquidity at "
                        + levels.price(other, 0), now);
                return;
            }
            order.price = price;
            order.quantity = quantity;
            reports.modified(order, now);
            if (crosses) {
                take(m, order, price, now);
            }
            if (order.open() == 0) {
                m.resting.remove(order);
                finish(order);
            } else {
                requeue(m, order);
            }
            return;
        }
        boolean increased = quantity > order.quantity;
        order.quantity = quantity;
        reports.modified(order, now);
        if (increased) {
            requeue(m, order);
        }
    }

    /**
     * The market's book changed: liquidity taken since the last change is displayed again, resting orders the
     * other side reached fill, and every resting order's place follows its level's new size.
     *
     * @param instrument the index.
     * @param now        exchange time.
     */
    void onBook(int instrument, long now) {
        Market m = markets[instrument];
        m.bidsTaken.clear();
        m.asksTaken.clear();
        if (m.resting.isEmpty() || staleness(m.book) != null) {
            return;
        }
        LevelView levels = m.book.levels();
        boolean exact = queue.exact(m.book);
        for (int i = 0; i < m.resting.size(); i++) {
            SimOrder o = m.resting.get(i);
            Side other = Levels.opposite(o.side);
            if (levels.depth(other) > 0 && Levels.marketable(o.buy(), o.price, levels.price(other, 0))) {
                fillResting(o, o.price, o.open(), now); // the other side came to our price: we were there first
                continue;
            }
            if (exact) {
                queue.recount(o, m.book.l3());
            } else {
                long size = Levels.sizeAt(levels, o.side, o.price);
                if (size != o.levelSize) {
                    queue.depth(o, size);
                }
            }
        }
        removeDone(m);
    }

    /**
     * A trade printed on an L2 market: it reaches the resting orders on the side it hit, through the queue ahead.
     * On an L3 market the executions of its order events are used instead ({@link #beforeL3Events}).
     *
     * @param instrument the index.
     * @param price      trade price.
     * @param size       trade size.
     * @param aggressor  the taker's side ({@link Side#UNKNOWN}: both sides are tried).
     * @param now        exchange time.
     */
    void onTrade(int instrument, long price, long size, Side aggressor, long now) {
        Market m = markets[instrument];
        if (m.resting.isEmpty() || staleness(m.book) != null || m.book.l3() != null) {
            return;
        }
        if (aggressor != Side.BID) {
            tradeAt(m, Side.BID, price, size, now);
        }
        if (aggressor != Side.ASK) {
            tradeAt(m, Side.ASK, price, size, now);
        }
        removeDone(m);
    }

    /**
     * An L3 record is about to be applied: executions reach resting orders (exactly by FIFO under
     * {@link QueueModel.L3Fifo}, else as trades at the executed order's price), and orders that lose their
     * priority by a modify no longer stand ahead.
     *
     * @param instrument the index.
     * @param events     the record's events.
     * @param count      how many.
     * @param now        exchange time.
     */
    void beforeL3Events(int instrument, L3Events events, int count, long now) {
        Market m = markets[instrument];
        if (m.resting.isEmpty() || staleness(m.book) != null || m.book.l3() == null) {
            return;
        }
        L3Book l3 = m.book.l3();
        boolean exact = queue.exact(m.book);
        for (int e = 0; e < count; e++) {
            L3Action action = L3Action.of(events.actionCode(e));
            long id = events.orderId(e);
            if (action == L3Action.EXECUTE_VISIBLE) {
                Side side = l3.orderSide(id);
                if (side == null) {
                    continue;
                }
                if (exact) {
                    executionAt(m, side, l3.orderPrice(id), events.size(e), id, now);
                } else {
                    tradeAt(m, side, l3.orderPrice(id), events.size(e), now);
                }
            } else if (action == L3Action.MODIFY && exact && l3.contains(id)) {
                if (events.price(e) != l3.orderPrice(id) || events.size(e) > l3.orderSize(id)) {
                    for (int i = 0; i < m.resting.size(); i++) {
                        m.resting.get(i).dropAhead(id);
                    }
                }
            }
        }
        removeDone(m);
    }

    /** Orders resting on {@code side} meet a trade of {@code size} at {@code price} (L2 models). */
    private void tradeAt(Market m, Side side, long price, long size, long now) {
        m.used = 0;
        for (int i = 0; i < m.resting.size(); i++) {
            SimOrder o = m.resting.get(i);
            if (o.side != side || o.done) {
                continue;
            }
            if (through(o, price)) {
                fillResting(o, o.price, o.open(), now);
            } else if (o.price == price) {
                double reach = queue.trade(o, size);
                fillAtPrice(m, o, (long) Math.min(reach, size), now);
            }
        }
    }

    /** Exact FIFO: an execution of order {@code id} at {@code price} reaches our orders standing before it. */
    private void executionAt(Market m, Side side, long price, long size, long id, long now) {
        m.used = 0;
        for (int i = 0; i < m.resting.size(); i++) {
            SimOrder o = m.resting.get(i);
            if (o.side != side || o.done) {
                continue;
            }
            if (through(o, price)) {
                fillResting(o, o.price, o.open(), now);
            } else if (o.price == price && !o.isAhead(id) && o.ahead <= 0) {
                fillAtPrice(m, o, size, now);
            }
        }
    }

    /** Fills up to {@code reach} of an order at its price, less what our earlier orders there already took. */
    private void fillAtPrice(Market m, SimOrder o, long reach, long now) {
        long quantity = Math.min(o.open(), reach - m.used);
        if (quantity > 0) {
            m.used += quantity;
            fillResting(o, o.price, quantity, now);
        }
    }

    /** @return whether a trade at {@code price} went through the order's price (it would have filled first). */
    private static boolean through(SimOrder o, long price) {
        return o.buy() ? price < o.price : price > o.price;
    }

    private void fillResting(SimOrder o, long price, long quantity, long now) {
        o.filled += quantity;
        if (o.open() == 0) {
            finish(o);
        }
        reports.filled(o, price, quantity, true, now);
    }

    /** Takes liquidity for an order from the other side, best level first, within its limit. */
    private void take(Market m, SimOrder o, long limit, long now) {
        LevelView levels = m.book.levels();
        Side other = Levels.opposite(o.side);
        ConsumedLiquidity taken = m.taken(other);
        int depth = levels.depth(other);
        for (int level = 0; level < depth && o.open() > 0; level++) {
            long price = levels.price(other, level);
            if (!Levels.marketable(o.buy(), limit, price)) {
                break;
            }
            long quantity = Math.min(o.open(), levels.size(other, level) - taken.at(price));
            if (quantity <= 0) {
                continue;
            }
            taken.add(price, quantity);
            o.filled += quantity;
            reports.filled(o, price, quantity, false, now);
        }
    }

    /** @return the quantity an order could take at once within its limit. */
    private static long available(Market m, SimOrder o, long limit) {
        LevelView levels = m.book.levels();
        Side other = Levels.opposite(o.side);
        ConsumedLiquidity taken = m.taken(other);
        long total = 0;
        for (int level = 0; level < levels.depth(other); level++) {
            long price = levels.price(other, level);
            if (!Levels.marketable(o.buy(), limit, price)) {
                break;
            }
            total += Math.max(0, levels.size(other, level) - taken.at(price));
        }
        return total;
    }

    private void rest(Market m, SimOrder o) {
        o.resting = true;
        queue.join(o, m.book);
        m.resting.add(o);
    }

    private void requeue(Market m, SimOrder o) {
        m.resting.remove(o);
        rest(m, o);
    }

    private static void finish(SimOrder o) {
        o.done = true;
        o.resting = false;
    }

    private static void removeDone(Market m) {
        List<SimOrder> resting = m.resting;
        int kept = 0;
        for (int i = 0; i < resting.size(); i++) {
            SimOrder o = resting.get(i);
            if (!o.done) {
                resting.set(kept++, o);
            }
        }
        while (resting.size() > kept) {
            resting.removeLast();
        }
    }

    /** @return why the book cannot be traded against, or null if it can. */
    private static String staleness(MarketBook book) {
        if (book == null) {
            return "no book yet";
        }
        return book.awaitingSnapshot() ? "the book is stale: it waits for a snapshot after a gap" : null;
    }
}
