package chronicle.framework.api;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.Names;
import chronicle.framework.internal.FileModeMask;
import chronicle.framework.internal.QueueAccessRules;
import chronicle.framework.internal.RouterLoop;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The order router: one thread that fans in the orders queues of the strategies registered with it
 * ({@code <bus>/strategies/<app>/orders}), in order of arrival, hands each order to a {@link Venue}, and carries the
 * venue's execution reports back to each strategy's responses queue. docs/LIVE.md.
 *
 * <p>Only the strategies named at build time are served, by name: a strategy directory that appears under
 * {@code <bus>/strategies/} for another name has each of its orders answered {@code REJECTED} ({@code REFUSED}) and
 * never reaches the venue. A registered strategy whose orders queue other users may write to (a group or other
 * write bit beyond the configured {@link QueueAccess}) is not read at all: the router logs one line naming the path
 * and the fix, and attaches it once the permissions are fixed.
 */
public final class Router implements AutoCloseable {

    private final RouterLoop loop;
    private final QueueAccess access;
    private Thread thread;

    private Router(RouterLoop loop, QueueAccess access) {
        this.loop = loop;
        this.access = access;
    }

    /** @param bus the bus root. @return a builder. */
    public static Builder builder(Path bus) {
        return new Builder(bus);
    }

    /**
     * Starts the router's thread. The process's umask gains {@code 077} ({@code 007} with a group), so that the
     * files the router creates in strategies' queues are private.
     *
     * @return this router.
     */
    public synchronized Router start() {
        FileModeMask.tighten(access);
        if (thread != null) {
            throw new IllegalStateException("router is already started");
        }
        thread = Thread.ofPlatform().name("chronicle-router").start(loop);
        return this;
    }

    /** @return how many strategies' queues are attached now (registered ones and refused ones). */
    public int attached() {
        return loop.attached();
    }

    /** Asks the router to stop after the order it is routing (what SIGTERM and SIGINT do). */
    public void stop() {
        loop.requestStop();
    }

    /**
     * @param timeout how long to wait.
     * @return whether the router has stopped (venue and queues closed) within the timeout.
     */
    public boolean awaitStopped(Duration timeout) {
        try {
            return loop.stopped().await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return what stopped the router if it failed, else null. */
    public Throwable failure() {
        return loop.failure();
    }

    /** Stops the router and waits until it has (at most 10 s). */
    @Override
    public void close() {
        stop();
        if (thread != null) {
            awaitStopped(Duration.ofSeconds(10));
        }
    }

    /** Builds a {@link Router}. */
    public static final class Builder {

        private final Path bus;
        private final Set<String> strategies = new LinkedHashSet<>();
        private Venue venue;
        private QueueAccess access = QueueAccess.ownerOnly();
        private IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 100_000);
        private Duration scanInterval = Duration.ofMillis(500);
        private Consumer<String> log = line -> System.err.println(line);

        private Builder(Path bus) {
            this.bus = bus;
        }

        /** @param names strategies (applications) to serve, by name. @return this builder. */
        public Builder strategies(Collection<String> names) {
            for (String name : names) {
                Names.encode("strategy", name);
                strategies.add(name);
            }
            return this;
        }

        /** @param target where orders go. @return this builder. */
        public Builder venue(Venue target) {
            this.venue = target;
            return this;
        }

        /** @param queueAccess what order queues may allow at most (default: owner only). @return this builder. */
        public Builder access(QueueAccess queueAccess) {
            this.access = queueAccess;
            return this;
        }

        /** @param idleStrategy how the loop waits when no order arrived. @return this builder. */
        public Builder idleStrategy(IdleStrategy idleStrategy) {
            this.idle = idleStrategy;
            return this;
        }

        /** @param interval how often strategies' directories are looked at (default 500 ms). @return this. */
        public Builder scanInterval(Duration interval) {
            this.scanInterval = interval;
            return this;
        }

        /** @param sink receives log lines (default: standard error). @return this builder. */
        public Builder log(Consumer<String> sink) {
            this.log = sink;
            return this;
        }

        /**
         * @return the router, not yet started.
         * @throws IllegalArgumentException naming the missing setting.
         */
        public Router build() {
            if (venue == null) {
                throw new IllegalArgumentException("router: no venue: call venue(...)");
            }
            if (strategies.isEmpty()) {
                throw new IllegalArgumentException("router: no strategy registered: name at least one "
                        + "(--strategies a,b)");
            }
            return new Router(new RouterLoop(new RouterLoop.Settings(new BusLayout(bus, bus.resolve("archive")),
                    Set.copyOf(strategies), venue, new QueueAccessRules(access), idle, scanInterval, log)), access);
        }
    }
}
