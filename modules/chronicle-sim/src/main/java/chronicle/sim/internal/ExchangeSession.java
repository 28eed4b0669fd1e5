package chronicle.sim.internal;

import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.RejectReason;
import chronicle.api.strategy.TimeInForce;
import chronicle.core.api.RecordHandler;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.Trade;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The {@link MockExchange} outside a backtest: market records from any source applied to its books (through a
 * {@link ReplayEngine}, each market taken into use when its first record or order comes), orders taken at the
 * times the caller gives, and every execution report handed to a {@link Sink} at once, with its fee and response
 * latency. The market-record steps are those of {@link Backtest#onRecord}. Allocation-free per market event; a new
 * market or a new order allocates. <b>Not thread-safe.</b>
 */
public final class ExchangeSession implements ExecutionReports, RecordHandler {

    /** Receives each report at exchange time. */
    public interface Sink {
        /**
         * @param order           the order.
         * @param instrument      its market.
         * @param kind            what happened.
         * @param reason          a rejection's reason, else null.
         * @param text            a rejection's line, else null.
         * @param lastPrice       a fill's price.
         * @param lastQuantity    a fill's quantity.
         * @param maker           whether a fill made liquidity.
         * @param fee             a fill's fee.
         * @param time            exchange time.
         * @param responseLatency the model's response latency now.
         */
        void report(SimOrder order, Instrument instrument, OrderEventType kind,
                    RejectReason reason, String text, long lastPrice, long lastQuantity, boolean maker, double fee,
                    long time, long responseLatency);
    }

    private final ReplayEngine engine = new ReplayEngine(GapPolicy.RESET_AND_WAIT, 0);
    private final Long2LongHashMap indexOf = new Long2LongHashMap(-1);
    private final Long2ObjectHashMap<SimOrder> orders = new Long2ObjectHashMap<>();
    private final FeeModel fees;
    private final Latencies latency;
    private final MockExchange exchange;
    private final Sink sink;
    private final EventHeader header = new EventHeader();
    private final Trade trade = new Trade();
    private final BookRecordStep bookStep = new BookRecordStep();
    private Instrument[] instruments = new Instrument[0];
    private MarketBook[] books = new MarketBook[0];
    private long nextOrderId;

    /**
     * @param latency the latency model (reports carry its response latency; callers schedule the entry latency).
     * @param queue   the queue-position model.
     * @param fees    the fee model.
     * @param sink    receives every report.
     */
    public ExchangeSession(LatencyModel latency, QueueModel queue, FeeModel fees, Sink sink) {
        this.fees = fees;
        this.latency = new Latencies(latency, 0);
        this.exchange = new MockExchange(0, queue, this);
        this.sink = sink;
    }

    private static long key(int venueId, long marketId) {
        return ((long) venueId << 32) | (marketId & 0xFFFF_FFFFL);
    }

    /** @return the instrument index of a market, taking it into use if it is new. */
    public int index(int venueId, long marketId) {
        long index = indexOf.get(key(venueId, marketId));
        if (index >= 0) {
            return (int) index;
        }
        int n = instruments.length;
        instruments = java.util.Arrays.copyOf(instruments, n + 1);
        books = java.util.Arrays.copyOf(books, n + 1);
        instruments[n] = new Instrument(n, Integer.toString(venueId), Long.toString(marketId), venueId, marketId,
                0, 0);
        exchange.grow(n + 1);
        latency.grow(n + 1);
        indexOf.put(key(venueId, marketId), n);
        return n;
    }

    /** @return the model's entry latency of a market now (strategy to exchange). */
    public long entryLatency(int venueId, long marketId) {
        return latency.entry(index(venueId, marketId));
    }

    @Override
    public void onRecord(int typeId, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        MessageType type = MessageType.of(typeId);
        if (type == null || length < EventHeader.LENGTH_V1) {
            return;
        }
        header.wrap(buffer, offset);
        int body = offset + header.headerLength();
        switch (type) {
            case TRADE -> {
                if (length - header.headerLength() >= Trade.LENGTH) {
                    int index = index(header.venueId(), header.marketId());
                    trade.wrap(buffer, body);
                    Side aggressor = Side.of(trade.aggressorCode());
                    exchange.onTrade(index, trade.price(), trade.size(), aggressor == null ? Side.UNKNOWN : aggressor,
                            timestamp);
                }
            }
            case L2_SNAPSHOT, L2_DIFF, L3_EVENTS, RESET, GAP -> {
                int index = index(header.venueId(), header.marketId());
                if (!bookStep.apply(engine, exchange, index, books[index], type, header, timestamp, typeId,
                        sequence, timestamp, buffer, offset, length)) {
                    return; // skipped: nothing changed
                }
                // the engine makes a market's book at its first event, then keeps it
                MarketBook book = books[index] != null ? books[index] : engine.book(header.venueId(), header.marketId());
                if (book == null) {
                    return;
                }
                if (books[index] != book) {
                    books[index] = book;
                    Instrument i = instruments[index];
                    instruments[index] = new Instrument(index, i.venue(), i.symbol(), i.venueId(), i.marketId(),
                            book.priceExponent(), book.sizeExponent());
                    exchange.bind(index, book);
                }
                latency.observe(index, book);
                exchange.onBook(index, timestamp);
            }
            default -> {
                // quotes and heartbeats neither change a book nor reach a resting order
            }
        }
    }

    /**
     * A new order reaches the exchange.
     *
     * @return the exchange's id of the order.
     */
    public long submit(int venueId, long marketId, Side side, OrderType type, TimeInForce tif, long price,
                       long quantity, long tag, long time) {
        int index = index(venueId, marketId);
        SimOrder o = new SimOrder(++nextOrderId, index, side, type, tif, price, quantity, tag, time);
        orders.put(o.id, o);
        exchange.submit(o, time);
        return o.id;
    }

    /** A cancel of an order the exchange gave {@code orderId} reaches it. @return false if no such order. */
    public boolean cancel(long orderId, long time) {
        SimOrder o = orders.get(orderId);
        if (o == null) {
            return false;
        }
        exchange.cancel(o, time);
        return true;
    }

    /** A modify reaches the exchange. @return false if no such order. */
    public boolean modify(long orderId, long price, long quantity, long time) {
        SimOrder o = orders.get(orderId);
        if (o == null) {
            return false;
        }
        exchange.modify(o, price, quantity, time);
        return true;
    }

    /** @return orders the exchange still holds open. */
    public int openOrders() {
        return orders.size();
    }

    private void emit(SimOrder order, OrderEventType kind, RejectReason reason, String text,
                      long lastPrice, long lastQuantity, boolean maker, double fee, long time) {
        if (closes(order, kind)) {
            orders.remove(order.id);
        }
        sink.report(order, instruments[order.instrument], kind, reason, text, lastPrice, lastQuantity, maker, fee,
                time, latency.response(order.instrument));
    }

    /** @return the order's limit price at the exchange. */
    public static long exchangePrice(SimOrder order) {
        return order.price;
    }

    /** @return the order's total quantity at the exchange. */
    public static long exchangeQuantity(SimOrder order) {
        return order.quantity;
    }

    /** @return the order's filled quantity at the exchange. */
    public static long exchangeFilled(SimOrder order) {
        return order.filled;
    }

    /** @return whether a report of this kind finishes the order (as {@link Backtest} closes it). */
    public static boolean closes(SimOrder order, OrderEventType kind) {
        return switch (kind) {
            case FILLED, CANCELLED -> true;
            case REJECTED -> !order.exchangeAccepted;
            default -> false;
        };
    }

    @Override
    public void accepted(SimOrder order, long time) {
        order.exchangeAccepted = true;
        emit(order, OrderEventType.ACCEPTED, null, null, 0, 0, false, 0, time);
    }

    @Override
    public void rejected(SimOrder order, RejectReason reason, String text, long time) {
        emit(order, OrderEventType.REJECTED, reason, text, 0, 0, false, 0, time);
    }

    @Override
    public void filled(SimOrder order, long price, long quantity, boolean maker, long time) {
        Instrument i = instruments[order.instrument];
        double fee = fees.fee(i.price(price), i.size(quantity), maker);
        emit(order, order.open() == 0 ? OrderEventType.FILLED
                : OrderEventType.PARTIALLY_FILLED, null, null, price, quantity, maker, fee,
                time);
    }

    @Override
    public void cancelled(SimOrder order, long time) {
        emit(order, OrderEventType.CANCELLED, null, null, 0, 0, false, 0, time);
    }

    @Override
    public void modified(SimOrder order, long time) {
        emit(order, OrderEventType.MODIFIED, null, null, 0, 0, false, 0, time);
    }
}
