package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chronicle-etl refine} on the demo feed's multiplexed queue: clean named streams that {@code chronicle book}
 * reads by name, starting from an injected snapshot; a second run writes nothing; bad input is one line.
 */
@Timeout(120)
class RefineCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefineTheDemoFeedIntoCleanStreamsThatBookReadsByName() throws Exception {
        Path bus = dir.resolve("bus");
        JournalFixture.Result feed = run("feed", "--bus-root", bus.toString(), "--symbols", "3", "--rate", "0",
                "--count", "3000");
        assertEquals(0, feed.code(), feed.err());
        Path raw = bus.resolve("live/market_data/queue/demo_feed");
        Path clean = dir.resolve("clean");

        JournalFixture.Result refine = JournalFixture.runEtl("refine", "--source", raw.toString(), "--sink", clean.toString(),
                "--once", "--snapshot-interval", "1ms");
        assertEquals(0, refine.code(), refine.err());
        assertTrue(refine.out().startsWith("refine: " + raw + " -> " + clean + " from raw sequence 0"), refine.out());
        assertTrue(refine.out().contains("read 3000 raw records: 3000 written, 0 already there"), refine.out());
        String day;
        try (var days = Files.list(clean.resolve("demo").resolve("BTC-USD"))) {
            List<Path> all = days.toList();
            assertEquals(1, all.size(), "one day of BTC-USD: " + all);
            day = all.getFirst().getFileName().toString();
        }

        JournalFixture.Result book = run("book", "--archive", clean.toString(), "--venue", "demo", "--symbol",
                "BTC-USD", "--at", day + "T23:59:59Z", "--depth", "3");
        assertEquals(0, book.code(), book.err());
        assertTrue(book.out().startsWith("book of demo BTC-USD at "), book.out());
        assertTrue(book.out().contains("warm start: snapshot record in the stream"), book.out());

        JournalFixture.Result again = JournalFixture.runEtl("refine", "--source", raw.toString(), "--sink", clean.toString(),
                "--once");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("read 0 raw records: 0 written"), again.out());
    }

    @Test
    void shouldRejectBadInputWithOneLineAndExitTwo() {
        JournalFixture.Result missing = JournalFixture.runEtl("refine", "--source", dir.resolve("nothing").toString(),
                "--sink", dir.resolve("clean").toString(), "--once");
        assertEquals(2, missing.code(), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("chronicle-etl refine: --source " + dir.resolve("nothing")
                + ": no queue there"), missing.err());
        assertFalse(Files.exists(dir.resolve("clean")), "nothing written");

        Path bus = dir.resolve("bus");
        assertEquals(0, run("feed", "--bus-root", bus.toString(), "--symbols", "1", "--rate", "0", "--count", "10")
                .code());
        JournalFixture.Result interval = JournalFixture.runEtl("refine", "--source",
                bus.resolve("live/market_data/queue/demo_feed").toString(), "--sink", dir.resolve("clean").toString(),
                "--snapshot-interval", "often");
        assertEquals(2, interval.code(), interval.err());
        assertEquals(1, interval.err().strip().lines().count(), interval.err());
        assertTrue(interval.err().startsWith("chronicle-etl refine: --snapshot-interval: "), interval.err());
    }
}
