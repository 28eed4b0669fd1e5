package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Quote;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import chronicle.protocol.api.Trade;
import chronicle.replay.api.ReplayEngine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.List;

import static chronicle.plugin.importer.tardis.TardisRun.m;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** trades, quotes and book_snapshot_N files. */
@Timeout(60)
class FormatsTest {

    static final long T0 = 1_700_000_000_000_000L;

    @Test
    void shouldImportTrades() throws IOException {
        TardisRun out = TardisRun.run(TardisRun.sample("kraken_trades_XBT-USD.csv"), "trades", OnError.FAIL);
        assertEquals(3, out.records.size());
        long[][] expected = {
            {EventHeader.NULL_ID, m("100.5"), m("0.25"), Side.BID.code(), 1000},
            {12345, m("100.0"), m("1.5"), Side.ASK.code(), 2000},
            {EventHeader.NULL_ID, m("100.25"), 1, Side.UNKNOWN.code(), 3000},
        };
        for (int i = 0; i < expected.length; i++) {
            RecordingSink.Record rec = out.records.get(i);
            assertEquals(MessageType.TRADE.id(), rec.type());
            EventHeader h = rec.header();
            assertEquals(StreamKind.TRADES.code(), h.streamCode());
            assertEquals(EventType.TRADE.code(), h.eventCode());
            assertEquals(BookMode.NONE.code(), h.bookModeCode());
            assertEquals(i, h.sequence());
            assertEquals((T0 + expected[i][4]) * 1000, h.ingestTimestamp());
            assertEquals((T0 + expected[i][4] - 100) * 1000, h.exchangeTimestamp());
            assertEquals(h.ingestTimestamp(), rec.journalTimestamp());
            Trade t = new Trade().wrap(new UnsafeBuffer(rec.bytes()), EventHeader.LENGTH);
            assertEquals(expected[i][0], t.tradeId());
            assertEquals(expected[i][1], t.price());
            assertEquals(expected[i][2], t.size());
            assertEquals(expected[i][3], t.aggressorCode());
        }
    }

    @Test
    void shouldImportQuotes() throws IOException {
        TardisRun out = TardisRun.run(TardisRun.sample("kraken_quotes_XBT-USD.csv"), "quotes", OnError.FAIL);
        assertEquals(2, out.records.size());
        RecordingSink.Record first = out.records.get(0);
        assertEquals(MessageType.BBO.id(), first.type());
        assertEquals(StreamKind.QUOTES.code(), first.header().streamCode());
        assertEquals(EventType.QUOTE.code(), first.header().eventCode());
        Quote q = new Quote().wrap(new UnsafeBuffer(first.bytes()), EventHeader.LENGTH);
        assertEquals(List.of(m("100.0"), m("2"), m("100.5"), m("1.5")),
                List.of(q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize()));
        Quote q2 = new Quote().wrap(new UnsafeBuffer(out.records.get(1).bytes()), EventHeader.LENGTH);
        assertEquals(List.of(m("100.0"), m("2.5"), 0L, 0L),
                List.of(q2.bidPrice(), q2.bidSize(), q2.askPrice(), q2.askSize()), "an empty ask side is 0");
        assertEquals((T0 + 2000) * 1000, out.records.get(1).journalTimestamp());
    }

    @Test
    void shouldImportBookSnapshotsSkippingEmptyLevels() throws IOException {
        TardisRun out = TardisRun.run(TardisRun.sample("kraken_book_snapshot_5_XBT-USD.csv"), "book", OnError.FAIL);
        assertEquals(2, out.records.size());
        RecordingSink.Record first = out.records.get(0);
        assertEquals(MessageType.L2_SNAPSHOT.id(), first.type());
        assertEquals(EventType.SNAPSHOT.code(), first.header().eventCode());
        assertEquals(BookMode.L2.code(), first.header().bookModeCode());
        assertEquals(List.of("ask " + m("100.5") + " " + m("1.5"), "bid " + m("100.0") + " " + m("1"),
                "ask " + m("101") + " " + m("2"), "bid " + m("99.5") + " " + m("2"),
                "bid " + m("99.0") + " " + m("3")), first.levelList());
        assertEquals((T0 + 1000) * 1000, first.journalTimestamp());
        ReplayEngine engine = out.replay();
        assertEquals(List.of(m("99.8") + " " + m("1")), TardisRun.side(engine, Side.BID));
        assertEquals(List.of(m("100.1") + " " + m("2")), TardisRun.side(engine, Side.ASK));
    }
}
