package chronicle.framework.internal;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.OrderEvent;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.OrderRequest;
import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.OrderView;
import chronicle.api.strategy.Strategy;
import chronicle.api.strategy.TradeView;
import chronicle.core.api.RecordHandler;
import chronicle.protocol.api.ExecutionReport;
import chronicle.protocol.api.OrderMessageType;
import chronicle.protocol.api.StrategyIds;
import chronicle.protocol.api.Trade;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;
import java.util.function.Consumer;

/**
 * The live {@link Context}: wall-clock time, orders written to the application's orders queue, execution reports
 * read back from its responses queue and handed to the strategy as {@link OrderEvent}s, and the open orders and
 * positions those reports leave. It also delivers market data ({@link MarketFeed.Sink}) and timers to the
 * strategy, counting events for the heartbeat. <b>Strategy thread only.</b>
 */
final class LiveContext implements Context, RecordHandler, MarketFeed.Sink, Timers.Listener {

    private final String app;
    private final long strategyId;
    private final Strategy strategy;
    private final List<Instrument> instruments;
    private final BookView[] books;
    private final OrderChannel channel;
    private final EpochNanoClock clock;
    private final Consumer<String> log;
    private final LiveOrders orders;
    private final Timers timers = new Timers();
    private final OrderRequest request = new OrderRequest();
    private final OrderEvent event = new OrderEvent();
    private final TradeView tradeView = new TradeView();
    private final ExecutionReport report = new ExecutionReport();
    private boolean accepting = true;
    private boolean newOrders = true;
    private long events;
    private long reports;

    LiveContext(String app, Strategy strategy, List<Instrument> instruments, BookView[] books, OrderChannel channel,
                EpochNanoClock clock, Consumer<String> log) {
        this.app = app;
        this.strategyId = StrategyIds.of(app);
        this.strategy = strategy;
        this.instruments = List.copyOf(instruments);
        this.books = books;
        this.channel = channel;
        this.clock = clock;
        this.log = log;
        this.orders = new LiveOrders(instruments.size());
    }

    @Override
    public long now() {
        return clock.nanoTime();
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public BookView book(int index) {
        return books[index];
    }

    @Override
    public OrderRequest newOrder() {
        return request.clear();
    }

    @Override
    public long send(OrderRequest order) {
        if (!accepting || !newOrders) {
            return NOT_ACCEPTING;
        }
        String problem = order.problem();
        if (problem == null && order.instrument() >= instruments.size()) {
            problem = "instrument " + order.instrument() + " is not one of the " + instruments.size() + " received";
        }
        if (problem != null) {
            log("order refused before sending: " + problem);
            return INVALID;
        }
        long id = channel.nextOrderId();
        long result = channel.sendNew(id, instruments.get(order.instrument()), order, now());
        if (result > 0) {
            orders.sent(id, order);
        }
        return result;
    }

    @Override
    public int cancel(long orderId) {
        if (!accepting) {
            return NOT_ACCEPTING;
        }
        LiveOrder order = orders.find(orderId);
        if (order == null) {
            return UNKNOWN_ORDER;
        }
        return channel.sendCancel(orderId, instruments.get(order.instrument), now());
    }

    @Override
    public int modify(long orderId, long price, long quantity) {
        if (!accepting || !newOrders) {
            return NOT_ACCEPTING;
        }
        LiveOrder order = orders.find(orderId);
        if (order == null) {
            return UNKNOWN_ORDER;
        }
        if (order.type != OrderType.LIMIT || price <= 0 || quantity <= order.filled) {
            return INVALID;
        }
        return channel.sendModify(orderId, instruments.get(order.instrument), price, quantity, now());
    }

    @Override
    public long position(int index) {
        return orders.position(index);
    }

    @Override
    public List<OrderView> openOrders() {
        return orders.open();
    }

    @Override
    public long setTimer(long at) {
        long now = now();
        return timers.add(Math.max(at, now), now);
    }

    @Override
    public void log(String message) {
        log.accept(app + ": " + message);
    }

    /**
     * The replayed market data ended (market time): the strategy is stopped as at the end of a backtest, and new
     * orders and modifies are refused from then on; cancels still go out and reports still arrive.
     */
    void endOfData() {
        newOrders = false;
        strategy.onStop(this);
    }

    /** @return the strategy's timers (market time fires them one by one). */
    Timers timers() {
        return timers;
    }

    /** No more orders after this (the application is closing its queues). */
    void stopAccepting() {
        accepting = false;
    }

    /** @return timers fired. */
    int fireTimers() {
        return timers.fire(now(), this);
    }

    @Override
    public void onTimer(long timerId) {
        strategy.onTimer(this, timerId);
    }

    @Override
    public void onBook(int instrument) {
        events++;
        strategy.onBook(this, books[instrument]);
    }

    @Override
    public void onTrade(int instrument, Trade trade, long exchangeTime) {
        events++;
        strategy.onTrade(this, tradeView.set(instruments.get(instrument), trade.tradeId(), trade.price(), trade.size(),
                MarketFeed.aggressor(trade), exchangeTime));
    }

    /** An execution report from the responses queue. */
    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (type != OrderMessageType.EXECUTION_REPORT.id() || length < ExecutionReport.HEADER) {
            log("responses record " + sequence + " (type 0x" + Integer.toHexString(type) + ", " + length
                    + " bytes) is not an execution report: ignored");
            return;
        }
        report.wrap(buffer, offset);
        OrderEventType eventType = WireCodes.eventType(report.eventCode());
        if (report.strategyId() != strategyId || eventType == null) {
            log("responses record " + sequence + " is not for this application (strategy id "
                    + report.strategyId() + ") or has an unknown event code " + report.eventCode() + ": ignored");
            return;
        }
        reports++;
        OrderEvent applied = orders.apply(report, eventType, event, now());
        if (applied == null) {
            log("report " + eventType + " for order " + report.clientOrderId() + ", which is not open: ignored");
            return;
        }
        if (eventType == OrderEventType.REJECTED) {
            applied.reject(WireCodes.rejectReason(report.rejectCode()), report.text());
        }
        strategy.onOrderEvent(this, applied);
    }

    /** @return market-data events delivered. */
    long events() {
        return events;
    }

    /** @return execution reports received. */
    long reports() {
        return reports;
    }
}
