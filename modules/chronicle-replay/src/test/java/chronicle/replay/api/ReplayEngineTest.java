package chronicle.replay.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.SyntheticMarket;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ReplayEngineTest {

    @TempDir
    Path dir;

    /** Writes a synthetic market; drops the first L2 diff at or after event {@code skip} (a gap), -1 for none. */
    static Path synthetic(Path dir, int events, long skip) {
        Path queue = dir.resolve("q");
        SyntheticMarket market = new SyntheticMarket(1, 3, 500, 99);
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.hotIpc().withSegmentSize(1 << 20));
             QueueWriter writer = q.createWriter()) {
            for (int i = 0; i < events; i++) {
                long ts = 1_000_000_000L * 1_700_000_000L + i * 1_000_000L;
                int length = market.next(scratch, 0, ts);
                if (skip >= 0 && i >= skip && market.lastType() == MessageType.L2_DIFF.id()) {
                    skip = -1; // lost
                    continue;
                }
                writer.append(market.lastType(), ts, scratch, 0, length);
            }
        }
        return queue;
    }

    static List<Long> hashes(Path queue, ReplayEngine engine) {
        List<Long> hashes = new ArrayList<>();
        engine.listener((book, type, sequence) -> hashes.add(book.hash() * 31 + sequence));
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            while (reader.poll(engine, 1000) > 0) {
                // replay everything
            }
        }
        return hashes;
    }

    @Test
    void shouldGiveTheSameBookHashAtEverySequenceWhenReplayedTwice() {
        Path queue = synthetic(dir, 60_000, -1);
        List<Long> first = hashes(queue, new ReplayEngine(GapPolicy.FAIL, 0));
        List<Long> second = hashes(queue, new ReplayEngine(GapPolicy.FAIL, 0));
        assertTrue(first.size() > 50_000, "book events applied: " + first.size());
        assertEquals(first, second);
    }

    @Test
    void shouldBuildBooksThatAgreeWithTheFeedsOwnSnapshots() {
        Path queue = synthetic(dir, 30_000, -1);
        ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0);
        long[] checked = {0};
        long[] hashBefore = {0};
        // Before each snapshot is applied, the book built from diffs must already equal it.
        engine.listener((book, type, sequence) -> {
            if (type == MessageType.L2_SNAPSHOT && hashBefore[0] != 0) {
                assertEquals(hashBefore[0], book.hash(), "snapshot at " + sequence + " equals the replayed book");
                checked[0]++;
            }
        });
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            EventHeader header = new EventHeader();
            while (reader.poll((type, seq, ts, buffer, offset, length) -> {
                header.wrap(buffer, offset);
                MarketBook book = engine.book(header.venueId(), header.marketId());
                hashBefore[0] = book == null ? 0 : book.hash();
                engine.onRecord(type, seq, ts, buffer, offset, length);
            }, 1000) > 0) {
                // replay
            }
        }
        assertTrue(checked[0] > 20, "snapshots checked: " + checked[0]);
        MarketBook book = engine.book(1, 1);
        assertEquals(SyntheticMarket.DEPTH, book.levels().depth(Side.BID));
        assertTrue(book.levels().price(Side.BID, 0) < book.levels().price(Side.ASK, 0), "not crossed");
    }

    @Test
    void shouldApplyTheGapPolicy() {
        // Drop one event: a later diff of its market does not chain.
        Path queue = synthetic(dir, 5_000, 2_000);
        ReplayException e = assertThrows(ReplayException.class, () -> hashes(queue, new ReplayEngine(GapPolicy.FAIL, 0)));
        assertTrue(e.getMessage().startsWith("gap in venue 1 market "), e.getMessage());

        ReplayEngine reset = new ReplayEngine(GapPolicy.RESET_AND_WAIT, 0);
        List<String> gaps = new ArrayList<>();
        reset.listener(new ReplayEngine.Listener() {
            @Override
            public void onApplied(MarketBook book, MessageType type, long sequence) {
            }

            @Override
            public void onGap(MarketBook book, long sequence, String reason) {
                gaps.add(book.marketId() + ":" + reason);
            }
        });
        hashes(queue, reset);
        assertEquals(1, gaps.size(), gaps.toString());
        assertEquals(1, reset.gaps());
        reset.books().forEach(b -> assertFalse(b.awaitingSnapshot(), "a later snapshot restored market " + b.marketId()));

        ReplayEngine flagged = new ReplayEngine(GapPolicy.CONTINUE_FLAGGED, 0);
        hashes(queue, flagged);
        assertEquals(1, flagged.gaps());
    }
}
