package chronicle.framework.api;

import chronicle.api.strategy.Strategy;
import chronicle.bus.api.BusLayout;
import chronicle.bus.api.Names;
import chronicle.framework.internal.AppLoop;
import chronicle.framework.internal.FileModeMask;
import chronicle.framework.internal.QueueAccessRules;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A strategy running live: one thread (optionally pinned to a core) that follows market-data queues of the bus,
 * hands book updates, trades, execution reports and timers to the strategy, and sends its orders through its
 * orders queue to the router. docs/LIVE.md.
 *
 * <pre>{@code
 * ChronicleApp app = ChronicleApp.builder("mm-1")
 *         .bus(Path.of("/var/chronicle/bus"))
 *         .subscribe("demo", "BTC-USD")                // in <bus>/live/market_data/queue/demo_feed
 *         .strategy(strategy)
 *         .pinToCore(3)
 *         .build()
 *         .start();                                    // one line on failure: unknown market, core, queue
 * app.awaitStopped(...);                              // SIGTERM or SIGINT: the current event finishes, onStop runs
 * }</pre>
 *
 * <p>Before the strategy starts, each market-data queue is read from its oldest record to the record that was
 * newest at start, building the books without delivering anything, so the strategy's first book is whole; the
 * strategy starts once every subscribed market has a book.
 */
public final class ChronicleApp implements AutoCloseable {

    private final String name;
    private final AppLoop loop;
    private final boolean stopOnSignals;
    private final QueueAccess access;
    private Thread thread;
    private Thread signalHook;

    private ChronicleApp(String name, AppLoop loop, boolean stopOnSignals, QueueAccess access) {
        this.name = name;
        this.loop = loop;
        this.stopOnSignals = stopOnSignals;
        this.access = access;
    }

    /**
     * @param name the application's name: its queues live under {@code <bus>/strategies/<name>}, and a router
     *             serves it under this name.
     * @return a builder.
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the application's name. */
    public String name() {
        return name;
    }

    /**
     * Starts the application's thread and waits until its queues are open (not until market data arrives). The
     * process's umask gains {@code 077} ({@code 007} with a group), so that files its queues create later are
     * private too.
     *
     * @return this application.
     * @throws IllegalArgumentException one line if it cannot start: the core cannot be pinned, a market name is not
     *                                  registered, a market-data queue does not exist, or another instance of the
     *                                  application holds its orders queue.
     */
    public synchronized ChronicleApp start() {
        if (thread != null) {
            throw new IllegalStateException("application " + name + " is already started");
        }
        FileModeMask.tighten(access);
        thread = Thread.ofPlatform().name("chronicle-app-" + name).start(loop);
        await(loop.opened(), Long.MAX_VALUE);
        RuntimeException failure = loop.openFailure();
        if (failure != null) {
            throw new IllegalArgumentException("application " + name + " cannot start: " + failure.getMessage(),
                    failure);
        }
        if (stopOnSignals) {
            signalHook = new Thread(() -> {
                loop.requestStop();
                await(loop.stopped(), TimeUnit.SECONDS.toNanos(10));
            }, "chronicle-app-" + name + "-stop");
            Runtime.getRuntime().addShutdownHook(signalHook);
        }
        return this;
    }

    /**
     * @param timeout how long to wait.
     * @return whether the strategy has started (every market has a book) within the timeout.
     */
    public boolean awaitRunning(Duration timeout) {
        return await(loop.running(), timeout.toNanos()) && loop.stopped().getCount() > 0;
    }

    /** Asks the application to finish its current event and stop (what SIGTERM and SIGINT do). */
    public void stop() {
        loop.requestStop();
    }

    /**
     * @param timeout how long to wait.
     * @return whether the application has stopped (onStop called, queues closed) within the timeout.
     */
    public boolean awaitStopped(Duration timeout) {
        return await(loop.stopped(), timeout.toNanos());
    }

    /** @return what made the strategy stop, if one of its callbacks threw; else null. */
    public Throwable failure() {
        return loop.failure();
    }

    /** Stops the application and waits until it has (at most 10 s). */
    @Override
    public void close() {
        stop();
        awaitStopped(Duration.ofSeconds(10));
        if (signalHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(signalHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the same stop
            }
        }
    }

    private static boolean await(java.util.concurrent.CountDownLatch latch, long nanos) {
        try {
            return latch.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Builds a {@link ChronicleApp}; {@link #build()} checks the settings. */
    public static final class Builder {

        private final String name;
        private Path bus;
        private Path marketQueue;
        private final List<String[]> markets = new ArrayList<>();
        private final List<Path> marketQueues = new ArrayList<>();
        private Strategy strategy;
        private int core = -1;
        private IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 100_000);
        private Duration heartbeat = Duration.ofSeconds(1);
        private QueueAccess access = QueueAccess.ownerOnly();
        private Consumer<String> log = line -> System.err.println(line);
        private boolean stopOnSignals = true;
        private ClockMode clockMode = ClockMode.WALL;

        private Builder(String name) {
            Names.encode("application", name);
            this.name = name;
        }

        /** @param root the bus root. @return this builder. */
        public Builder bus(Path root) {
            this.bus = root;
            return this;
        }

        /**
         * The market-data queue the next {@link #subscribe} calls read (default: the demo feed's,
         * {@code <bus>/live/market_data/queue/demo_feed}).
         *
         * @param queue a queue directory.
         * @return this builder.
         */
        public Builder marketQueue(Path queue) {
            this.marketQueue = queue;
            return this;
        }

        /**
         * Receives a market, as the next instrument (index 0, 1, ...).
         *
         * @param venue  the venue's name in the bus root's registry (or its id).
         * @param symbol the symbol (or the market id).
         * @return this builder.
         */
        public Builder subscribe(String venue, String symbol) {
            markets.add(new String[] {venue, symbol});
            marketQueues.add(marketQueue);
            return this;
        }

        /** @param strategy the strategy to run. @return this builder. */
        public Builder strategy(Strategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /** @param cpu the core to pin the strategy thread to ({@code sched_setaffinity}). @return this builder. */
        public Builder pinToCore(int cpu) {
            this.core = cpu;
            return this;
        }

        /**
         * @param idleStrategy how the loop waits when nothing arrived (default: back-off to 100 us parks; a busy
         *                     spin gives the lowest latency and burns the core).
         * @return this builder.
         */
        public Builder idleStrategy(IdleStrategy idleStrategy) {
            this.idle = idleStrategy;
            return this;
        }

        /** @param interval how often the heartbeat file is refreshed (default 1 s). @return this builder. */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeat = interval;
            return this;
        }

        /** @param queueAccess who may use the order queues (default: the owner only). @return this builder. */
        public Builder access(QueueAccess queueAccess) {
            this.access = queueAccess;
            return this;
        }

        /** @param sink receives log lines (default: standard error). @return this builder. */
        public Builder log(Consumer<String> sink) {
            this.log = sink;
            return this;
        }

        /** @param stop whether SIGTERM and SIGINT stop the application cleanly (default true). @return this builder. */
        public Builder stopOnSignals(boolean stop) {
            this.stopOnSignals = stop;
            return this;
        }

        /**
         * @param mode the wall clock (default), or market time: {@code Context.now()} is the time of the market
         *             event being handled and the strategy runs in step with a paper venue in market time, so that
         *             a replay through the bus gives the orders and fills of its backtest (one market-data queue;
         *             the application stops by itself when the replay ends). docs/LIVE.md.
         * @return this builder.
         */
        public Builder clock(ClockMode mode) {
            this.clockMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @return the application, not yet started.
         * @throws IllegalArgumentException naming the missing or bad setting.
         */
        public ChronicleApp build() {
            if (bus == null) {
                throw new IllegalArgumentException("application " + name + ": no bus root: call bus(path)");
            }
            if (strategy == null) {
                throw new IllegalArgumentException("application " + name + ": no strategy: call strategy(...)");
            }
            if (markets.isEmpty()) {
                throw new IllegalArgumentException("application " + name + ": no market: call subscribe(venue, "
                        + "symbol)");
            }
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("application " + name + ": heartbeat interval must be positive");
            }
            BusLayout layout = new BusLayout(bus, bus.resolve("archive"));
            List<AppLoop.Subscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < markets.size(); i++) {
                Path queue = Objects.requireNonNullElse(marketQueues.get(i),
                        layout.liveQueue("market_data", "demo_feed"));
                subscriptions.add(new AppLoop.Subscription(queue, markets.get(i)[0], markets.get(i)[1]));
            }
            if (clockMode == ClockMode.MARKET
                    && subscriptions.stream().map(AppLoop.Subscription::queue).distinct().count() > 1) {
                throw new IllegalArgumentException("application " + name + ": market time reads one market-data "
                        + "queue, not " + subscriptions.stream().map(AppLoop.Subscription::queue).distinct().toList());
            }
            AppLoop loop = new AppLoop(new AppLoop.Settings(name, layout, List.copyOf(subscriptions), strategy, core,
                    idle, heartbeat.toNanos(), new QueueAccessRules(access), clockMode, log));
            return new ChronicleApp(name, loop, stopOnSignals, access);
        }
    }
}
