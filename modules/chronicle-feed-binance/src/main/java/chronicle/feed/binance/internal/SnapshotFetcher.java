package chronicle.feed.binance.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Fetches REST depth snapshots: a symbol asked for is fetched by the feed's loop ({@link #due(long)}), at most once
 * per retry interval per symbol (REST weight), and asked for again if the reply fails. The reply reaches the feed
 * through a callback on the client's thread. Thread-safe: requests come from the normalizer's lock, fetches from the
 * feed's loop.
 */
public final class SnapshotFetcher {

    /** Receives a reply. */
    @FunctionalInterface
    public interface Reply {
        /**
         * @param symbol     the symbol's index.
         * @param generation the connection the request was made for.
         * @param body       the reply's bytes.
         */
        void accept(int symbol, long generation, byte[] body);
    }

    private final HttpClient client;
    private final IntFunction<URI> urls;
    private final long retryNanos;
    private final Reply reply;
    private final Consumer<String> log;
    private final boolean[] wanted;
    private final long[] lastRequestNanos;

    /**
     * @param client     the HTTP client.
     * @param symbols    how many symbols.
     * @param urls       a symbol's snapshot URL.
     * @param retry      the shortest time between two requests of one symbol.
     * @param reply      where replies go.
     * @param log        status lines.
     */
    public SnapshotFetcher(HttpClient client, int symbols, IntFunction<URI> urls, Duration retry, Reply reply,
                           Consumer<String> log) {
        this.client = client;
        this.urls = urls;
        this.retryNanos = retry.toNanos();
        this.reply = reply;
        this.log = log;
        this.wanted = new boolean[symbols];
        this.lastRequestNanos = new long[symbols];
        java.util.Arrays.fill(lastRequestNanos, Long.MIN_VALUE / 2);
    }

    /** @param symbol a symbol whose snapshot is needed. */
    public synchronized void want(int symbol) {
        wanted[symbol] = true;
    }

    /** Forgets every request (a new connection asks again). */
    public synchronized void clear() {
        java.util.Arrays.fill(wanted, false);
    }

    /**
     * Sends the requests that are due.
     *
     * @param generation the current connection.
     * @param nowNanos   now, monotonic ns.
     */
    public void due(long generation, long nowNanos) {
        for (int i = 0; i < wanted.length; i++) {
            if (take(i, nowNanos)) {
                fetch(i, generation); // outside this object's lock: a reply may be handled on this thread
            }
        }
    }

    private synchronized boolean take(int symbol, long nowNanos) {
        if (wanted[symbol] && nowNanos - lastRequestNanos[symbol] >= retryNanos) {
            wanted[symbol] = false;
            lastRequestNanos[symbol] = nowNanos;
            return true;
        }
        return false;
    }

    private void fetch(int symbol, long generation) {
        URI url = urls.apply(symbol);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            if (error != null) {
                log.accept("snapshot " + url + " failed: " + error + "; asking again");
                want(symbol);
            } else if (response.statusCode() != 200) {
                log.accept("snapshot " + url + " answered HTTP " + response.statusCode() + "; asking again");
                want(symbol);
            } else {
                reply.accept(symbol, generation, response.body());
            }
        });
    }
}
