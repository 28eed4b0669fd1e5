package chronicle.feed.binance.api;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binance on 127.0.0.1 for tests: a websocket server that replays the websocket capture of the Binance import
 * plug-in's test resources (every frame, every symbol, as it was captured), and a REST server whose depth snapshot of
 * the replayed symbol is the book at the frames sent so far (the capture's own snapshot, with the diffs sent since
 * applied), as Binance's would be. Faults: refused first connections, one dropped depth frame (the venue's book has
 * it, the feed never sees it), a connection dropped mid-stream (the next connection goes on with the next frame), a
 * stale first snapshot (its lastUpdateId far behind the stream).
 */
final class FakeBinance implements AutoCloseable {

    /** The capture, from the import plug-in's test resources. */
    static final Path CAPTURE = Path.of("../../plugins/import-binance/src/test/resources/binance");
    static final String SYMBOL = "NKNUSDT";

    /**
     * @param refuseFirst     connections refused before one is accepted.
     * @param dropDepthFrame  which of the symbol's depth frames sent after the first snapshot was served is never
     *                        sent (0: the first), or -1.
     * @param disconnectAfter after how many frames sent after the first snapshot was served the connection drops
     *                        (once), or -1.
     * @param staleSnapshot   whether the first snapshot is stale.
     */
    record Faults(int refuseFirst, int dropDepthFrame, int disconnectAfter, boolean staleSnapshot) {
        static final Faults NONE = new Faults(0, -1, -1, false);
    }

    private static final Pattern DEPTH = Pattern.compile("\"stream\":\"nknusdt@depth@100ms\".*\"U\":(\\d+),\"u\":(\\d+),"
            + "\"b\":(\\[.*?\\]\\]|\\[\\]),\"a\":(\\[.*?\\]\\]|\\[\\])");
    private static final Pattern LEVEL = Pattern.compile("\\[\"([0-9.]+)\",\"([0-9.]+)\"\\]");

    /** The frame before which the replay waits until the first snapshot was asked for (a slow start of the feed). */
    private static final int WAIT_FOR_SNAPSHOT_AT = 60;

    private final List<String> frames = new ArrayList<>();
    private final Faults faults;
    private final TreeMap<BigDecimal, String> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, String> asks = new TreeMap<>();
    private long lastUpdateId;
    private int next;
    /** frames and the symbol's depth frames sent after the first snapshot was served. */
    private int framesAfterSnapshot;
    private int depthAfterSnapshot;
    private boolean disconnected;
    final AtomicInteger snapshotRequests = new AtomicInteger();
    final AtomicInteger pongs = new AtomicInteger();
    private final TestWebSocketServer ws;
    private final HttpServer rest;

    FakeBinance(Faults faults) throws IOException {
        this.faults = faults;
        for (String line : Files.readAllLines(CAPTURE.resolve("BINANCE.ws.1.0"))) {
            int brace = line.indexOf('{');
            if (brace > 0 && !line.contains(" <-> ")) {
                frames.add(line.substring(brace));
            }
        }
        for (String line : Files.readAllLines(CAPTURE.resolve("BINANCE.http.0.0"))) {
            if (line.contains("symbol=" + SYMBOL + "&")) {
                String json = line.substring(line.indexOf('{'));
                Matcher id = Pattern.compile("\"lastUpdateId\":(\\d+)").matcher(json);
                id.find();
                lastUpdateId = Long.parseLong(id.group(1));
                int asksAt = json.indexOf("\"asks\"");
                levels(json.substring(0, asksAt), bids);
                levels(json.substring(asksAt), asks);
            }
        }
        this.ws = new TestWebSocketServer(faults.refuseFirst(), this::replay);
        this.rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/api/v3/depth", exchange -> {
            byte[] body = snapshot(exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        rest.start();
    }

    String wsUrl() {
        return ws.url();
    }

    String restUrl() {
        return "http://127.0.0.1:" + rest.getAddress().getPort();
    }

    int attempts() {
        return ws.attempts.get();
    }

    /** @return whether every frame was sent. */
    synchronized boolean replayed() {
        return next == frames.size();
    }

    private void replay(TestWebSocketServer.Peer peer) {
        while (!peer.closed) {
            if (next == WAIT_FOR_SNAPSHOT_AT) {
                awaitFirstSnapshotRequest(); // so that the faults come after the feed has its book
            }
            synchronized (this) {
                if (next == frames.size()) {
                    break;
                }
                String frame = frames.get(next++);
                Matcher depth = DEPTH.matcher(frame);
                boolean isDepth = depth.find();
                boolean served = snapshotRequests.get() > 0;
                boolean drop = served && isDepth && depthAfterSnapshot++ == faults.dropDepthFrame();
                if (!drop && !peer.send(frame)) {
                    next--; // not sent: the next connection sends it
                    break;
                }
                if (isDepth && Long.parseLong(depth.group(2)) > lastUpdateId) {
                    levels(depth.group(3), bids);
                    levels(depth.group(4), asks);
                    lastUpdateId = Long.parseLong(depth.group(2));
                }
                if (served && ++framesAfterSnapshot == faults.disconnectAfter() && !disconnected) {
                    disconnected = true;
                    peer.drop();
                    return;
                }
            }
            sleepMillis(1);
        }
        while (!peer.closed) { // idle: ping, as Binance does, and count the pongs
            peer.ping();
            sleepMillis(50);
            pongs.set(peer.pongs.get());
        }
    }

    private void awaitFirstSnapshotRequest() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (snapshotRequests.get() == 0 && System.nanoTime() < deadline) {
            sleepMillis(1);
        }
    }

    private synchronized String snapshot(String query) {
        if (!query.contains("symbol=" + SYMBOL)) {
            return "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}";
        }
        boolean stale = faults.staleSnapshot() && snapshotRequests.get() == 0;
        snapshotRequests.incrementAndGet();
        StringBuilder json = new StringBuilder("{\"lastUpdateId\":").append(stale ? lastUpdateId - 1000 : lastUpdateId);
        side(json.append(",\"bids\":["), bids);
        side(json.append("],\"asks\":["), asks);
        return json.append("]}").toString();
    }

    private static void side(StringBuilder json, Map<BigDecimal, String> levels) {
        boolean first = true;
        for (Map.Entry<BigDecimal, String> level : levels.entrySet()) {
            json.append(first ? "" : ",").append("[\"").append(level.getKey().toPlainString()).append("\",\"")
                    .append(level.getValue()).append("\"]");
            first = false;
        }
    }

    private static void levels(String json, TreeMap<BigDecimal, String> side) {
        Matcher level = LEVEL.matcher(json);
        while (level.find()) {
            BigDecimal price = new BigDecimal(level.group(1));
            if (new BigDecimal(level.group(2)).signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, level.group(2));
            }
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    @Override
    public void close() throws IOException {
        ws.close();
        rest.stop(0);
    }
}
