package chronicle.sim.internal;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Context;
import chronicle.api.strategy.Liquidity;
import chronicle.api.strategy.OrderEvent;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.RejectReason;
import chronicle.api.strategy.Strategy;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestRunner;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A strategy driven by a test: actions at start, at the n-th book event, and at timers; it keeps a copy of every
 * order event it receives.
 */
final class Script implements Strategy {

    /** A copy of an order event. */
    record Event(OrderEventType type, long orderId, long lastPrice, long lastQuantity, Liquidity liquidity,
                 RejectReason reason, long time, long filled) {
    }

    final List<Event> events = new ArrayList<>();
    private final List<Consumer<Context>> onBook = new ArrayList<>();
    private Consumer<Context> onStart = ctx -> { };
    private BiConsumer<Context, Long> onTimer = (ctx, id) -> { };
    private int books;

    /** @param action run at start. @return this script. */
    Script atStart(Consumer<Context> action) {
        this.onStart = action;
        return this;
    }

    /** @param n book events seen so far before the action runs (1 = after the first). @return this script. */
    Script afterBook(int n, Consumer<Context> action) {
        while (onBook.size() < n) {
            onBook.add(null);
        }
        onBook.set(n - 1, action);
        return this;
    }

    /** @param action run at every timer. @return this script. */
    Script atTimer(BiConsumer<Context, Long> action) {
        this.onTimer = action;
        return this;
    }

    @Override
    public void onStart(Context ctx) {
        onStart.accept(ctx);
    }

    @Override
    public void onBook(Context ctx, BookView book) {
        books++;
        if (books <= onBook.size() && onBook.get(books - 1) != null) {
            onBook.get(books - 1).accept(ctx);
        }
    }

    @Override
    public void onTimer(Context ctx, long timerId) {
        onTimer.accept(ctx, timerId);
    }

    @Override
    public void onOrderEvent(Context ctx, OrderEvent e) {
        events.add(new Event(e.type(), e.orderId(), e.lastPrice(), e.lastQuantity(), e.liquidity(),
                e.rejectReason(), e.time(), e.filled()));
    }

    /** @return the event types in order. */
    List<OrderEventType> types() {
        return events.stream().map(Event::type).toList();
    }

    /** @return the fills' quantities in order. */
    List<Long> fills() {
        return events.stream().filter(e -> e.type().isFill()).map(Event::lastQuantity).toList();
    }

    /** @return total quantity filled. */
    long filled() {
        return fills().stream().mapToLong(Long::longValue).sum();
    }

    /** Runs this script over a tape's archive root, from T0 to an hour later. */
    BacktestResult run(Path root, QueueModel queue, LatencyModel latency, FeeModel fees) {
        return BacktestRunner.builder().archive(root).venue(Tape.VENUE).symbol(Tape.SYMBOL)
                .from(Tape.T0).to(Tape.T0 + 3_600_000_000_000L).queueModel(queue).latency(latency).fees(fees)
                .initialCash(10_000).strategy("script", Map.of(), this).build().run();
    }

    /** Runs with the risk-averse model, no latency and no fees. */
    BacktestResult run(Path root) {
        return run(root, QueueModel.riskAverse(), LatencyModel.none(), FeeModel.NONE);
    }
}
