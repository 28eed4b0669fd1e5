package chronicle.replay.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An L3 record marked {@link EventType#SNAPSHOT} is a snapshot to the replay engine, as an L2 snapshot is: after a
 * gap it rebuilds the book, replacing whatever the book held, and the updates that follow it are applied.
 */
@Timeout(60)
class L3SnapshotRecordTest {

    private static final int VENUE = 3;
    private static final long MARKET = 5;
    private static final long START = 1_795_305_600_000_000_000L;

    @TempDir
    Path dir;

    /** One L3_EVENTS record of the market, built event by event. */
    private static final class L3Record {
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        private final L3Events events = new L3Events();
        private int count;

        L3Record(EventType type, long updateId) {
            new EventHeader().wrapForWrite(buffer, 0).venueId(VENUE).marketId(MARKET).stream(StreamKind.BOOK)
                    .eventType(type).bookMode(BookMode.L3).priceExponent(-2).sizeExponent(0)
                    .firstUpdateId(updateId).lastUpdateId(updateId);
            events.wrap(buffer, EventHeader.LENGTH);
        }

        L3Record event(L3Action action, Side side, long orderId, long price, long size) {
            events.event(count++, action, side, orderId, price, size, 0);
            return this;
        }

        L3Record add(long orderId, Side side, long price, long size) {
            return event(L3Action.ADD, side, orderId, price, size);
        }
    }

    /** Writes the records to a queue, one millisecond apart, and replays them into the engine. */
    private ReplayEngine replay(ReplayEngine engine, L3Record... records) {
        Path queue = dir.resolve("q");
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = q.createWriter()) {
            for (int i = 0; i < records.length; i++) {
                L3Record r = records[i];
                r.events.count(r.count);
                writer.append(MessageType.L3_EVENTS.id(), START + i * 1_000_000L, r.buffer, 0,
                        EventHeader.LENGTH + L3Events.length(r.count));
            }
        }
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            while (reader.poll(engine, 100) > 0) {
                // replay everything
            }
        }
        return engine;
    }

    private static long[] queue(L3Book book, Side side, int level) {
        long[] ids = new long[book.ordersAt(side, level)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = book.orderAt(side, level, i);
        }
        return ids;
    }

    @Test
    void shouldRebuildTheBookFromAnL3SnapshotAfterAGapAndApplyTheUpdatesThatFollow() {
        List<Long> appliedAt = new ArrayList<>();
        ReplayEngine engine = new ReplayEngine(GapPolicy.RESET_AND_WAIT, 0)
                .listener((book, type, sequence) -> appliedAt.add(sequence));
        replay(engine,
                new L3Record(EventType.SNAPSHOT, 10).event(L3Action.CLEAR, Side.UNKNOWN, 0, 0, 0)
                        .add(1, Side.BID, 100, 10).add(2, Side.BID, 100, 20).add(3, Side.ASK, 101, 5),
                new L3Record(EventType.DIFF, 11).add(4, Side.BID, 99, 7),
                new L3Record(EventType.DIFF, 13).add(5, Side.ASK, 102, 1), // 12 is lost: a gap
                new L3Record(EventType.DIFF, 14).event(L3Action.DELETE, Side.BID, 1, 0, 0), // waits for a snapshot
                new L3Record(EventType.SNAPSHOT, 20).event(L3Action.CLEAR, Side.UNKNOWN, 0, 0, 0)
                        .add(7, Side.BID, 100, 30).add(8, Side.BID, 100, 40).add(9, Side.BID, 98, 1)
                        .add(10, Side.ASK, 103, 2).add(11, Side.ASK, 103, 3),
                new L3Record(EventType.DIFF, 21).event(L3Action.EXECUTE_VISIBLE, Side.BID, 7, 0, 30)
                        .event(L3Action.MODIFY, Side.ASK, 10, 103, 5), // a size increase: behind 11
                new L3Record(EventType.DIFF, 22).add(12, Side.BID, 100, 6));

        assertEquals(1, engine.gaps());
        assertEquals(List.of(0L, 1L, 4L, 5L, 6L), appliedAt, "the snapshot and the updates after it are applied");
        MarketBook book = engine.book(VENUE, MARKET);
        assertFalse(book.awaitingSnapshot(), "the L3 snapshot ended the wait");
        assertFalse(book.afterGap());
        assertEquals(22, book.lastUpdateId());
        assertEquals(6, book.lastSequence());
        L3Book l3 = book.l3();
        assertEquals(5, l3.orderCount());
        assertEquals(2, l3.depth(Side.BID));
        assertArrayEquals(new long[] {8, 12}, queue(l3, Side.BID, 0));
        assertEquals(46, l3.size(Side.BID, 0));
        assertArrayEquals(new long[] {9}, queue(l3, Side.BID, 1));
        assertEquals(1, l3.depth(Side.ASK));
        assertArrayEquals(new long[] {11, 10}, queue(l3, Side.ASK, 0));
        assertEquals(8, l3.size(Side.ASK, 0));

        L3Book expected = new L3Book();
        expected.add(8, Side.BID, 100, 40);
        expected.add(12, Side.BID, 100, 6);
        expected.add(9, Side.BID, 98, 1);
        expected.add(11, Side.ASK, 103, 3);
        expected.add(10, Side.ASK, 103, 5);
        assertEquals(expected.hash(), book.hash());
    }

    @Test
    void shouldReplaceTheFlaggedBookWithAnL3SnapshotEvenWithoutAClearEvent() {
        ReplayEngine engine = replay(new ReplayEngine(GapPolicy.CONTINUE_FLAGGED, 0),
                new L3Record(EventType.SNAPSHOT, 10).add(1, Side.BID, 100, 10).add(3, Side.ASK, 101, 5),
                new L3Record(EventType.DIFF, 12).add(4, Side.BID, 99, 7), // 11 is lost: applied, flagged
                new L3Record(EventType.SNAPSHOT, 20).add(7, Side.BID, 100, 30).add(3, Side.ASK, 101, 5),
                new L3Record(EventType.DIFF, 21).event(L3Action.CANCEL, Side.ASK, 3, 0, 2));

        assertEquals(1, engine.gaps());
        MarketBook book = engine.book(VENUE, MARKET);
        assertFalse(book.afterGap(), "the snapshot ended the flagged state");
        L3Book l3 = book.l3();
        assertFalse(l3.contains(1), "an order the snapshot does not hold is gone");
        assertFalse(l3.contains(4), "an order added after the gap is gone");
        assertTrue(l3.contains(7));
        assertEquals(2, l3.orderCount());
        assertEquals(1, l3.depth(Side.BID));
        assertEquals(30, l3.size(Side.BID, 0));
        assertEquals(3, l3.orderSize(3), "the snapshot's order took the update");
    }
}
