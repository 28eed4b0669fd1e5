package chronicle.feed.binance.api;

import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed against Binance on 127.0.0.1 replaying the import plug-in's spot capture, with and without faults: the
 * queue holds the books the import makes of the same capture after every event, each fault gives exactly one gap
 * marker and one resynchronisation, and nothing after the fault is lost.
 */
@Timeout(30)
class BinanceFeedTest {

    @TempDir
    Path dir;

    private record Outcome(FeedRun run, Books feed, FakeBinance fake) {
    }

    private Outcome run(FakeBinance.Faults faults) throws IOException, InterruptedException {
        try (FakeBinance fake = new FakeBinance(faults)) {
            FeedRun run = FeedRun.run(dir, fake);
            return new Outcome(run, Books.ofQueue(run.queue, run.marketId), fake);
        }
    }

    /**
     * Every diff record's book equals the import's book after the diff with the same {@code u}; every snapshot's
     * book the import's at its lastUpdateId (but {@code staleSnapshots} of them, which the import never saw); after
     * the last resynchronisation every diff of the import is in the queue, and the books end equal.
     */
    private static void assertSameBooksAsImport(Books feed, int staleSnapshots) throws IOException {
        Books imported = Books.ofImport("book");
        Map<Long, String> expected = imported.byUpdateId();
        int unmatched = 0;
        for (Books.BookRecord record : feed.books) {
            String book = expected.get(record.updateId());
            if (record.type() == MessageType.L2_SNAPSHOT && book == null) {
                unmatched++;
                continue;
            }
            assertNotNull(book, "the import has a book at update id " + record.updateId());
            assertEquals(book, record.book(), "the book after " + record.type() + " " + record.updateId());
        }
        assertEquals(staleSnapshots, unmatched, "snapshots the import never saw");
        long lastSnapshot = feed.books.stream().filter(r -> r.type() == MessageType.L2_SNAPSHOT)
                .mapToLong(Books.BookRecord::updateId).max().orElseThrow();
        List<Long> importDiffs = imported.books.stream().filter(r -> r.type() == MessageType.L2_DIFF)
                .map(Books.BookRecord::updateId).filter(u -> u > lastSnapshot).toList();
        List<Long> feedDiffs = feed.books.stream().filter(r -> r.type() == MessageType.L2_DIFF)
                .map(Books.BookRecord::updateId).filter(u -> u > lastSnapshot).toList();
        assertFalse(importDiffs.isEmpty(), "diffs after the last snapshot");
        assertEquals(importDiffs, feedDiffs, "every diff after the last resynchronisation, in order");
        assertEquals(imported.books.getLast().book(), feed.books.getLast().book(), "the final book");
    }

    private static void assertTradesAndQuotesAsImport(Books feed) throws IOException {
        assertEquals(Books.ofImport("trades").trades, feed.trades, "trades");
        assertEquals(Books.ofImport("quotes").quotes, feed.quotes, "book tickers");
    }

    /** @return the gap marker, after checking it is the only one and a snapshot is the next book record. */
    private static Books.GapRecord assertOneGapThenSnapshot(Books feed, GapReason reason) {
        assertEquals(1, feed.gaps.size(), "gap markers: " + feed.gaps);
        Books.GapRecord gap = feed.gaps.getFirst();
        assertEquals(reason, gap.reason());
        int at = feed.all.indexOf(gap);
        Books.BookRecord next = feed.all.subList(at, feed.all.size()).stream()
                .filter(o -> o instanceof Books.BookRecord).map(o -> (Books.BookRecord) o).findFirst().orElseThrow();
        assertEquals(MessageType.L2_SNAPSHOT, next.type(), "the book resumes with a snapshot");
        return gap;
    }

    @Test
    void shouldWriteWhatTheImportWritesWhenNothingGoesWrong() throws Exception {
        Outcome out = run(FakeBinance.Faults.NONE);
        assertTrue(out.feed().gaps.isEmpty(), "no gap markers: " + out.feed().gaps);
        assertEquals(MessageType.L2_SNAPSHOT, out.feed().books.getFirst().type(), "the book starts with a snapshot");
        assertEquals(1, out.feed().books.stream().filter(r -> r.type() == MessageType.L2_SNAPSHOT).count());
        assertSameBooksAsImport(out.feed(), 0);
        assertTradesAndQuotesAsImport(out.feed());
        assertEquals(1, out.run().connections);
        assertTrue(out.fake().pongs.get() > 0, "the feed answered the server's pings");
    }

    @Test
    void shouldResynchroniseOnceAfterADroppedFrame() throws Exception {
        Outcome out = run(new FakeBinance.Faults(0, 10, -1, false));
        Books.GapRecord gap = assertOneGapThenSnapshot(out.feed(), GapReason.SEQUENCE_BREAK);
        assertTrue(gap.toId() >= gap.fromId() && gap.fromId() > 0, "the missing update ids: " + gap);
        assertTrue(gap.note().startsWith("NKNUSDT: expected U="), gap.note());
        assertEquals(2, out.fake().snapshotRequests.get(), "one snapshot to start, one to resynchronise");
        assertSameBooksAsImport(out.feed(), 0);
        assertTradesAndQuotesAsImport(out.feed());
    }

    @Test
    void shouldReconnectAndResynchroniseOnceAfterADisconnect() throws Exception {
        Outcome out = run(new FakeBinance.Faults(0, -1, 40, false));
        assertEquals(2, out.run().connections, "one reconnect: " + out.run().log);
        Books.GapRecord gap = assertOneGapThenSnapshot(out.feed(), GapReason.RECONNECT);
        assertTrue(gap.note().contains("connection lost"), gap.note());
        assertEquals(2, out.run().connections, "one reconnect");
        assertEquals(2, out.fake().snapshotRequests.get());
        assertSameBooksAsImport(out.feed(), 0);
        assertTradesAndQuotesAsImport(out.feed());
    }

    @Test
    void shouldResynchroniseOnceAfterAStaleSnapshot() throws Exception {
        Outcome out = run(new FakeBinance.Faults(0, -1, -1, true));
        Books.GapRecord gap = assertOneGapThenSnapshot(out.feed(), GapReason.SEQUENCE_BREAK);
        assertTrue(gap.note().contains("does not bridge"), gap.note());
        assertEquals(2, out.fake().snapshotRequests.get());
        assertSameBooksAsImport(out.feed(), 1);
        assertTradesAndQuotesAsImport(out.feed());
    }

    @Test
    void shouldBackOffAndConnectAfterRefusedConnections() throws Exception {
        Outcome out = run(new FakeBinance.Faults(3, -1, -1, false));
        assertEquals(4, out.fake().attempts(), "three refused, the fourth accepted");
        assertTrue(out.run().log.stream().filter(l -> l.contains("cannot connect")).count() == 3, "" + out.run().log);
        assertTrue(out.feed().gaps.isEmpty(), "nothing was written before the connection: no gap");
        assertSameBooksAsImport(out.feed(), 0);
        assertTradesAndQuotesAsImport(out.feed());
    }
}
