package chronicle.framework.api;

import chronicle.bus.api.BusLayout;
import chronicle.core.api.ThreadAffinity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pinning the strategy thread: a core that does not exist is one line at start, not a crash. */
@Timeout(60)
@SuppressWarnings("try") // resources held open for the test body: a market, a router, an application
class PinningTest {

    @TempDir
    Path bus;

    @Test
    void shouldRefuseToStartOnACoreThatDoesNotExistWithOneLine() throws Exception {
        try (DemoMarket market = new DemoMarket(bus, 300)) {
            ChronicleApp app = ChronicleApp.builder("pinned").bus(bus).subscribe(DemoMarket.VENUE, DemoMarket.SYMBOL)
                    .strategy(new OneOrderStrategy()).pinToCore(1000).stopOnSignals(false).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, app::start);
            assertTrue(e.getMessage().startsWith("application pinned cannot start: cannot pin thread "
                    + "'chronicle-app-pinned' to CPU(s) [1000]: not online or not allowed to this process (allowed: "),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertTrue(app.awaitStopped(Duration.ofSeconds(1)), "nothing keeps running");

            int core = ThreadAffinity.allowedCpus()[0];
            OneOrderStrategy strategy = new OneOrderStrategy();
            try (ChronicleApp again = ChronicleApp.builder("pinned").bus(bus).subscribe(DemoMarket.VENUE,
                    DemoMarket.SYMBOL).strategy(strategy).pinToCore(core).stopOnSignals(false).build().start()) {
                assertTrue(again.awaitRunning(Duration.ofSeconds(20)), "the failed start left no lock behind");
                assertEquals(core, Heartbeat.read(new BusLayout(bus, bus).strategyHeartbeat("pinned")).core());
            }
        }
    }

    @Test
    void shouldNameAnUnknownMarketInOneLine() throws Exception {
        try (DemoMarket market = new DemoMarket(bus, 10)) {
            ChronicleApp app = ChronicleApp.builder("x").bus(bus).subscribe(DemoMarket.VENUE, "NOPE-USD")
                    .strategy(new OneOrderStrategy()).stopOnSignals(false).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, app::start);
            assertTrue(e.getMessage().startsWith("application x cannot start: ") && e.getMessage().contains("NOPE-USD"),
                    e.getMessage());
        }
    }
}
