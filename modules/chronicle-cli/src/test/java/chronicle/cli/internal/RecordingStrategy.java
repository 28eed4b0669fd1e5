package chronicle.cli.internal;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.OrderEvent;
import chronicle.api.strategy.OrderRequest;
import chronicle.api.strategy.OrderView;
import chronicle.api.strategy.Strategy;
import chronicle.api.strategy.TradeView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a strategy unchanged and writes down, in order, what it did and what happened to it: every order it sent
 * (time, side, type, time in force, price, quantity), cancel and modify, and every order event it received (time,
 * type, the order, price, quantity, filled, and for fills the fill's price, quantity and liquidity). Orders are
 * named by their place in the sending order, so runs whose order ids differ (backtest and live) compare line by
 * line.
 */
final class RecordingStrategy implements Strategy {

    private final Strategy strategy;
    private final List<String> lines = new ArrayList<>();
    private final Map<Long, Integer> ordinals = new HashMap<>();
    private Recorder recorder;

    RecordingStrategy(Strategy strategy) {
        this.strategy = strategy;
    }

    /** @return what happened, one line per action or event. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    private synchronized void add(String line) {
        lines.add(line);
    }

    private Context wrap(Context ctx) {
        if (recorder == null || recorder.ctx != ctx) {
            recorder = new Recorder(ctx);
        }
        return recorder;
    }

    private String order(long id) {
        Integer ordinal = ordinals.get(id);
        return ordinal == null ? "unknown(" + id + ")" : "#" + ordinal;
    }

    @Override
    public void onStart(Context ctx) {
        add(ctx.now() + " start");
        strategy.onStart(wrap(ctx));
    }

    @Override
    public void onBook(Context ctx, BookView book) {
        strategy.onBook(wrap(ctx), book);
    }

    @Override
    public void onTrade(Context ctx, TradeView trade) {
        strategy.onTrade(wrap(ctx), trade);
    }

    @Override
    public void onOrderEvent(Context ctx, OrderEvent e) {
        StringBuilder line = new StringBuilder().append(ctx.now()).append(' ').append(e.type()).append(' ')
                .append(order(e.orderId())).append(' ').append(e.price()).append(' ').append(e.quantity())
                .append(" filled ").append(e.filled());
        if (e.type().isFill()) {
            line.append(" fill ").append(e.lastQuantity()).append(" @ ").append(e.lastPrice()).append(' ')
                    .append(e.liquidity());
        }
        if (e.rejectReason() != null) {
            line.append(" reason ").append(e.rejectReason());
        }
        add(line.toString());
        strategy.onOrderEvent(wrap(ctx), e);
    }

    @Override
    public void onTimer(Context ctx, long timerId) {
        add(ctx.now() + " timer");
        strategy.onTimer(wrap(ctx), timerId);
    }

    @Override
    public void onStop(Context ctx) {
        add(ctx.now() + " stop");
        strategy.onStop(wrap(ctx));
    }

    /** The context the strategy sees: the real one, with its orders written down. */
    private final class Recorder implements Context {
        final Context ctx;

        Recorder(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public long now() {
            return ctx.now();
        }

        @Override
        public List<Instrument> instruments() {
            return ctx.instruments();
        }

        @Override
        public BookView book(int index) {
            return ctx.book(index);
        }

        @Override
        public OrderRequest newOrder() {
            return ctx.newOrder();
        }

        @Override
        public long send(OrderRequest r) {
            long id = ctx.send(r);
            if (id > 0) {
                ordinals.put(id, ordinals.size());
            }
            add(ctx.now() + " send " + (id > 0 ? order(id) : "refused " + id) + " " + r.side() + " " + r.type()
                    + " " + r.timeInForce() + " " + r.price() + " x " + r.quantity());
            return id;
        }

        @Override
        public int cancel(long orderId) {
            int result = ctx.cancel(orderId);
            add(ctx.now() + " cancel " + order(orderId) + " -> " + result);
            return result;
        }

        @Override
        public int modify(long orderId, long price, long quantity) {
            int result = ctx.modify(orderId, price, quantity);
            add(ctx.now() + " modify " + order(orderId) + " " + price + " x " + quantity + " -> " + result);
            return result;
        }

        @Override
        public long position(int index) {
            return ctx.position(index);
        }

        @Override
        public List<OrderView> openOrders() {
            return ctx.openOrders();
        }

        @Override
        public long setTimer(long at) {
            return ctx.setTimer(at);
        }

        @Override
        public void log(String message) {
            ctx.log(message);
        }
    }
}
