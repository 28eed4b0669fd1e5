package chronicle.feed.binance.api;

import chronicle.bus.api.SymbolMap;

import java.nio.file.Path;

/**
 * A feed in a child JVM, for the kill test: {@code <bus-root> <ws-url> <rest-url>}. Prints {@code SYNCED} once its
 * book is in step and it has appended some records, then runs until it is killed.
 */
public final class FeedChild {

    private FeedChild() {
    }

    /** @param args bus root, websocket base, REST base. */
    public static void main(String[] args) throws InterruptedException {
        BinanceFeed feed = BinanceFeed.open(FeedRun.options(Path.of(args[0]), args[1], args[2]), SymbolMap.NONE,
                line -> { });
        Thread.ofPlatform().daemon().start(() -> {
            try {
                while (!(feed.synced() && feed.appended() > 50)) {
                    Thread.sleep(5);
                }
                System.out.println("SYNCED");
                System.out.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        feed.run(() -> true);
    }
}
