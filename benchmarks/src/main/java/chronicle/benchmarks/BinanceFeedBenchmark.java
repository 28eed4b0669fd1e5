package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.feed.binance.api.BinanceNormalizer;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live Binance feed's hot path: one captured depth message in, parsed ({@code BinanceMessageParser}), checked by
 * the synchronisation rules ({@code BookSync}), normalized into an {@code L2_DIFF} record and appended to a raw queue
 * ({@link BinanceNormalizer#onMessage}). One operation is one message (ops/s = messages/s on one core); run with
 * {@code -prof gc} for the bytes allocated per message ({@code gc.alloc.rate.norm}).
 *
 * <p>The messages are the NKNUSDT depth diffs of the spot capture in the Binance import plug-in's test resources
 * ({@code -Dbench.binance.capture=<file>}, default {@code plugins/import-binance/src/test/resources/binance/BINANCE.ws.1.0}
 * from the project root), their levels as captured, their update ids rewritten at set-up to chain without end, so
 * every message is applied and appended (none is held or dropped as stale). When the {@value #MESSAGES} prepared
 * messages are used up, the book is resynchronised with an empty snapshot at the first message's {@code U - 1} (one
 * operation in {@value #MESSAGES} does that too).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS})
public class BinanceFeedBenchmark {

    static final int MESSAGES = 1 << 16;
    static final long FIRST_ID = 100_000_000_000L;
    private static final Pattern DEPTH = Pattern.compile(
            "\\{\"stream\":\"nknusdt@depth@100ms\",\"data\":\\{\"e\":\"depthUpdate\",\"E\":(\\d+),\"s\":\"NKNUSDT\","
                    + "\"U\":(\\d+),\"u\":(\\d+),(\"b\":.*)$");

    @State(Scope.Thread)
    public static class Feed {
        Path dir;
        ChronicleQueue queue;
        QueueWriter writer;
        BinanceNormalizer normalizer;
        byte[][] messages;
        byte[] snapshot;
        int next;
        long receiveNanos;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Path capture = Path.of(System.getProperty("bench.binance.capture",
                    "plugins/import-binance/src/test/resources/binance/BINANCE.ws.1.0"));
            if (!Files.isRegularFile(capture)) {
                throw new IllegalStateException("no Binance capture at " + capture.toAbsolutePath()
                        + ": run from the project root or pass -Dbench.binance.capture=<BINANCE.ws.1.0>");
            }
            messages = chained(capture);
            snapshot = ("{\"lastUpdateId\":" + (FIRST_ID - 1) + ",\"bids\":[],\"asks\":[]}")
                    .getBytes(StandardCharsets.US_ASCII);
            dir = BenchDirs.create("binance-feed-");
            queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(QueueOptions.MAX_SEGMENT_SIZE));
            writer = queue.createWriter();
            normalizer = new BinanceNormalizer(writer, List.of("NKNUSDT"), 1, new long[] {1}, symbol -> { });
            resynchronise();
        }

        void resynchronise() {
            normalizer.startBooks(receiveNanos);
            normalizer.onSnapshot(0, snapshot, snapshot.length, receiveNanos);
            next = 0;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (normalizer.badMessages() > 0 || normalizer.failures() > 0) {
                throw new IllegalStateException("bad messages " + normalizer.badMessages() + ", failed appends "
                        + normalizer.failures() + ": " + normalizer.lastProblem());
            }
            writer.close();
            queue.close();
            BenchDirs.delete(dir);
        }
    }

    /**
     * @param capture the websocket capture.
     * @return its NKNUSDT diffs, cycled to {@value #MESSAGES} messages whose update ids chain from FIRST_ID.
     */
    public static byte[][] chained(Path capture) throws IOException {
        List<String[]> diffs = new ArrayList<>();
        for (String line : Files.readAllLines(capture)) {
            int brace = line.indexOf('{');
            Matcher m = brace < 0 ? null : DEPTH.matcher(line.substring(brace));
            if (m != null && m.matches()) {
                long span = Long.parseLong(m.group(3)) - Long.parseLong(m.group(2));
                diffs.add(new String[] {m.group(1), Long.toString(span), m.group(4)});
            }
        }
        if (diffs.isEmpty()) {
            throw new IllegalStateException(capture + " holds no NKNUSDT depth diffs");
        }
        byte[][] out = new byte[MESSAGES][];
        long id = FIRST_ID;
        for (int i = 0; i < MESSAGES; i++) {
            String[] d = diffs.get(i % diffs.size());
            long last = id + Long.parseLong(d[1]);
            out[i] = ("{\"stream\":\"nknusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + d[0]
                    + ",\"s\":\"NKNUSDT\",\"U\":" + id + ",\"u\":" + last + "," + d[2])
                    .getBytes(StandardCharsets.US_ASCII);
            id = last + 1;
        }
        return out;
    }

    /**
     * @param feed the normalizer and its messages.
     * @return the status ({@link BinanceNormalizer#APPENDED}).
     */
    @Benchmark
    public int parseNormalizeAppend(Feed feed) {
        if (feed.next == MESSAGES) {
            feed.resynchronise();
        }
        byte[] message = feed.messages[feed.next++];
        return feed.normalizer.onMessage(message, message.length, feed.receiveNanos += 1_000);
    }
}
