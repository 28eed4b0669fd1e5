package chronicle.ingest.spi;

import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EventHeaderWriter} and {@link LevelBuffer}: what every adapter's records are made of. */
@Timeout(30)
class EventHeaderWriterTest {

    @Test
    void shouldWriteEveryHeaderFieldAndCountTheSequence() {
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        buffer.setMemory(0, 128, (byte) 0x55); // whatever the buffer held before
        EventHeaderWriter writer = new EventHeaderWriter(3, 17L, -8, -6);
        writer.begin(buffer, 0, StreamKind.BOOK, EventType.DIFF, BookMode.L2, 2000, 1000);
        EventHeader second = writer.begin(buffer, 64, StreamKind.TRADES, EventType.TRADE, BookMode.NONE, 4000, 3000);
        second.firstUpdateId(9);
        EventHeader h = new EventHeader().wrap(buffer, 0);
        assertEquals(EventHeader.SCHEMA_VERSION, h.version());
        assertEquals(3, h.venueId());
        assertEquals(17L, h.marketId());
        assertEquals(StreamKind.BOOK.code(), h.streamCode());
        assertEquals(EventType.DIFF.code(), h.eventCode());
        assertEquals(BookMode.L2.code(), h.bookModeCode());
        assertEquals(-8, h.priceExponent());
        assertEquals(-6, h.sizeExponent());
        assertEquals(0, h.flags());
        assertEquals(2000, h.ingestTimestamp());
        assertEquals(1000, h.exchangeTimestamp());
        assertEquals(0, h.sequence());
        assertEquals(EventHeader.NULL_ID, h.firstUpdateId());
        assertEquals(EventHeader.NULL_ID, h.prevUpdateId());
        EventHeader t = new EventHeader().wrap(buffer, 64);
        assertEquals(1, t.sequence());
        assertEquals(9, t.firstUpdateId());
        assertEquals(EventHeader.NULL_ID, t.lastUpdateId());
        assertEquals(2, writer.records());
    }

    @Test
    void shouldGatherLevelsAndWriteThemSkippingEmptyOnesForSnapshots() {
        LevelBuffer levels = new LevelBuffer();
        for (int i = 0; i < 100; i++) {
            levels.add(i % 2 == 0 ? Side.BID : Side.ASK, 1000 + i, i % 3);
        }
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(8);
        int all = levels.writeTo(buffer, 10, false);
        assertEquals(L2Levels.length(100), all);
        L2Levels written = new L2Levels().wrap(buffer, 10);
        assertEquals(100, written.count());
        assertEquals(1099, written.price(99));
        int nonEmpty = levels.writeTo(buffer, 10, true);
        assertEquals(L2Levels.length(66), nonEmpty);
        assertTrue(new L2Levels().wrap(buffer, 10).size(0) > 0);
        levels.clear();
        assertEquals(0, levels.count());
        for (int i = 0; i < LevelBuffer.MAX_LEVELS; i++) {
            levels.add(Side.BID, i, 1);
        }
        assertTrue(levels.isFull());
        assertThrows(IllegalStateException.class, () -> levels.add(Side.BID, 0, 1));
    }
}
