package chronicle.framework.internal;

import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.TimeInForce;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.framework.api.ClockMode;
import chronicle.framework.api.StrategyLink;
import chronicle.framework.api.Venue;
import chronicle.protocol.api.CancelOrder;
import chronicle.protocol.api.ModifyOrder;
import chronicle.protocol.api.NewOrder;
import chronicle.protocol.api.OrderCodes;
import chronicle.protocol.api.Side;
import chronicle.sim.api.ExchangeReport;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import chronicle.sim.api.SimulatedExchange;
import org.agrona.CloseHelper;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The venue {@code paper}: the simulated exchange of backtests ({@link SimulatedExchange}: the same matching,
 * queue-position, latency and fee models) fed by a market-data queue of the bus, answering the strategies' orders
 * with execution reports. On the wall clock an order reaches the exchange when it arrives and the market is read as
 * it comes; in market time the requests and the market records are applied in the order a backtest would apply
 * them ({@link MarketTimeGate}). Allocation-free per market event. <b>Router thread only.</b>
 */
public final class PaperVenue implements Venue {

    /** The venue's name. */
    public static final String NAME = "paper";
    private static final int RECORDS_PER_CYCLE = 256;

    /** An order at the exchange: whose it is. */
    private record Owner(StrategyLink link, long clientOrderId) {
    }

    private final ChronicleQueue queue;
    private final QueueReader reader;
    private final SimulatedExchange exchange;
    private final ClockMode mode;
    private final MarketTimeGate gate;
    private final long responseNanos;
    private final EpochNanoClock clock = new OffsetEpochNanoClock();
    private final Long2ObjectHashMap<Owner> owners = new Long2ObjectHashMap<>();
    private final Map<StrategyLink, Long2LongHashMap> exchangeIds = new HashMap<>();
    private final PaperRequest wallClockRequest = new PaperRequest();
    private Owner submitting;

    /**
     * @param marketQueue the market-data queue to match against.
     * @param latency     the latency model (market time: constant, both directions above zero).
     * @param queueModel  the queue-position model.
     * @param fees        the fee model.
     * @param mode        whose clock.
     * @param strategies  in market time, the strategies the venue keeps in step with.
     * @throws IllegalArgumentException one line: a missing queue, a latency market time cannot use.
     */
    public PaperVenue(Path marketQueue, LatencyModel latency, QueueModel queueModel, FeeModel fees, ClockMode mode,
                      Set<String> strategies) {
        if (!ChronicleQueue.isQueue(marketQueue)) {
            throw new IllegalArgumentException("--market-queue " + marketQueue + ": no such queue: start its feed "
                    + "first (for example 'chronicle feed') or name another queue");
        }
        long entryNanos = 0;
        if (mode == ClockMode.MARKET) {
            if (!(latency instanceof LatencyModel.Constant c) || c.entryNanos() <= 0 || c.responseNanos() <= 0) {
                throw new IllegalArgumentException("--clock market needs a constant latency above zero in both "
                        + "directions (for example --latency 50us), not " + latency.label());
            }
            entryNanos = c.entryNanos();
            responseNanos = c.responseNanos();
        } else {
            responseNanos = 0;
        }
        this.mode = mode;
        this.exchange = new SimulatedExchange(latency, queueModel, fees, this::onReport);
        this.queue = ChronicleQueue.openExisting(marketQueue);
        this.reader = queue.createReader(StartPosition.earliest());
        this.gate = mode == ClockMode.MARKET
                ? new MarketTimeGate(new RecordHead(reader), exchange, entryNanos, strategies, this::handle) : null;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onNewOrder(StrategyLink from, NewOrder order) {
        take(slot().newOrder(from, order, arrival(order.sendTime())));
    }

    @Override
    public void onCancel(StrategyLink from, CancelOrder cancel) {
        take(slot().cancel(from, cancel, arrival(cancel.sendTime())));
    }

    @Override
    public void onModify(StrategyLink from, ModifyOrder modify) {
        take(slot().modify(from, modify, arrival(modify.sendTime())));
    }

    /** @return a request to copy the message into (pooled in market time). */
    private PaperRequest slot() {
        return gate != null ? gate.request() : wallClockRequest;
    }

    /** @return when a request sent at {@code sendTime} reaches the exchange. */
    private long arrival(long sendTime) {
        return gate != null ? sendTime + gate.entryNanos() : clock.nanoTime();
    }

    /** Applies the request now (wall clock) or queues it for its arrival (market time). */
    private void take(PaperRequest request) {
        if (gate != null) {
            gate.enqueue();
        } else {
            handle(request);
        }
    }

    @Override
    public void onClockProgress(StrategyLink from, long watermark) {
        if (gate != null) {
            gate.progress(from, watermark);
        }
    }

    @Override
    public int doWork(long nowNanos) {
        if (gate != null) {
            return gate.advance(nowNanos);
        }
        int n = reader.poll(exchange, RECORDS_PER_CYCLE);
        if (n == QueueReader.CORRUPT) {
            throw new QueueException(reader.lastError());
        }
        return n;
    }

    /** A request reaches the exchange (at its arrival). */
    private void handle(PaperRequest r) {
        long time = r.arrival;
        if (r.kind == PaperRequest.Kind.NEW) {
            Side side = Side.of(r.sideCode);
            OrderType type = WireCodes.orderType(r.typeCode);
            TimeInForce tif = WireCodes.timeInForce(r.tifCode);
            if (side == null || side == Side.UNKNOWN || type == null || tif == null) {
                answerDirectly(r, OrderCodes.REJECT_INVALID, "order " + r.clientOrderId + " has an unknown side, "
                        + "type or time in force code");
                return;
            }
            submitting = new Owner(r.from, r.clientOrderId);
            exchange.submit(r.venueId, r.marketId, side, type, tif, r.price, r.quantity, r.tag, time);
            submitting = null;
            return;
        }
        Long2LongHashMap ids = exchangeIds.get(r.from);
        long exchangeId = ids == null ? -1 : ids.get(r.clientOrderId);
        boolean known = exchangeId >= 0 && (r.kind == PaperRequest.Kind.CANCEL ? exchange.cancel(exchangeId, time)
                : exchange.modify(exchangeId, r.price, r.quantity, time));
        if (!known) {
            answerDirectly(r, OrderCodes.REJECT_UNKNOWN_ORDER, "order " + r.clientOrderId + " is not open");
        }
    }

    private void answerDirectly(PaperRequest r, int reason, String text) {
        StrategyLink link = r.from;
        Side side = Side.of(r.sideCode);
        link.report(r.clientOrderId, OrderCodes.EVENT_REJECTED, r.venueId, r.marketId,
                        r.kind == PaperRequest.Kind.NEW && side != null ? side : Side.UNKNOWN)
                .order(r.price, r.quantity, 0).exchangeTime(r.arrival).reject(reason, text);
        commit(link, r.arrival + responseNanos);
    }

    private void onReport(ExchangeReport report) {
        Owner owner = owners.get(report.orderId());
        if (owner == null) {
            owner = submitting;
            owners.put(report.orderId(), owner);
            exchangeIds.computeIfAbsent(owner.link(), l -> new Long2LongHashMap(-1))
                    .put(owner.clientOrderId(), report.orderId());
        }
        StrategyLink link = owner.link();
        var out = link.report(owner.clientOrderId(), WireCodes.of(report.type()), report.venueId(),
                        report.marketId(), report.side())
                .order(report.price(), report.quantity(), report.filled()).exchangeTime(report.time());
        if (report.type().isFill()) {
            out.fill(report.lastPrice(), report.lastQuantity(), WireCodes.of(report.liquidity()), report.fee());
        } else if (report.reason() != null) {
            out.reject(WireCodes.of(report.reason()), report.text());
        }
        commit(link, report.time() + report.responseLatency());
        if (report.closesOrder()) {
            owners.remove(report.orderId());
            exchangeIds.get(link).remove(owner.clientOrderId());
        }
    }

    private void commit(StrategyLink link, long due) {
        if (mode == ClockMode.MARKET) {
            link.commit(due);
        } else {
            link.commit();
        }
    }

    @Override
    public void close() {
        CloseHelper.quietClose(reader);
        CloseHelper.quietClose(queue);
    }
}
