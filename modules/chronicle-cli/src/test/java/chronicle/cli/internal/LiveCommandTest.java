package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chronicle live} and {@code chronicle router} on the command line: present, and bad input is one line.
 * (The live path itself runs through the image's launchers in runtime-image's LiveLaunchersIT.)
 */
@Timeout(60)
class LiveCommandTest {

    @TempDir
    Path bus;

    @Test
    void shouldListBothCommandsWithTheirOptions() {
        JournalFixture.Result live = JournalFixture.run("live", "--help");
        assertEquals(0, live.code());
        assertTrue(live.out().startsWith("Usage: chronicle live "), live.out());
        for (String option : new String[] {"--bus", "--venue", "--symbol", "--strategy", "--param", "--pin-core",
                "--app", "--group"}) {
            assertTrue(live.out().contains(option), option);
        }
        JournalFixture.Result router = JournalFixture.run("router", "--help");
        assertTrue(router.out().startsWith("Usage: chronicle router "), router.out());
        assertTrue(router.out().contains("--strategies") && router.out().contains("built in: reject"), router.out());
    }

    @Test
    void shouldNameAnUnknownStrategyInOneLine() {
        JournalFixture.Result r = JournalFixture.run("live", "--bus", bus.toString(), "--venue", "demo", "--symbol",
                "BTC-USD", "--strategy", "no-such-strategy");
        assertEquals(Main.FAILURE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("chronicle live: --strategy no-such-strategy: no such strategy (found: "),
                r.err());
    }

    @Test
    void shouldNameAnUnknownVenueAndAMissingStrategyListInOneLine() {
        JournalFixture.Result venue = JournalFixture.run("router", "--bus", bus.toString(), "--strategies", "a",
                "--venue", "paper-x");
        assertEquals(Main.FAILURE, venue.code());
        assertEquals("chronicle router: --venue paper-x: no such venue (built in: reject, paper)",
                venue.err().strip());

        JournalFixture.Result missing = JournalFixture.run("router", "--bus", bus.toString());
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().contains("Missing required option: '--strategies=A,B'"), missing.err());
    }
}
