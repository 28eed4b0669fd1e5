package chronicle.sim.internal;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.Liquidity;
import chronicle.api.strategy.OrderEvent;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.OrderRequest;
import chronicle.api.strategy.OrderView;
import chronicle.api.strategy.RejectReason;
import chronicle.api.strategy.Strategy;
import chronicle.api.strategy.TradeView;
import chronicle.core.api.RecordHandler;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.Trade;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One backtest run: replays the merged market records in time order, hands them to the strategy, carries its
 * orders to the {@link MockExchange} and the exchange's reports back, each after its latency, and books fills with
 * the {@link Accountant}. It is the strategy's {@link Context}, in event time.
 *
 * <p>Time: one clock, the records' journal timestamps. Before each record, everything due strictly before it runs
 * (requests reaching the exchange, reports reaching the strategy, timers), in time order and, at equal times, in
 * the order it was scheduled; so a run is deterministic. Per market event nothing is allocated; a new order
 * allocates its record, a fill its entries in the result.
 */
public final class Backtest implements Context, ExecutionReports, RecordHandler {

    private final List<Instrument> instruments;
    private final int[] venueIds;
    private final long[] marketIds;
    private final MarketBook[] books;
    private final BookView[] views;
    private final ReplayEngine engine;
    private final Strategy strategy;
    private final String strategyName;
    private final Map<String, String> parameters;
    private final FeeModel fees;
    private final Latencies latency;
    private final MockExchange exchange;
    private final Accountant accountant;
    private final ResultRecorder recorder;
    private final PendingQueue pending = new PendingQueue();
    private final OrderRequest request = new OrderRequest();
    private final OrderEvent event = new OrderEvent();
    private final TradeView tradeView = new TradeView();
    private final EventHeader header = new EventHeader();
    private final Trade trade = new Trade();
    private final BookRecordStep bookStep = new BookRecordStep();
    private final List<OrderView> open = new ArrayList<>();
    private final List<OrderView> openView = Collections.unmodifiableList(open);
    private final long[] knownPosition;
    private final List<String> log = new ArrayList<>();
    private long now;
    private long nextOrderId;
    private long nextTimerId;
    private long events;
    private boolean stopping;

    /**
     * @param instruments  the instruments, in index order.
     * @param engine       the replay engine, with every instrument's opening book already put in.
     * @param strategy     the strategy.
     * @param strategyName its name.
     * @param parameters   its parameters as text.
     * @param latency      the latency model.
     * @param fees         the fee model.
     * @param queue        the queue-position model.
     * @param initialCash  cash at the start.
     * @param sampleNanos  the equity curve's sampling interval.
     */
    public Backtest(List<Instrument> instruments, ReplayEngine engine, Strategy strategy, String strategyName,
                    Map<String, String> parameters, LatencyModel latency, FeeModel fees, QueueModel queue,
                    double initialCash, long sampleNanos) {
        this.instruments = List.copyOf(instruments);
        int n = instruments.size();
        this.venueIds = new int[n];
        this.marketIds = new long[n];
        this.books = new MarketBook[n];
        this.views = new BookView[n];
        this.knownPosition = new long[n];
        this.engine = engine;
        this.strategy = strategy;
        this.strategyName = strategyName;
        this.parameters = parameters;
        this.fees = fees;
        this.latency = new Latencies(latency, n);
        this.exchange = new MockExchange(n, queue, this);
        this.accountant = new Accountant(this.instruments, initialCash);
        this.recorder = new ResultRecorder(this.instruments, accountant, sampleNanos);
        for (Instrument i : this.instruments) {
            venueIds[i.index()] = i.venueId();
            marketIds[i.index()] = i.marketId();
            views[i.index()] = new BookView().wrap(i, null);
            bind(i.index(), engine.book(i.venueId(), i.marketId()));
        }
    }

    /**
     * Runs the strategy over the records.
     *
     * @param merger the market records, merged by time.
     * @param start  event time of the start (the strategy's first {@link #now()}).
     * @return the result.
     */
    public BacktestResult run(RecordMerger merger, long start) {
        now = start;
        strategy.onStart(this);
        merger.deliverAll(this);
        // the data ended: what is in flight still arrives (timers no longer fire), no new orders are taken
        stopping = true;
        strategy.onStop(this);
        runDue(Long.MAX_VALUE);
        return recorder.result(strategyName, parameters, events, start);
    }

    /** @return the accountant (for checks of its identities). */
    Accountant accountant() {
        return accountant;
    }

    /** @return the lines the strategy logged. */
    public List<String> logLines() {
        return List.copyOf(log);
    }

    private void bind(int index, MarketBook book) {
        if (book != null && books[index] != book) {
            books[index] = book;
            views[index].wrap(instruments.get(index), book);
            exchange.bind(index, book);
        }
    }

    private int instrumentOf(int venue, long market) {
        for (int i = 0; i < venueIds.length; i++) {
            if (venueIds[i] == venue && marketIds[i] == market) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void onRecord(int typeId, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        runDue(timestamp); // everything due strictly before the record comes first
        MessageType type = MessageType.of(typeId);
        if (type == null || length < EventHeader.LENGTH_V1) {
            return;
        }
        header.wrap(buffer, offset);
        int index = instrumentOf(header.venueId(), header.marketId());
        if (index < 0) {
            return;
        }
        now = Math.max(now, timestamp);
        int body = offset + header.headerLength();
        switch (type) {
            case TRADE -> {
                if (length - header.headerLength() < Trade.LENGTH) {
                    return;
                }
                trade.wrap(buffer, body);
                Side aggressor = Side.of(trade.aggressorCode());
                events++;
                exchange.onTrade(index, trade.price(), trade.size(), aggressor == null ? Side.UNKNOWN : aggressor,
                        now);
                recorder.mark(now);
                strategy.onTrade(this, tradeView.set(instruments.get(index), trade.tradeId(), trade.price(),
                        trade.size(), aggressor == null ? Side.UNKNOWN : aggressor, header.exchangeTimestamp()));
            }
            case L2_SNAPSHOT, L2_DIFF, L3_EVENTS, RESET, GAP -> {
                if (!bookStep.apply(engine, exchange, index, books[index], type, header, now, typeId, sequence,
                        timestamp, buffer, offset, length)) {
                    return; // skipped (stale, or waiting for a snapshot): nothing changed
                }
                events++;
                if (books[index] == null) { // the engine makes a market's book at its first event, then keeps it
                    bind(index, engine.book(venueIds[index], marketIds[index]));
                }
                MarketBook book = books[index];
                if (book == null) {
                    return;
                }
                latency.observe(index, book);
                exchange.onBook(index, now);
                BookView view = views[index];
                if (!book.awaitingSnapshot() && view.isTwoSided()) {
                    Instrument instrument = instruments.get(index);
                    accountant.mark(index, (instrument.price(view.bestBid()) + instrument.price(view.bestAsk())) / 2);
                }
                recorder.mark(now);
                strategy.onBook(this, view);
            }
            default -> {
                // quotes and heartbeats neither change a book nor reach a resting order
            }
        }
    }

    /** Runs everything due strictly before {@code time}. */
    private void runDue(long time) {
        while (pending.peekTime() < time) {
            Pending p = pending.poll();
            now = Math.max(now, p.time);
            switch (p.kind) {
                case NEW -> exchange.submit(p.order, p.time);
                case CANCEL -> exchange.cancel(p.order, p.time);
                case MODIFY -> exchange.modify(p.order, p.price, p.quantity, p.time);
                case TIMER -> {
                    if (!stopping) {
                        strategy.onTimer(this, p.timerId);
                    }
                }
                case REPORT -> deliver(p);
            }
            pending.release(p);
        }
    }

    private void deliver(Pending p) {
        SimOrder o = p.order;
        boolean rejectsOrder = p.type == OrderEventType.REJECTED && p.closes;
        boolean closes = p.type.isFinal() || rejectsOrder;
        if (p.type == OrderEventType.ACCEPTED || rejectsOrder) {
            recorder.orderLatency(p.time - o.sentAt);
        }
        if (p.type != OrderEventType.REJECTED) {
            o.knownPrice = p.price;
            o.knownQuantity = p.quantity;
            o.knownFilled = p.filled;
        }
        if (p.type.isFill()) {
            knownPosition[o.instrument] += o.buy() ? p.lastQuantity : -p.lastQuantity;
        }
        if (closes) {
            open.remove(o);
        }
        event.set(p.type, o.id, o.instrument, o.side, p.price, p.quantity, p.filled, p.time, o.tag);
        if (p.type.isFill()) {
            event.fill(p.lastPrice, p.lastQuantity, p.liquidity, p.fee);
        }
        if (p.type == OrderEventType.REJECTED) {
            event.reject(p.reason, p.text);
        }
        strategy.onOrderEvent(this, event);
    }

    private Pending report(SimOrder o, OrderEventType type, long time) {
        Pending p = pending.add(Pending.Kind.REPORT, time + latency.response(o.instrument));
        p.order = o;
        p.type = type;
        p.price = o.price;
        p.quantity = o.quantity;
        p.filled = o.filled;
        p.madeAt = time;
        return p;
    }

    // ExecutionReports: at exchange time

    @Override
    public void accepted(SimOrder order, long time) {
        order.exchangeAccepted = true;
        report(order, OrderEventType.ACCEPTED, time);
    }

    @Override
    public void rejected(SimOrder order, RejectReason reason, String text, long time) {
        Pending p = report(order, OrderEventType.REJECTED, time);
        p.reason = reason;
        p.text = text;
        p.closes = !order.exchangeAccepted; // the order itself was refused, not a cancel or modify of it
    }

    @Override
    public void filled(SimOrder order, long price, long quantity, boolean maker, long time) {
        Instrument i = instruments.get(order.instrument);
        double fee = fees.fee(i.price(price), i.size(quantity), maker);
        boolean first = order.filled == quantity;
        accountant.fill(order.instrument, order.buy(), price, quantity, fee);
        recorder.fill(time, order, price, quantity, maker, fee, first);
        Pending p = report(order, order.open() == 0 ? OrderEventType.FILLED : OrderEventType.PARTIALLY_FILLED,
                time);
        p.lastPrice = price;
        p.lastQuantity = quantity;
        p.liquidity = maker ? Liquidity.MAKER : Liquidity.TAKER;
        p.fee = fee;
    }

    @Override
    public void cancelled(SimOrder order, long time) {
        report(order, OrderEventType.CANCELLED, time);
    }

    @Override
    public void modified(SimOrder order, long time) {
        report(order, OrderEventType.MODIFIED, time);
    }

    // Context: in event time

    @Override
    public long now() {
        return now;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public BookView book(int index) {
        return views[index];
    }

    @Override
    public OrderRequest newOrder() {
        return request.clear();
    }

    @Override
    public long send(OrderRequest r) {
        if (r.problem() != null || r.instrument() >= instruments.size()) {
            return INVALID;
        }
        if (stopping) {
            return NOT_ACCEPTING;
        }
        SimOrder o = new SimOrder(++nextOrderId, r.instrument(), r.side(), r.type(), r.timeInForce(), r.price(),
                r.quantity(), r.tag(), now);
        open.add(o);
        recorder.orderSent();
        pending.add(Pending.Kind.NEW, now + latency.entry(o.instrument)).order = o;
        return o.id;
    }

    @Override
    public int cancel(long orderId) {
        SimOrder o = openOrder(orderId);
        if (o == null) {
            return UNKNOWN_ORDER;
        }
        pending.add(Pending.Kind.CANCEL, now + latency.entry(o.instrument)).order = o;
        return 0;
    }

    @Override
    public int modify(long orderId, long price, long quantity) {
        SimOrder o = openOrder(orderId);
        if (o == null) {
            return UNKNOWN_ORDER;
        }
        if (price <= 0 || quantity <= 0) {
            return INVALID;
        }
        if (stopping) {
            return NOT_ACCEPTING;
        }
        Pending p = pending.add(Pending.Kind.MODIFY, now + latency.entry(o.instrument));
        p.order = o;
        p.price = price;
        p.quantity = quantity;
        return 0;
    }

    private SimOrder openOrder(long orderId) {
        for (int i = 0; i < open.size(); i++) {
            SimOrder o = (SimOrder) open.get(i);
            if (o.id == orderId) {
                return o;
            }
        }
        return null;
    }

    @Override
    public long position(int index) {
        return knownPosition[index];
    }

    @Override
    public List<OrderView> openOrders() {
        return openView;
    }

    @Override
    public long setTimer(long at) {
        long id = ++nextTimerId;
        if (!stopping) {
            pending.add(Pending.Kind.TIMER, Math.max(at, now)).timerId = id;
        }
        return id;
    }

    @Override
    public void log(String message) {
        log.add(Long.toString(now) + " " + message);
    }
}
