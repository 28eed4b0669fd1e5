package chronicle.etl.api;

import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.QueueException;
import chronicle.core.api.RecordSource;
import chronicle.etl.api.RawFixture.Row;
import chronicle.protocol.api.MessageType;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.WarmStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refinery on a raw multiplexed queue of three demo markets: clean streams per market and stream with injected
 * snapshots, gap markers, the same books at any T as the raw queue, and one writer per clean queue.
 */
@Timeout(120)
class RefineryTest {

    /** 10 ms between raw events: 3000 events span 30 s. */
    private static final long STEP = 10_000_000L;

    @TempDir
    Path dir;
    long[] ids;
    Path raw;
    Path sink;

    /** The named demo markets registered; the raw queue and the clean root of each test. */
    @BeforeEach
    void registerMarkets() {
        ids = RawFixture.register(dir);
        raw = RawFixture.rawQueue(dir);
        sink = dir.resolve("clean");
    }

    private Refinery.Stats refine(Duration interval, List<String> symbols) {
        RefineryConfig config = new RefineryConfig(raw, sink, symbols, interval,
                RefineryConfig.readerNameFor(symbols));
        try (Refinery refinery = Refinery.open(config)) {
            refinery.run(() -> true, true, 0);
            return refinery.stats();
        }
    }

    @Test
    void shouldWriteCleanStreamsHoldingSnapshotsThatWereNotInTheRawQueueEachFollowedByDiffs() {
        RawFixture.write(raw, ids, 3000, STEP, Integer.MAX_VALUE, i -> false);
        Refinery.Stats stats = refine(Duration.ofSeconds(1), List.of());

        List<Row> rawRows = RawFixture.read(raw);
        assertEquals(rawRows.size(), stats.read());
        assertEquals(rawRows.size(), stats.written(), "every raw record written once");
        List<Long> cleanRaw = new ArrayList<>();
        for (String symbol : RawFixture.SYMBOLS) {
            List<Row> book = RawFixture.read(RawFixture.clean(sink, symbol, "book"));
            List<Row> trades = RawFixture.read(RawFixture.clean(sink, symbol, "trades"));
            assertFalse(trades.isEmpty(), symbol + " trades");
            assertTrue(trades.stream().allMatch(r -> r.type() == MessageType.TRADE.id()), "trades only");
            List<Row> injected = book.stream().filter(Row::injected).toList();
            assertTrue(injected.size() >= 25, symbol + ": a snapshot a second over 30 s: " + injected.size());
            assertTrue(injected.stream().allMatch(r -> r.type() == MessageType.L2_SNAPSHOT.id()));
            for (int i = 0; i < book.size() - 1; i++) {
                if (book.get(i).injected()) {
                    assertEquals(MessageType.L2_DIFF.id(), book.get(i + 1).type(), "a diff follows a snapshot");
                }
            }
            long previous = -1;
            for (Row r : book) {
                long rawSequence = r.header().sequence();
                assertTrue(rawSequence >= previous, symbol + ": raw order kept");
                previous = rawSequence;
                if (!r.injected()) {
                    cleanRaw.add(rawSequence);
                }
            }
            trades.forEach(r -> cleanRaw.add(r.header().sequence()));
        }
        cleanRaw.sort(null);
        assertEquals(rawRows.stream().map(Row::sequence).toList(), cleanRaw, "each raw event once");
        long rawSnapshots = rawRows.stream().filter(r -> r.type() == MessageType.L2_SNAPSHOT.id()).count();
        assertEquals(RawFixture.SYMBOLS.size(), rawSnapshots, "the raw queue holds only the first snapshots");
    }

    @Test
    void aRawGapShouldWriteAGapMarkerAndTheBookResumeOnlyAtTheVenuesNextSnapshot() {
        // A venue snapshot of each market every 400 of its events; event 600 (a diff) is lost.
        RawFixture.write(raw, ids, 3000, STEP, 400, i -> i == 600);
        Refinery.Stats stats = refine(Duration.ofMillis(500), List.of());
        assertTrue(stats.gapMarkers() >= 1, "a gap marker: " + stats);

        boolean sawGap = false;
        for (String symbol : RawFixture.SYMBOLS) {
            List<Row> book = RawFixture.read(RawFixture.clean(sink, symbol, "book"));
            boolean waiting = false;
            for (Row r : book) {
                if (r.type() == MessageType.GAP.id()) {
                    waiting = true;
                    sawGap = true;
                } else if (r.type() == MessageType.L2_SNAPSHOT.id() && !r.injected()) {
                    waiting = false;
                } else if (waiting) {
                    assertFalse(r.injected(), symbol + ": no snapshot of a book waiting for the venue's");
                }
            }
            assertFalse(waiting && book.getLast().type() == MessageType.GAP.id(), "records follow the gap");
        }
        assertTrue(sawGap, "one market's clean book holds the gap marker");
    }

    @Test
    void theBookAt200RandomTimesFromTheCleanStreamsShouldEqualTheBookFromTheRawQueue() {
        RawFixture.write(raw, ids, 6000, STEP, Integer.MAX_VALUE, i -> false);
        refine(Duration.ofSeconds(1), List.of());
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200; i++) {
            long at = RawFixture.START + 10 * STEP + random.nextLong(6000 * STEP);
            for (int s = 0; s < RawFixture.SYMBOLS.size(); s++) {
                WarmStart.Result fromRaw = WarmStart.bookAt(raw, null, n -> null, (int) ids[0], ids[s + 1], at,
                        GapPolicy.FAIL, 0, null);
                WarmStart.Result fromClean = WarmStart.bookAt(RecordSource.Opener.ofQueue(
                                RawFixture.clean(sink, RawFixture.SYMBOLS.get(s), "book")), null, n -> null,
                        (int) ids[0], ids[s + 1], at, GapPolicy.FAIL, 0, null);
                assertNotNull(fromClean.book(), "a book at " + at);
                assertEquals(fromRaw.book().hash(), fromClean.book().hash(), RawFixture.SYMBOLS.get(s) + " at " + at);
                assertEquals(fromRaw.book().lastUpdateId(), fromClean.book().lastUpdateId());
            }
        }
    }

    @Test
    void refineriesOfDisjointSymbolGroupsShareARawQueueAndAnOverlapFailsWithOneLine() {
        RawFixture.write(raw, ids, 1500, STEP, Integer.MAX_VALUE, i -> false);
        Refinery.Stats btc = refine(Duration.ofSeconds(1), List.of("BTC*"));
        Refinery.Stats others = refine(Duration.ofSeconds(1), List.of("ETH-*", "S?L-USD"));
        assertEquals(btc.read(), others.read(), "each reads the whole raw queue");
        assertEquals(btc.read(), btc.written() + btc.skipped());
        assertEquals(btc.skipped(), others.written(), "together they write every record once");
        assertTrue(Files.isDirectory(RawFixture.clean(sink, "BTC-USD", "book")));
        assertTrue(Files.isDirectory(RawFixture.clean(sink, "SOL-USD", "book")));

        RawFixture.write(raw, ids, 1500, 300, STEP, Integer.MAX_VALUE, i -> false);
        try (Refinery first = Refinery.open(new RefineryConfig(raw, sink, List.of("BTC*"), Duration.ofSeconds(1),
                RefineryConfig.readerNameFor(List.of("BTC*"))));
             Refinery second = Refinery.open(new RefineryConfig(raw, sink, List.of("B*"), Duration.ofSeconds(1),
                     "overlapping"))) {
            first.run(() -> true, true, 0); // holds the BTC-USD queues from now on
            RawFixture.write(raw, ids, 1800, 300, STEP, Integer.MAX_VALUE, i -> false);
            QueueException e = assertThrows(QueueException.class, () -> second.run(() -> true, true, 0));
            assertTrue(e.getMessage().contains("BTC-USD") && e.getMessage().contains("one refinery"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }

    /** The sink answers to the raw root's names of the markets a refinery takes, and to no others, from its open. */
    @Test
    void theSinksRegistryShouldNameTheTakenMarketsWithTheRawIdsFromTheOpen() {
        RawFixture.write(raw, ids, 300, STEP, Integer.MAX_VALUE, i -> false);
        MarketRegistry rawNames = MarketRegistry.forQueue(raw);
        try (Refinery refinery = Refinery.open(new RefineryConfig(raw, sink, List.of("BTC*", "ETH*"),
                Duration.ofSeconds(1), "named"))) {
            MarketRegistry atOpen = MarketRegistry.open(sink);
            assertEquals(Set.of("demo/BTC-USD", "demo/ETH-USD"), atOpen.markets().keySet(), "before any record");
            for (String symbol : List.of("BTC-USD", "ETH-USD")) {
                assertEquals(rawNames.resolve("demo", symbol), atOpen.resolve("demo", symbol), symbol);
            }
            refinery.run(() -> true, true, 0);
        }
        assertEquals(Set.of("demo/BTC-USD", "demo/ETH-USD"), MarketRegistry.open(sink).markets().keySet(),
                "SOL-USD, not taken, is not named there");
    }

    @Test
    void aSecondRunShouldWriteNothingTwice() {
        RawFixture.write(raw, ids, 1000, STEP, Integer.MAX_VALUE, i -> false);
        refine(Duration.ofSeconds(1), List.of());
        List<Row> before = RawFixture.read(RawFixture.clean(sink, "ETH-USD", "book"));
        Refinery.Stats again = refine(Duration.ofSeconds(1), List.of());
        assertEquals(0, again.read(), "the committed position is the tail");
        assertEquals(before.size(), RawFixture.read(RawFixture.clean(sink, "ETH-USD", "book")).size());
    }

    @Test
    void aRestartShouldBeginEachBookQueueWithASnapshotOfTheBookRebuiltFromTheQueue() {
        RawFixture.write(raw, ids, 900, STEP, Integer.MAX_VALUE, i -> false);
        refine(Duration.ofHours(1), List.of());
        List<Integer> before = new ArrayList<>();
        for (String symbol : RawFixture.SYMBOLS) {
            before.add(RawFixture.read(RawFixture.clean(sink, symbol, "book")).size());
        }
        RawFixture.write(raw, ids, 900, 900, STEP, Integer.MAX_VALUE, i -> false);
        refine(Duration.ofHours(1), List.of());
        for (int s = 0; s < RawFixture.SYMBOLS.size(); s++) {
            List<Row> book = RawFixture.read(RawFixture.clean(sink, RawFixture.SYMBOLS.get(s), "book"));
            Row first = book.get(before.get(s));
            assertTrue(first.injected() && first.type() == MessageType.L2_SNAPSHOT.id(),
                    "the second run's first record is a snapshot");
            assertTrue(book.subList(before.get(s) + 1, book.size()).stream().noneMatch(Row::injected),
                    "no other snapshot within the hour");
        }
    }
}
