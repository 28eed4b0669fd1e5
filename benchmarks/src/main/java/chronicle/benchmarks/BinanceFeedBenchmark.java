package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.feed.binance.api.BinanceNormalizer;
import chronicle.feed.binance.api.CapturedMessages;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live Binance feed's hot path: one captured depth message in, parsed ({@code BinanceMessageParser}), checked by
 * the synchronisation rules ({@code BookSync}), normalized into an {@code L2_DIFF} record and appended to a raw queue
 * ({@link BinanceNormalizer#onMessage}). One operation is one message (ops/s = messages/s on one core); run with
 * {@code -prof gc} for the bytes allocated per message ({@code gc.alloc.rate.norm}).
 *
 * <p>The messages are the NKNUSDT depth diffs of the spot capture in the Binance import plug-in's test resources
 * ({@code -Dbench.binance.capture=<file>}, default {@code plugins/import-binance/src/test/resources/binance/BINANCE.ws.1.0}
 * from the project root), their levels as captured, their update ids rewritten at set-up to chain without end
 * ({@link CapturedMessages#chained}, shared with the feed's allocation test), so every message is applied and
 * appended (none is held or dropped as stale). When the {@value #MESSAGES} prepared
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
            messages = CapturedMessages.chained(capture, MESSAGES);
            snapshot = CapturedMessages.snapshot();
            dir = BenchDirs.create("binance-feed-");
            queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(QueueOptions.MAX_SEGMENT_SIZE));
            writer = queue.createWriter();
            normalizer = new BinanceNormalizer(writer, List.of(CapturedMessages.SYMBOL), 1, new long[] {1},
                    symbol -> { });
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
