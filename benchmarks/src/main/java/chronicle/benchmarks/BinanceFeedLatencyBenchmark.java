package chronicle.benchmarks;

import chronicle.bus.api.SymbolMap;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.feed.binance.api.BinanceFeed;
import chronicle.feed.binance.api.BinanceFeedOptions;
import chronicle.feed.binance.api.BinanceMarket;
import chronicle.feed.binance.api.TestWebSocketServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The live Binance feed on loopback: a websocket server in this JVM sends one trade frame (a {@code trade} message of
 * the captured format) and the benchmark waits until a reader of the feed's raw queue sees the committed record. One
 * operation is that round trip: the server's write, loopback TCP, the JDK websocket's read and hand-over, parsing,
 * normalizing, the append and commit, and the reader's poll. It bounds from above the time from a frame's arrival on
 * the socket to its committed record; run with {@code SampleTime} (the default here) for p50 and p99. Trades are used
 * because they are appended as they come (depth diffs take the same path once the book is in step).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS})
public class BinanceFeedLatencyBenchmark {

    @State(Scope.Benchmark)
    public static class Loopback {
        Path dir;
        TestWebSocketServer server;
        final CompletableFuture<TestWebSocketServer.Peer> peer = new CompletableFuture<>();
        BinanceFeed feed;
        Thread runner;
        volatile boolean running = true;
        ChronicleQueue queue;
        QueueReader reader;
        long tradeId;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = BenchDirs.create("binance-latency-");
            server = new TestWebSocketServer(0, p -> {
                peer.complete(p);
                while (!p.closed) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            BinanceFeedOptions options = new BinanceFeedOptions(BinanceMarket.SPOT, List.of("NKNUSDT"), null, dir,
                    URI.create(server.url()), URI.create("http://127.0.0.1:1"),
                    new BinanceFeedOptions.Timing(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(30),
                            Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofHours(1)));
            feed = BinanceFeed.open(options, SymbolMap.NONE, line -> { });
            runner = Thread.ofPlatform().name("binance-feed").start(() -> feed.run(() -> running));
            peer.get(10, TimeUnit.SECONDS);
            queue = ChronicleQueue.openExisting(feed.queuePath());
            reader = queue.createReader(new StartPosition.Latest());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            running = false;
            runner.join();
            reader.close();
            queue.close();
            feed.close();
            server.close();
            BenchDirs.delete(dir);
        }
    }

    /**
     * @param loopback the server, the feed and the reader.
     * @return the records seen (1).
     */
    @Benchmark
    public int frameToCommittedRecord(Loopback loopback) throws IOException {
        long id = ++loopback.tradeId;
        loopback.peer.join().send("{\"stream\":\"nknusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1633998512068,"
                + "\"s\":\"NKNUSDT\",\"t\":" + id + ",\"p\":\"0.35130000\",\"q\":\"61.00000000\",\"T\":1633998512067,"
                + "\"m\":true,\"M\":true}}");
        int seen;
        while ((seen = loopback.reader.poll((type, sequence, timestamp, buffer, offset, length) -> { }, 1)) == 0) {
            Thread.onSpinWait();
        }
        return seen;
    }
}
