package chronicle.feed.binance.api;

import chronicle.bus.api.MarketRegistry;
import chronicle.bus.api.SymbolMap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs a feed of the fake's symbol in this JVM until the fake has replayed its capture and the book is in step. */
final class FeedRun {

    /** Test timing: quick back-off, frequent pings, no wait between snapshot requests. */
    static final BinanceFeedOptions.Timing FAST = new BinanceFeedOptions.Timing(Duration.ofMillis(20),
            Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofHours(1), Duration.ZERO);

    final List<String> log = new CopyOnWriteArrayList<>();
    long connections;
    Path queue;
    long marketId;

    static BinanceFeedOptions options(Path busRoot, String wsUrl, String restUrl) {
        return new BinanceFeedOptions(BinanceMarket.SPOT, List.of(FakeBinance.SYMBOL.toLowerCase()), null, busRoot,
                URI.create(wsUrl), URI.create(restUrl), FAST);
    }

    /** Waits until the fake replayed everything, the book is in step and nothing was appended for 300 ms. */
    private static void awaitReplayedAndSynced(BinanceFeed feed, FakeBinance fake) throws InterruptedException {
        long stableSince = System.nanoTime();
        long last = -1;
        while (true) {
            Thread.sleep(20);
            long appended = feed.appended();
            if (appended != last || !fake.replayed() || !feed.synced()) {
                last = appended;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > 300_000_000L) {
                return;
            }
        }
    }

    /**
     * @param busRoot the bus root.
     * @param fake    the venue.
     * @return the run, after the feed stopped and closed its queue.
     */
    static FeedRun run(Path busRoot, FakeBinance fake) throws InterruptedException {
        FeedRun out = new FeedRun();
        try (BinanceFeed feed = BinanceFeed.open(options(busRoot, fake.wsUrl(), fake.restUrl()), SymbolMap.NONE,
                out.log::add)) {
            Thread runner = Thread.ofPlatform().name("feed-under-test").start(() -> feed.run(() ->
                    !Thread.currentThread().isInterrupted()));
            try {
                awaitReplayedAndSynced(feed, fake);
            } finally {
                runner.interrupt();
                runner.join();
            }
            out.connections = feed.connections();
            out.queue = feed.queuePath();
        }
        out.marketId = MarketRegistry.open(busRoot).resolve("binance", FakeBinance.SYMBOL).marketId();
        return out;
    }
}
