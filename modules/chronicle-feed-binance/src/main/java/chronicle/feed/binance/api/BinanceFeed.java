package chronicle.feed.binance.api;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.Discovery;
import chronicle.bus.api.Lease;
import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import chronicle.bus.api.SymbolMap;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.feed.binance.internal.Backoff;
import chronicle.feed.binance.internal.Connection;
import chronicle.feed.binance.internal.FeedClock;
import chronicle.feed.binance.internal.SnapshotFetcher;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The live Binance feed: connects to the combined streams of its symbols, fetches REST snapshots, and appends
 * everything, normalized by {@link BinanceNormalizer}, to the venue's raw queue
 * ({@code <bus-root>/streams/raw/<venue>/queue}) until it is told to stop.
 *
 * <ul>
 *   <li><b>Names.</b> The symbols are registered by name in the bus root's registry before the first record; the
 *       records carry the registry's ids.</li>
 *   <li><b>Reconnects.</b> A refused, failed, lost or silent connection (nothing, not even a pong, for
 *       {@code idleTimeout}) is retried after an exponential back-off with jitter; a connection older than
 *       {@code maxConnectionAge} is replaced before Binance's 24-hour cut. Each lost connection appends one RECONNECT
 *       gap marker per symbol, and every book restarts from a fresh snapshot.</li>
 *   <li><b>Stop.</b> When {@code running} turns false the feed finishes the message in hand (it is appended and
 *       committed: messages are handled under one lock that stopping takes), closes the connection and the queue.
 *       A restart (even after a SIGKILL) continues the queue's sequence (the journal's recovery) and starts every
 *       book from a fresh snapshot.</li>
 * </ul>
 * One feed per raw queue (the queue has one writer). {@link #run} blocks; {@link #close()} releases the queue.
 */
public final class BinanceFeed implements AutoCloseable {

    private final BinanceFeedOptions options;
    private final Consumer<String> log;
    private final FeedClock clock = new FeedClock();
    private final ReentrantLock lock = new ReentrantLock();
    private final Path queuePath;
    private final Discovery discovery;
    private final ChronicleQueue queue;
    private final QueueWriter writer;
    private final Lease lease;
    private final BinanceNormalizer normalizer;
    private final HttpClient client;
    private final SnapshotFetcher snapshots;
    private final Backoff backoff;
    private volatile long generation;
    private boolean stopped;
    private volatile long connections;

    private BinanceFeed(BinanceFeedOptions options, SymbolMap pins, Consumer<String> log) {
        this.options = options;
        this.log = log;
        BusLayout layout = new BusLayout(options.busRoot(), options.busRoot().resolve("archive"));
        MarketRegistry registry = MarketRegistry.open(options.busRoot());
        long[] marketIds = new long[options.symbols().size()];
        int venueId = 0;
        for (int i = 0; i < marketIds.length; i++) {
            MarketIds.Ids ids = registry.assign(options.venue(), options.symbols().get(i), pins);
            venueId = ids.venueId();
            marketIds[i] = ids.marketId();
        }
        this.queuePath = layout.rawStream(options.venue());
        this.discovery = new Discovery(layout);
        this.queue = ChronicleQueue.open(queuePath, QueueOptions.hotIpc());
        this.writer = queue.createWriter();
        this.lease = discovery.publishWriter(queuePath, "feed-binance");
        lease.markReady();
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.snapshots = new SnapshotFetcher(client, marketIds.length,
                i -> options.snapshotUrl(options.symbols().get(i)), options.timing().snapshotRetry(),
                this::onSnapshot, log);
        this.normalizer = new BinanceNormalizer(writer, options.symbols(), venueId, marketIds, snapshots::want);
        this.backoff = new Backoff(options.timing().reconnectMin(), options.timing().reconnectMax());
    }

    /**
     * Registers the symbols and opens the raw queue.
     *
     * @param options what to read and where to write.
     * @param pins    ids pinned for names registered for the first time ({@link SymbolMap#NONE} for none).
     * @param log     status lines (connections, gaps, failures).
     * @return the feed, not yet connected.
     */
    public static BinanceFeed open(BinanceFeedOptions options, SymbolMap pins, Consumer<String> log) {
        return new BinanceFeed(options, pins, log);
    }

    /** @return the raw queue the feed appends to. */
    public Path queuePath() {
        return queuePath;
    }

    /** @return the normalizer, for its counters. */
    public BinanceNormalizer normalizer() {
        return normalizer;
    }

    /** @return whether every book is in step with the venue (read under the feed's lock). */
    public boolean synced() {
        return locked(normalizer::allSynced);
    }

    /** @return records appended so far, gap markers included (read under the feed's lock). */
    public long appended() {
        return locked(normalizer::appended);
    }

    private <T> T locked(java.util.function.Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /** @return the connections opened so far. */
    public long connections() {
        return connections;
    }

    /**
     * Runs until {@code running} turns false.
     *
     * @param running polled every few milliseconds.
     */
    public void run(BooleanSupplier running) {
        Timing t = new Timing(options.timing());
        WebSocket socket = null;
        Connection connection = null;
        long connectedAt = 0;
        long lastPing = 0;
        while (running.getAsBoolean()) {
            if (socket == null) {
                connection = new Connection(this::onMessage, clock);
                socket = connect(connection);
                if (socket == null) {
                    sleep(backoff.nextWaitNanos(), running);
                    continue;
                }
                connectedAt = clock.monotonicNanos();
                lastPing = connectedAt;
            }
            long now = clock.monotonicNanos();
            String lost = null;
            if (connection.closed().isDone()) {
                lost = connection.closed().join();
            } else if (now - connection.lastArrivalNanos() > t.idle) {
                lost = "nothing received for " + options.timing().idleTimeout().toMillis() + " ms";
            } else if (now - connectedAt > t.maxAge) {
                lost = "replaced before Binance's 24-hour limit";
            }
            if (lost != null) {
                socket.abort();
                socket = null;
                lostConnection(lost);
                sleep(backoff.nextWaitNanos(), running);
                continue;
            }
            if (connection.messages() > 0) {
                backoff.reset();
            }
            if (now - lastPing > t.ping) {
                socket.sendPing(ByteBuffer.allocate(0));
                lastPing = now;
            }
            snapshots.due(generation, now);
            LockSupport.parkNanos(2_000_000);
        }
        lock.lock();
        try {
            stopped = true; // a message in hand was appended and committed before the lock was ours
        } finally {
            lock.unlock();
        }
        if (socket != null) {
            socket.abort();
        }
    }

    private WebSocket connect(Connection connection) {
        lock.lock();
        try {
            generation++;
            snapshots.clear();
        } finally {
            lock.unlock();
        }
        try {
            WebSocket socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(options.streamUrl(), connection).get(20, TimeUnit.SECONDS);
            connections++;
            log.accept("feed-binance: connected to " + options.wsUrl() + " (" + options.symbols().size()
                    + " symbols); fetching snapshots from " + options.restUrl());
            lock.lock();
            try {
                normalizer.startBooks(clock.epochNanos());
            } finally {
                lock.unlock();
            }
            return socket;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            log.accept("feed-binance: cannot connect to " + options.wsUrl() + ": " + cause + "; retrying after "
                    + "back-off (" + (backoff.failures() + 1) + " failures in a row)");
            return null;
        }
    }

    private void lostConnection(String why) {
        long before;
        lock.lock();
        try {
            generation++;
            snapshots.clear();
            before = normalizer.gaps();
            normalizer.connectionLost(clock.epochNanos(), why);
        } finally {
            lock.unlock();
        }
        log.accept("feed-binance: connection lost (" + why + "); " + (normalizer.gaps() - before)
                + " RECONNECT gap markers; reconnecting");
    }

    private void onMessage(byte[] json, int length, long receiveNanos) {
        lock.lock();
        try {
            if (!stopped) {
                if (normalizer.onMessage(json, length, receiveNanos) == BinanceNormalizer.BAD) {
                    log.accept("feed-binance: bad message skipped: " + normalizer.lastProblem());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void onSnapshot(int symbol, long requestGeneration, byte[] body) {
        lock.lock();
        try {
            if (stopped || requestGeneration != generation) {
                return; // an answer for a connection that is gone
            }
            if (normalizer.onSnapshot(symbol, body, body.length, clock.epochNanos()) == BinanceNormalizer.BAD) {
                log.accept("feed-binance: bad snapshot: " + normalizer.lastProblem() + "; asking again");
                snapshots.want(symbol);
            }
        } finally {
            lock.unlock();
        }
    }

    private void sleep(long nanos, BooleanSupplier running) {
        long until = clock.monotonicNanos() + nanos;
        while (running.getAsBoolean() && clock.monotonicNanos() < until) {
            LockSupport.parkNanos(Math.min(5_000_000, until - clock.monotonicNanos()));
        }
    }

    /** Closes the queue (the feed must have stopped running). */
    @Override
    public void close() {
        lock.lock();
        try {
            stopped = true;
            writer.close();
            queue.close();
            lease.close();
            discovery.close();
        } finally {
            lock.unlock();
        }
        client.close();
    }

    /** The timing options in nanoseconds. */
    private record Timing(long idle, long maxAge, long ping) {
        Timing(BinanceFeedOptions.Timing t) {
            this(t.idleTimeout().toNanos(), t.maxConnectionAge().toNanos(), t.pingInterval().toNanos());
        }
    }
}
