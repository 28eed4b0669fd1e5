package chronicle.framework.internal;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.Strategy;
import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueReader;
import chronicle.core.api.ThreadAffinity;
import chronicle.framework.api.ClockMode;
import chronicle.framework.api.Heartbeat;
import chronicle.replay.api.MarketBook;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The body of a live application's one thread: pin, open the queues, catch up with market data, start the
 * strategy, then loop (market data, execution reports, timers, heartbeat) with the idle strategy until a stop is
 * asked for; then finish: the strategy's {@code onStop} (it may still cancel), reports already in, queues closed,
 * heartbeat {@link Heartbeat.State#STOPPED}. A failure in a callback stops the application the same way, and is
 * kept for {@link #failure()}.
 */
public final class AppLoop implements Runnable {

    /**
     * What the application was built with.
     *
     * @param name           the application's name.
     * @param layout         the bus.
     * @param subscriptions  market-data queue, venue, symbol, in instrument order.
     * @param strategy       the strategy.
     * @param core           the CPU to pin to, or -1.
     * @param idle           the idle strategy of the loop.
     * @param heartbeatNanos heartbeat interval.
     * @param access         order queue permissions.
     * @param clockMode      wall clock, or market time (one market-data queue, replayed in step with the venue).
     * @param log            where log lines go.
     */
    public record Settings(String name, BusLayout layout, List<Subscription> subscriptions, Strategy strategy,
                           int core, IdleStrategy idle, long heartbeatNanos, QueueAccessRules access,
                           ClockMode clockMode, Consumer<String> log) {
    }

    /**
     * A market to receive.
     *
     * @param queue  the market-data queue carrying it.
     * @param venue  venue name (or id).
     * @param symbol symbol (or market id).
     */
    public record Subscription(Path queue, String venue, String symbol) {
    }

    private static final int POLL_LIMIT = 64;

    private final Settings settings;
    private final EpochNanoClock clock = new OffsetEpochNanoClock();
    private final MarketClock marketClock = new MarketClock();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile RuntimeException openFailure;
    private volatile Throwable failure;
    private List<MarketIds.Ids> ids;
    /** The strategy's context once it has started (strategy thread only). */
    private LiveContext context;

    /** @param settings what the application was built with. */
    public AppLoop(Settings settings) {
        this.settings = settings;
    }

    /** Asks the loop to finish its current event and stop. */
    public void requestStop() {
        stopRequested = true;
    }

    /** @return released once the queues are open (or opening failed: see {@link #openFailure()}). */
    public CountDownLatch opened() {
        return opened;
    }

    /** @return released once the strategy has started. */
    public CountDownLatch running() {
        return running;
    }

    /** @return released once the application has stopped and closed everything. */
    public CountDownLatch stopped() {
        return stopped;
    }

    /** @return why the application could not start (pinning, a queue, a market name), or null. */
    public RuntimeException openFailure() {
        return openFailure;
    }

    /** @return what stopped the strategy, if a callback failed. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        List<MarketFeed> feeds = new ArrayList<>();
        OrderChannel channel = null;
        HeartbeatFile heartbeat = null;
        try {
            if (settings.core() >= 0) {
                ThreadAffinity.pinCurrentThread(settings.core());
            }
            ids = resolve();
            Map<Path, MarketFeed> byQueue = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                Path queue = settings.subscriptions().get(i).queue();
                MarketFeed feed = byQueue.get(queue);
                if (feed == null) {
                    feed = MarketFeed.open(queue, settings.clockMode() == ClockMode.WALL);
                    byQueue.put(queue, feed);
                    feeds.add(feed);
                }
                feed.subscribe(ids.get(i).venueId(), ids.get(i).marketId(), i);
            }
            channel = OrderChannel.open(settings.layout(), settings.name(), settings.access());
            heartbeat = HeartbeatFile.open(settings.layout().strategyHeartbeat(settings.name()), settings.access(),
                    clock.nanoTime());
            heartbeat.core(settings.core());
        } catch (RuntimeException e) {
            openFailure = e;
            closeAll(feeds, channel, heartbeat);
            opened.countDown();
            running.countDown();
            stopped.countDown();
            return;
        }
        opened.countDown();
        try {
            loop(feeds, channel, heartbeat);
        } finally {
            closeAll(feeds, channel, heartbeat);
            running.countDown();
            stopped.countDown();
        }
    }

    private List<MarketIds.Ids> resolve() {
        MarketRegistry registry = MarketRegistry.open(settings.layout().busRoot());
        List<MarketIds.Ids> ids = new ArrayList<>();
        for (Subscription s : settings.subscriptions()) {
            ids.add(registry.resolve(s.venue(), s.symbol()));
        }
        return ids;
    }

    private void loop(List<MarketFeed> feeds, OrderChannel channel, HeartbeatFile heartbeat) {
        IdleStrategy idle = settings.idle();
        MarketTimeStepper stepper = settings.clockMode() == ClockMode.MARKET
                ? new MarketTimeStepper(feeds.getFirst(), channel, marketClock) : null;
        long nextBeat = 0;
        try {
            while (!stopRequested && (stepper == null || !stepper.finished())) {
                int work = stepper == null ? wallClockCycle(feeds, channel, heartbeat)
                        : marketTimeCycle(stepper, feeds, channel, heartbeat);
                long now = clock.nanoTime();
                if (now >= nextBeat) {
                    nextBeat = now + settings.heartbeatNanos();
                    heartbeat.beat(now, context == null ? 0 : context.events(), channel.sent(),
                            context == null ? 0 : context.reports());
                }
                idle.idle(work);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            settings.log().accept(settings.name() + ": stopping: the strategy failed: " + e);
        }
        heartbeat.state(Heartbeat.State.STOPPING);
        if (context != null) {
            if (stepper != null && stepper.finished()) {
                context.stopAccepting(); // the end of the replay stopped the strategy already
            } else {
                finish(channel, context);
            }
            heartbeat.beat(clock.nanoTime(), context.events(), channel.sent(), context.reports());
        }
        heartbeat.state(Heartbeat.State.STOPPED);
    }

    /** Wall clock: market data as it comes, reports, timers. @return how much was done. */
    private int wallClockCycle(List<MarketFeed> feeds, OrderChannel channel, HeartbeatFile heartbeat) {
        int work = 0;
        for (MarketFeed feed : feeds) {
            work += feed.poll(POLL_LIMIT);
        }
        if (context == null) {
            context = startIfReady(feeds, channel, heartbeat);
        } else {
            work += pollReports(channel, context);
            work += context.fireTimers();
        }
        return work;
    }

    /**
     * Market time: records build the books until the strategy starts; then the one feed, the reports and the
     * timers in backtest order, in step with the paper venue. @return how much was done.
     */
    private int marketTimeCycle(MarketTimeStepper stepper, List<MarketFeed> feeds, OrderChannel channel,
                                HeartbeatFile heartbeat) {
        if (context != null) {
            return stepper.step(context, clock.nanoTime());
        }
        int work = 0;
        while (work < POLL_LIMIT && context == null && stepper.warmUp()) {
            work++;
            context = startIfReady(feeds, channel, heartbeat);
        }
        return work;
    }

    private void finish(OrderChannel channel, LiveContext context) {
        try {
            pollReports(channel, context);
            settings.strategy().onStop(context);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
            settings.log().accept(settings.name() + ": onStop failed: " + e);
        } finally {
            context.stopAccepting();
        }
    }

    private int pollReports(OrderChannel channel, LiveContext context) {
        int n = channel.poll(context, POLL_LIMIT);
        if (n == QueueReader.CORRUPT) {
            throw new QueueException(channel.lastError());
        }
        return n;
    }

    /** Starts the strategy once every feed has caught up and every subscribed market has a book. */
    private LiveContext startIfReady(List<MarketFeed> feeds, OrderChannel channel, HeartbeatFile heartbeat) {
        for (MarketFeed feed : feeds) {
            if (!feed.caughtUp()) {
                return null;
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            if (feedOf(feeds, settings.subscriptions().get(i).queue()).book(ids.get(i).venueId(),
                    ids.get(i).marketId()) == null) {
                return null;
            }
        }
        List<Instrument> instruments = new ArrayList<>();
        BookView[] views = new BookView[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            MarketFeed feed = feedOf(feeds, settings.subscriptions().get(i).queue());
            MarketBook book = feed.book(ids.get(i).venueId(), ids.get(i).marketId());
            Subscription s = settings.subscriptions().get(i);
            Instrument instrument = new Instrument(i, s.venue(), s.symbol(), book.venueId(), book.marketId(),
                    book.priceExponent(), book.sizeExponent());
            instruments.add(instrument);
            views[i] = feed.view(instrument, new BookView());
        }
        LiveContext started = new LiveContext(settings.name(), settings.strategy(), instruments, views, channel,
                settings.clockMode() == ClockMode.MARKET ? marketClock : clock, settings.log());
        settings.strategy().onStart(started);
        for (MarketFeed feed : feeds) {
            feed.deliverTo(started);
        }
        heartbeat.state(Heartbeat.State.RUNNING);
        running.countDown();
        return started;
    }

    private static MarketFeed feedOf(List<MarketFeed> feeds, Path queue) {
        for (MarketFeed feed : feeds) {
            if (feed.path().equals(queue)) {
                return feed;
            }
        }
        throw new IllegalStateException("no feed for " + queue);
    }

    private static void closeAll(List<MarketFeed> feeds, OrderChannel channel, HeartbeatFile heartbeat) {
        feeds.forEach(CloseHelper::quietClose);
        CloseHelper.quietClose(channel);
        CloseHelper.quietClose(heartbeat);
    }
}
