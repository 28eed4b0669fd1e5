package chronicle.sim.api;

import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.TimeInForce;
import chronicle.core.api.RecordHandler;
import chronicle.protocol.api.Side;
import chronicle.sim.internal.ExchangeSession;
import org.agrona.DirectBuffer;

import java.util.Objects;

/**
 * The simulated exchange of backtests, for use outside one (paper trading behind a router): the same matching,
 * queue-position, latency and fee models, fed with market records and orders by the caller, each at the time the
 * caller gives, and answering through a {@link Listener} at once, at exchange time.
 *
 * <pre>{@code
 * SimulatedExchange exchange = new SimulatedExchange(LatencyModel.constant(Duration.ofNanos(50_000)),
 *         QueueModel.riskAverse(), FeeModel.NONE, report -> ...);
 * exchange.onRecord(type, sequence, timestamp, buffer, offset, length);   // book updates and trades, in time order
 * long id = exchange.submit(venueId, marketId, Side.BID, OrderType.LIMIT, TimeInForce.GTC, price, quantity, 0, t);
 * exchange.cancel(id, t2);
 * }</pre>
 *
 * <p>Time rules are the caller's: a backtest applies every request due strictly before a market record first
 * ({@code Backtest}); a caller that wants the same results does the same, and delays a request by
 * {@link #entryLatency} and a report by {@link ExchangeReport#responseLatency()}. Every market in the records is
 * kept (books are built as records come), so an order for it can trade at once. Allocation-free per market event;
 * a new order or a new market allocates. <b>Not thread-safe.</b>
 */
public final class SimulatedExchange implements RecordHandler {

    /** Receives the exchange's reports. */
    @FunctionalInterface
    public interface Listener {
        /** @param report the report, valid during the call only. */
        void onReport(ExchangeReport report);
    }

    private final ExchangeSession session;
    private final ExchangeReport report = new ExchangeReport();
    private final LatencyModel latency;

    /**
     * @param latency  the latency model.
     * @param queue    the queue-position model.
     * @param fees     the fee model.
     * @param listener receives every report.
     */
    public SimulatedExchange(LatencyModel latency, QueueModel queue, FeeModel fees, Listener listener) {
        this.latency = Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(listener, "listener");
        this.session = new ExchangeSession(latency, Objects.requireNonNull(queue, "queue"),
                Objects.requireNonNull(fees, "fees"),
                (order, instrument, kind, reason, text, lastPrice, lastQuantity, maker, fee, time, response) -> {
                    ExchangeReport r = report;
                    r.orderId = order.orderId();
                    r.type = kind;
                    r.venueId = instrument.venueId();
                    r.marketId = instrument.marketId();
                    r.side = order.side();
                    r.price = ExchangeSession.exchangePrice(order);
                    r.quantity = ExchangeSession.exchangeQuantity(order);
                    r.filled = ExchangeSession.exchangeFilled(order);
                    r.lastPrice = lastPrice;
                    r.lastQuantity = lastQuantity;
                    r.liquidity = kind.isFill() ? (maker ? chronicle.api.strategy.Liquidity.MAKER
                            : chronicle.api.strategy.Liquidity.TAKER) : null;
                    r.fee = fee;
                    r.reason = reason;
                    r.text = text;
                    r.closesOrder = ExchangeSession.closes(order, kind);
                    r.time = time;
                    r.responseLatency = response;
                    listener.onReport(r);
                });
    }

    /** @return the latency model. */
    public LatencyModel latency() {
        return latency;
    }

    /** A market record (book update, trade, gap) at its journal timestamp. */
    @Override
    public void onRecord(int typeId, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        session.onRecord(typeId, sequence, timestamp, buffer, offset, length);
    }

    /**
     * A new order reaches the exchange (its reports follow at once, through the listener).
     *
     * @param venueId  venue id.
     * @param marketId market id.
     * @param side     side.
     * @param type     order type.
     * @param tif      time in force.
     * @param price    limit price mantissa (ignored for market orders).
     * @param quantity quantity mantissa.
     * @param tag      the strategy's tag.
     * @param time     exchange time.
     * @return the exchange's id of the order, which its reports carry.
     */
    public long submit(int venueId, long marketId, Side side, OrderType type, TimeInForce tif, long price,
                       long quantity, long tag, long time) {
        return session.submit(venueId, marketId, side, type, tif, price, quantity, tag, time);
    }

    /**
     * @param orderId the exchange's id of an order.
     * @param time    exchange time.
     * @return false if the exchange holds no such open order (nothing was reported).
     */
    public boolean cancel(long orderId, long time) {
        return session.cancel(orderId, time);
    }

    /**
     * @param orderId  the exchange's id of an order.
     * @param price    the new limit price.
     * @param quantity the new total quantity.
     * @param time     exchange time.
     * @return false if the exchange holds no such open order (nothing was reported).
     */
    public boolean modify(long orderId, long price, long quantity, long time) {
        return session.modify(orderId, price, quantity, time);
    }

    /**
     * @param venueId  venue id.
     * @param marketId market id.
     * @return the latency model's strategy-to-exchange latency for that market now, nanoseconds.
     */
    public long entryLatency(int venueId, long marketId) {
        return session.entryLatency(venueId, marketId);
    }

    /** @return the orders the exchange holds open. */
    public int openOrders() {
        return session.openOrders();
    }
}
