package chronicle.framework.api;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.protocol.api.SyntheticMarket;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes the demo feed's synthetic market (venue {@code demo}, symbols {@code BTC-USD} and {@code ETH-USD},
 * registered in the bus root's registry) to {@code <bus>/live/market_data/queue/demo_feed}, as
 * {@code chronicle feed} does: a backlog at once, then, on a background thread, an event every 200 us until closed.
 */
final class DemoMarket implements AutoCloseable {

    static final String VENUE = "demo";
    static final String SYMBOL = "BTC-USD";

    private final ChronicleQueue queue;
    private final QueueWriter writerOfBacklog;
    private final SyntheticMarket market;
    private final Path path;
    private volatile boolean running = true;
    private Thread thread;

    DemoMarket(Path bus, int backlog) {
        MarketRegistry registry = MarketRegistry.open(bus);
        MarketIds.Ids btc = registry.assign(VENUE, SYMBOL);
        MarketIds.Ids eth = registry.assign(VENUE, "ETH-USD");
        market = new SyntheticMarket(btc.venueId(), new long[] {btc.marketId(), eth.marketId()}, 200, 7);
        path = new BusLayout(bus, bus.resolve("archive")).liveQueue("market_data", "demo_feed");
        queue = ChronicleQueue.open(path, QueueOptions.hotIpc().withSegmentSize(4 * 1024 * 1024));
        writerOfBacklog = queue.createWriter();
        for (int i = 0; i < backlog; i++) {
            write(writerOfBacklog);
        }
    }

    private void write(QueueWriter writer) {
        long now = System.currentTimeMillis() * 1_000_000L;
        writer.claim(SyntheticMarket.maxLength(), now);
        int length = market.next(writer.claimBuffer(), 0, now);
        writer.commit(market.lastType(), now, length);
    }

    /** @return the queue's directory. */
    Path path() {
        return path;
    }

    /** Keeps writing on a background thread (the writer moves to it). */
    DemoMarket live() {
        thread = Thread.ofPlatform().name("demo-market").start(() -> {
            while (running) {
                write(writerOfBacklog);
                LockSupport.parkNanos(200_000);
            }
        });
        return this;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writerOfBacklog.close();
        queue.close();
    }
}
