package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chronicle router --venue paper} and {@code chronicle live --clock}: the options are listed, and each bad
 * one is refused with one line naming it and the fix, before anything runs.
 */
@Timeout(60)
class RouterPaperOptionsTest {

    @TempDir
    Path bus;

    @Test
    void shouldListThePaperVenueAndTheClockOptions() {
        JournalFixture.Result router = JournalFixture.run("router", "--help");
        assertEquals(0, router.code());
        for (String option : new String[] {"--market-queue", "--clock", "--latency", "--latency-entry",
            "--latency-response", "--queue-model", "--maker-fee", "--taker-fee", "--fee-basis", "paper"}) {
            assertTrue(router.out().contains(option), option + " in " + router.out());
        }
        JournalFixture.Result live = JournalFixture.run("live", "--help");
        assertTrue(live.out().contains("--clock") && live.out().contains("market"), live.out());
    }

    @Test
    void shouldRefuseAPaperVenueWithoutMarketDataInOneLine() {
        JournalFixture.Result missing = JournalFixture.run("router", "--bus", bus.toString(), "--strategies", "a",
                "--venue", "paper");
        assertEquals(Main.FAILURE, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("--venue paper needs --market-queue QUEUE"), missing.err());

        JournalFixture.Result absent = JournalFixture.run("router", "--bus", bus.toString(), "--strategies", "a",
                "--venue", "paper", "--market-queue", "demo_feed");
        assertEquals(Main.FAILURE, absent.code());
        assertEquals(1, absent.err().strip().lines().count(), absent.err());
        assertTrue(absent.err().contains("--market-queue " + bus.resolve("live/market_data/queue/demo_feed")
                + ": no such queue: start its feed first"), absent.err());
    }

    @Test
    void shouldRefuseOptionsThatDoNotFitInOneLine() {
        Path queue = new BusLayout(bus, bus.resolve("archive")).liveQueue("market_data", "demo_feed");
        ChronicleQueue.open(queue, QueueOptions.hotIpc()).close();

        JournalFixture.Result zero = JournalFixture.run("router", "--bus", bus.toString(), "--strategies", "a",
                "--venue", "paper", "--market-queue", "demo_feed", "--clock", "market");
        assertEquals(Main.FAILURE, zero.code());
        assertEquals(1, zero.err().strip().lines().count(), zero.err());
        assertTrue(zero.err().contains("--clock market needs a constant latency above zero in both directions"),
                zero.err());

        JournalFixture.Result recorded = JournalFixture.run("router", "--bus", bus.toString(), "--strategies", "a",
                "--venue", "paper", "--market-queue", queue.toString(), "--clock", "market", "--latency",
                "recorded");
        assertEquals(Main.FAILURE, recorded.code());
        assertTrue(recorded.err().contains("--clock market needs a constant latency"), recorded.err());

        JournalFixture.Result clock = JournalFixture.run("router", "--bus", bus.toString(), "--strategies", "a",
                "--venue", "paper", "--market-queue", "demo_feed", "--clock", "exchange");
        assertEquals(Main.USAGE, clock.code());
        assertTrue(clock.err().contains("--clock exchange: use wall or market"), clock.err());

        JournalFixture.Result reject = JournalFixture.run("router", "--bus", bus.toString(), "--strategies", "a",
                "--market-queue", "demo_feed");
        assertEquals(Main.USAGE, reject.code());
        assertTrue(reject.err().contains("--market-queue and --clock are for --venue paper, not --venue reject"),
                reject.err());

        JournalFixture.Result liveClock = JournalFixture.run("live", "--bus", bus.toString(), "--venue", "demo",
                "--symbol", "BTC-USD", "--strategy", "market-maker", "--clock", "later");
        assertEquals(Main.USAGE, liveClock.code());
        assertTrue(liveClock.err().contains("--clock later: use wall or market"), liveClock.err());
    }
}
