package chronicle.etl.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.etl.api.RawFixture.Row;
import chronicle.protocol.api.SyntheticMarket;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refinery in a child JVM, killed with SIGKILL 20 times while a feed writes the raw queue: at the end every clean
 * queue holds each raw event of its market exactly once, in order.
 */
class RefineryKillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void shouldKeepEveryRawEventExactlyOnceAcross20Kills() throws Exception {
        long[] ids = RawFixture.register(dir);
        Path raw = RawFixture.rawQueue(dir);
        Path sink = dir.resolve("clean");
        AtomicBoolean feeding = new AtomicBoolean(true);
        AtomicLong fed = new AtomicLong();
        Thread feed = Thread.ofPlatform().name("feed").start(() -> feed(raw, ids, feeding, fed));
        SplittableRandom random = new SplittableRandom(3);
        try {
            while (fed.get() == 0) {
                Thread.sleep(10);
            }
            for (int kill = 0; kill < 20; kill++) {
                Process child = start(raw, sink);
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals("ready", out.readLine(), "the child starts");
                Thread.sleep(50 + random.nextInt(400));
                child.destroyForcibly(); // SIGKILL
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
        } finally {
            feeding.set(false);
            feed.join();
        }
        try (Refinery last = Refinery.open(new RefineryConfig(raw, sink, List.of(), Duration.ofMillis(200),
                RefineryConfig.DEFAULT_READER))) {
            last.run(() -> true, true, 0);
        }

        List<Row> rawRows = RawFixture.read(raw);
        List<Long> written = new ArrayList<>();
        for (String symbol : RawFixture.SYMBOLS) {
            for (String stream : List.of("book", "trades")) {
                List<Row> clean = RawFixture.read(RawFixture.clean(sink, symbol, stream));
                long previous = -1;
                for (Row r : clean) {
                    if (r.injected()) {
                        continue;
                    }
                    long rawSequence = r.header().sequence();
                    assertTrue(rawSequence > previous, symbol + " " + stream + ": each raw event once, in order ("
                            + previous + " then " + rawSequence + ")");
                    previous = rawSequence;
                    written.add(rawSequence);
                }
            }
        }
        written.sort(null);
        assertEquals(rawRows.stream().map(Row::sequence).toList(), written,
                "the clean queues hold every raw event of " + rawRows.size() + " exactly once");
        System.out.println("[refinery kills] " + rawRows.size() + " raw events through 20 kills");
    }

    /** Writes the demo markets' events, about 20,000 a second, until told to stop. */
    private static void feed(Path raw, long[] ids, AtomicBoolean feeding, AtomicLong fed) {
        SyntheticMarket market = new SyntheticMarket((int) ids[0], Arrays.copyOfRange(ids, 1, ids.length), 500, 5);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue q = ChronicleQueue.open(raw, QueueOptions.archive().withSegmentSize(4 << 20));
             QueueWriter writer = q.createWriter()) {
            long now = RawFixture.START;
            while (feeding.get()) {
                for (int i = 0; i < 20; i++) {
                    now += 50_000;
                    int length = market.next(buffer, 0, now);
                    writer.append(market.lastType(), now, buffer, 0, length);
                    fed.incrementAndGet();
                }
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    private static Process start(Path raw, Path sink) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), RefineryChild.class.getName(), raw.toString(),
                sink.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
