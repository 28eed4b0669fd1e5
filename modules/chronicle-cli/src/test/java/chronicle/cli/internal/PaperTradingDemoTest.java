package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.framework.api.Heartbeat;
import chronicle.protocol.api.ExecutionReport;
import chronicle.protocol.api.OrderCodes;
import chronicle.protocol.api.OrderMessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paper trading against the demo feed, every part its own process as a user would start them: {@code chronicle
 * feed}, {@code chronicle router --venue paper --market-queue demo_feed} and the two example strategies through
 * {@code chronicle live}, unchanged. Their orders go out, are accepted by the simulated exchange, and fills and
 * cancels come back; on SIGTERM each stops cleanly (its last line, heartbeat {@code STOPPED}).
 */
@Timeout(240)
class PaperTradingDemoTest {

    @TempDir
    Path dir;

    /** What came back to one strategy. */
    private record Counts(long orders, long accepted, long fills, long cancels) {
    }

    @Test
    void shouldPaperTradeBothExampleStrategiesAgainstTheDemoFeedAndStopCleanly() throws Exception {
        Path bus = dir.resolve("bus");
        BusLayout layout = new BusLayout(bus, bus.resolve("archive"));
        List<Process> processes = new ArrayList<>();
        try {
            Process feed = cli(processes, dir.resolve("feed.out"), "feed", "--bus-root", bus.toString(),
                    "--symbols", "2", "--rate", "2000", "--duration", "200s");
            awaitLine(dir.resolve("feed.out"), "feed: writing", feed);
            Process router = cli(processes, dir.resolve("router.out"), "router", "--bus", bus.toString(),
                    "--strategies", "market-maker,spread", "--venue", "paper", "--market-queue", "demo_feed",
                    "--latency", "100us", "--queue-model", "power:2", "--maker-fee", "-0.0001", "--taker-fee",
                    "0.0004");
            Process maker = cli(processes, dir.resolve("mm.out"), "live", "--bus", bus.toString(), "--venue", "demo",
                    "--symbol", "BTC-USD", "--strategy", "market-maker", "--param", "half-spread=0",
                    "--param", "requote=100ms");
            Process spread = cli(processes, dir.resolve("spread.out"), "live", "--bus", bus.toString(), "--venue",
                    "demo", "--symbol", "ETH-USD", "--strategy", "spread", "--param", "min-spread=0");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            Counts mm;
            Counts sp;
            do {
                Thread.sleep(500);
                mm = counts(layout, "market-maker");
                sp = counts(layout, "spread");
                for (Process p : processes) {
                    assertTrue(p.isAlive(), () -> "a process ended early: " + outputs());
                }
            } while (System.nanoTime() < deadline && !(traded(mm) && traded(sp) && mm.fills() + sp.fills() > 0));
            assertTrue(traded(mm), "market-maker: orders sent, accepted, filled or cancelled: " + mm + outputs());
            assertTrue(traded(sp), "spread: orders sent, accepted, filled or cancelled: " + sp + outputs());
            assertTrue(mm.fills() + sp.fills() > 0, "fills came back: " + mm + " " + sp + outputs());

            for (Process p : List.of(maker, spread, router, feed)) {
                p.destroy(); // SIGTERM
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM: " + outputs());
                assertEquals(128 + 15, p.exitValue(), "the JVM's status after SIGTERM" + outputs());
            }
            assertTrue(Files.readString(dir.resolve("mm.out")).contains("live: market-maker stopped"), outputs());
            assertTrue(Files.readString(dir.resolve("spread.out")).contains("live: spread stopped"), outputs());
            assertTrue(Files.readString(dir.resolve("router.out")).contains("router: stopped"), outputs());
            for (String app : List.of("market-maker", "spread")) {
                assertEquals(Heartbeat.State.STOPPED, Heartbeat.read(layout.strategyHeartbeat(app)).state(), app);
            }
        } finally {
            for (Process p : processes) {
                p.destroyForcibly();
            }
        }
    }

    private static boolean traded(Counts c) {
        return c.orders() > 0 && c.accepted() > 0 && c.fills() + c.cancels() > 0;
    }

    private static Counts counts(BusLayout layout, String app) {
        Path orders = layout.strategyOrders(app);
        Path responses = layout.strategyResponses(app);
        if (!ChronicleQueue.isQueue(orders) || !ChronicleQueue.isQueue(responses)) {
            return new Counts(0, 0, 0, 0);
        }
        long[] sent = new long[1];
        long[] events = new long[8];
        ExecutionReport report = new ExecutionReport();
        try (ChronicleQueue q = ChronicleQueue.openExisting(orders);
             QueueReader r = q.createReader(StartPosition.earliest())) {
            while (r.poll((type, seq, ts, buf, off, len) -> {
                if (type == OrderMessageType.NEW_ORDER.id()) {
                    sent[0]++;
                }
            }, 1024) > 0) {
                // count them all
            }
        }
        try (ChronicleQueue q = ChronicleQueue.openExisting(responses);
             QueueReader r = q.createReader(StartPosition.earliest())) {
            while (r.poll((type, seq, ts, buf, off, len) -> {
                if (type == OrderMessageType.EXECUTION_REPORT.id()) {
                    events[report.wrap(buf, off).eventCode() & 7]++;
                }
            }, 1024) > 0) {
                // count them all
            }
        }
        return new Counts(sent[0], events[OrderCodes.EVENT_ACCEPTED],
                events[OrderCodes.EVENT_FILLED] + events[OrderCodes.EVENT_PARTIALLY_FILLED],
                events[OrderCodes.EVENT_CANCELLED]);
    }

    /** Starts {@code chronicle ARGS} in a child JVM, its output (both streams) into a file. */
    private static Process cli(List<Process> started, Path out, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=chronicle.core,chronicle.framework",
                "--add-exports", "java.base/jdk.internal.misc=org.agrona",
                "--module-path", System.getProperty("jdk.module.path"), "--add-modules", "ALL-MODULE-PATH",
                "-m", "chronicle.cli/chronicle.cli.internal.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        started.add(p);
        return p;
    }

    private static void awaitLine(Path file, String start, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(start)) {
                return;
            }
            assertTrue(p.isAlive(), () -> "ended early: " + read(file));
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + start + "' in " + read(file));
    }

    private String outputs() {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("feed.out", "router.out", "mm.out", "spread.out")) {
            all.append("\n--- ").append(name).append('\n').append(tail(read(dir.resolve(name))));
        }
        return all.toString();
    }

    private static String tail(String text) {
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }

    private static String read(Path file) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            return String.join("\n", in.lines().toList());
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
