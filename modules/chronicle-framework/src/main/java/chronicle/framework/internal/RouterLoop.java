package chronicle.framework.internal;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.Names;
import chronicle.core.api.ChronicleQueue;
import chronicle.framework.api.Heartbeat;
import chronicle.framework.api.Venue;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The router's one thread. Every scan interval it looks at {@code <bus>/strategies/}: a registered strategy whose
 * queues exist and pass the permission check is attached; one whose orders queue others may write to is refused
 * with one line (and checked again at the next scan, so fixing the permissions attaches it), and so is an attached
 * one whose queue becomes writable by others; a strategy that is not registered is attached only to have each of
 * its orders refused. Between scans it merges the attached orders
 * queues in order of arrival (the oldest waiting order first, by its journal timestamp) and hands each order to the
 * {@link OrderDispatcher}, then lets the venue work.
 */
public final class RouterLoop implements Runnable {

    /**
     * What the router was built with.
     *
     * @param layout       the bus.
     * @param strategies   the registered strategies' names.
     * @param venue        where orders go.
     * @param access       the permissions order queues must not exceed.
     * @param idle         how the loop waits.
     * @param scanInterval how often strategies' directories are looked at.
     * @param log          where log lines go.
     */
    public record Settings(BusLayout layout, Set<String> strategies, Venue venue, QueueAccessRules access,
                           IdleStrategy idle, Duration scanInterval, Consumer<String> log) {
    }

    private static final Duration STALE_AFTER = Duration.ofSeconds(5);
    private static final int ORDERS_PER_CYCLE = 64;

    private final Settings settings;
    private final EpochNanoClock clock = new OffsetEpochNanoClock();
    private final List<RoutedStrategy> links = new ArrayList<>();
    private final Map<String, String> reported = new HashMap<>();
    private final Set<String> stale = new LinkedHashSet<>();
    private final OrderDispatcher dispatcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile int attached;
    private volatile Throwable failure;

    /** @param settings what the router was built with. */
    public RouterLoop(Settings settings) {
        this.settings = settings;
        this.dispatcher = new OrderDispatcher(settings.venue(), this::logOnce);
    }

    /** Asks the loop to stop after the order it is routing. */
    public void requestStop() {
        stopRequested = true;
    }

    /** @return released once the router has stopped and closed everything. */
    public CountDownLatch stopped() {
        return stopped;
    }

    /** @return strategies attached now (registered or refused). */
    public int attached() {
        return attached;
    }

    /** @return what stopped the router, if it failed. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        long nextScan = 0;
        try {
            while (!stopRequested) {
                long now = clock.nanoTime();
                if (now >= nextScan) {
                    scan(now);
                    nextScan = now + settings.scanInterval().toNanos();
                }
                int work = 0;
                for (int i = 0; i < ORDERS_PER_CYCLE && routeOldest(); i++) {
                    work++;
                }
                work += settings.venue().doWork(now);
                settings.idle().idle(work);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            settings.log().accept("router: stopping: " + e);
        } finally {
            CloseHelper.quietClose(settings.venue());
            links.forEach(CloseHelper::quietClose);
            links.clear();
            attached = 0;
            stopped.countDown();
        }
    }

    /** Routes the oldest waiting order of all attached strategies. @return false if none was waiting. */
    private boolean routeOldest() {
        RoutedStrategy oldest = null;
        for (RoutedStrategy link : links) {
            if (link.hasHead() && (oldest == null || link.headTimestamp() < oldest.headTimestamp())) {
                oldest = link;
            }
        }
        if (oldest == null) {
            return false;
        }
        dispatcher.dispatch(oldest);
        oldest.consumed();
        return true;
    }

    private void scan(long now) {
        Path root = settings.layout().strategies();
        if (!Files.isDirectory(root)) {
            return;
        }
        Set<String> present = new LinkedHashSet<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                present.add(Names.decode(dir.getFileName().toString()));
            }
        } catch (IOException | IllegalArgumentException e) {
            logOnce(root.toString(), "router: cannot list " + root + ": " + e.getMessage());
            return;
        }
        for (String name : present) {
            if (links.stream().noneMatch(l -> l.name().equals(name))) {
                attach(name);
            }
        }
        for (RoutedStrategy link : List.copyOf(links)) {
            if (link.registered()) {
                recheckPermissions(link);
                watchHeartbeat(link.name(), now);
            }
        }
    }

    /** A queue that became writable by others after it was attached is let go until it is fixed. */
    private void recheckPermissions(RoutedStrategy link) {
        BusLayout layout = settings.layout();
        String problem = settings.access().writableByOthers(List.of(link.dir(), layout.strategyOrders(link.name())));
        if (problem != null) {
            logOnce(link.name(), "router: refusing the orders of strategy '" + link.name() + "': " + problem);
            links.remove(link);
            CloseHelper.quietClose(link);
            attached = links.size();
        }
    }

    private void attach(String name) {
        BusLayout layout = settings.layout();
        Path dir = layout.strategyDir(name);
        Path orders = layout.strategyOrders(name);
        Path responses = layout.strategyResponses(name);
        if (!ChronicleQueue.isQueue(orders) || !ChronicleQueue.isQueue(responses)) {
            return; // the application is still creating them
        }
        boolean registered = settings.strategies().contains(name);
        if (registered) {
            String problem = settings.access().writableByOthers(List.of(dir, orders));
            if (problem != null) {
                logOnce(name, "router: refusing the orders of strategy '" + name + "': " + problem);
                return;
            }
        }
        RoutedStrategy link = null;
        try {
            link = RoutedStrategy.open(name, registered, dir, orders, responses, clock);
            settings.access().restrictTree(dir);
        } catch (RuntimeException e) {
            CloseHelper.quietClose(link);
            logOnce(name, "router: cannot attach strategy '" + name + "' (" + dir + "): " + e.getMessage());
            return;
        }
        reported.remove(name);
        settings.log().accept(registered
                ? "router: routing the orders of strategy '" + name + "' (" + dir + ") to " + settings.venue().name()
                : "router: strategy '" + name + "' (" + dir + ") is not registered with this router: its orders "
                + "are refused; to route them, start the router with --strategies "
                + String.join(",", settings.strategies()) + (settings.strategies().isEmpty() ? "" : ",") + name);
        links.add(link);
        attached = links.size();
    }

    private void watchHeartbeat(String name, long now) {
        Path file = settings.layout().strategyHeartbeat(name);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Heartbeat beat = Heartbeat.read(file);
            if (beat.isStale(now, STALE_AFTER)) {
                if (stale.add(name)) {
                    settings.log().accept("router: strategy '" + name + "' has not beaten for "
                            + (now - beat.lastBeatNanos()) / 1_000_000_000L + " s (pid " + beat.pid()
                            + "): presumed stuck or dead");
                }
            } else if (stale.remove(name)) {
                settings.log().accept("router: strategy '" + name + "' is beating again (pid " + beat.pid() + ")");
            }
        } catch (IllegalArgumentException e) {
            logOnce(file.toString(), "router: " + e.getMessage());
        }
    }

    /** Logs a line unless the same line was the last one logged about the same subject. */
    private void logOnce(String subject, String line) {
        if (!line.equals(reported.put(subject, line))) {
            settings.log().accept(line);
        }
    }
}
