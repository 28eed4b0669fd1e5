package chronicle.framework.api;

import chronicle.bus.api.BusLayout;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGTERM to a live application's JVM: the current event finishes, onStop is called, the queues are closed. */
@Timeout(90)
class LiveSignalTest {

    @TempDir
    Path bus;

    @Test
    void shouldStopCleanlyOnSigtermWithOnStopCalled() throws Exception {
        Path marker = bus.resolve("marker.txt");
        try (DemoMarket market = new DemoMarket(bus, 1_000)) {
            market.live();
            Process child = start(LiveChild.class, bus.toString(), marker.toString());
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertEquals("running", out.readLine(), "the child's strategy starts");
                LiveAppTest.waitFor("a book in the child", () -> lines(marker).contains("book"));
                child.destroy(); // SIGTERM on Linux
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child exits after SIGTERM");
            } finally {
                child.destroyForcibly();
            }
            List<String> lines = lines(marker);
            assertEquals(3, lines.size(), lines.toString());
            assertEquals(List.of("start", "book"), lines.subList(0, 2));
            assertTrue(lines.get(2).matches("stop [1-9][0-9]*"), "onStop ran after books: " + lines);
            BusLayout layout = new BusLayout(bus, bus);
            assertEquals(Heartbeat.State.STOPPED, Heartbeat.read(layout.strategyHeartbeat("child")).state());
            try (ChronicleQueue orders = ChronicleQueue.openExisting(layout.strategyOrders("child"));
                 QueueWriter writer = orders.createWriter()) {
                assertTrue(writer.isEmpty(), "the orders queue was closed and its lock released");
            }
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A child JVM running a main class of these tests, patched into chronicle.framework as surefire runs them. */
    static Process start(Class<?> main, String... args) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "--enable-native-access=chronicle.core,chronicle.framework",
                "--add-exports", "java.base/jdk.internal.misc=org.agrona",
                "--module-path", System.getProperty("jdk.module.path"),
                "--patch-module", "chronicle.framework=" + testClasses(),
                "-m", "chronicle.framework/" + main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String testClasses() {
        try {
            return Path.of(LiveSignalTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
