package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.replay.api.ReplayEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static chronicle.plugin.importer.tardis.TardisRun.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: {@code file:line: reason} under FAIL; skipped messages with BAD_INPUT gap markers under GAP. */
@Timeout(60)
class BadInputTest {

    static final String L2 = "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n";
    static final String SNAP = "kraken,XBT/USD,900,1000,true,bid,100,1\n"
            + "kraken,XBT/USD,900,1000,true,ask,101,1\n";

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kraken,XBT/USD,1900,2000,false,bid,10x.5,1|bad number '10x.5' in column price (a plain decimal with at"
                + " most 8 decimals expected)",
        "kraken,XBT/USD,1900,2000,false,bid,100.5,0.123456789|bad number '0.123456789' in column amount (a plain"
                + " decimal with at most 8 decimals expected)",
        "kraken,XBT/USD,1900,20z0,false,bid,100.5,1|bad number '20z0' in column local_timestamp (a plain decimal"
                + " with at most 8 decimals expected)",
        "kraken,XBT/USD,1900,2000,false,bid,100.5|missing column 'amount' (7 of 8 columns)",
        "kraken,XBT/USD,1900,999,false,bid,100.5,1|local_timestamp 999 is before the previous row's 1000 (time"
                + " goes backwards)",
        "kraken,XBT/USD,1900,2000,false,buy,100.5,1|unknown side 'buy' (expected bid or ask)",
        "kraken,XBT/USD,1900,2000,maybe,bid,100.5,1|bad is_snapshot 'maybe' (expected true or false)",
        "kraken,XBT/USD,1900,2000,false,bid,100.5,-1|negative amount '-1'",
    })
    void shouldFailWithFileLineAndReason(String row, String reason) throws IOException {
        Path file = write("bad.csv", L2 + SNAP + row + "\n");
        ImportException e = assertThrows(ImportException.class,
                () -> TardisRun.run(file, "book", OnError.FAIL));
        assertEquals(file + ":4: " + reason, e.getMessage());
        assertEquals(4, e.line());
        assertEquals(file, e.file());
    }

    @Test
    void shouldIgnoreBadRowsOfOtherSymbols() throws IOException {
        Path file = write("other.csv", L2 + SNAP + "kraken,ETH/USD,1900,5,false,buy,x,y\n");
        TardisRun out = TardisRun.run(file, "book", OnError.FAIL);
        assertEquals(1, out.records.size());
    }

    @Test
    void shouldSkipTheWholeMessageOfABadRowUnderGap() throws IOException {
        Path file = write("gap.csv", L2 + SNAP
                + "kraken,XBT/USD,1900,2000,false,bid,100.5,2\n"      // 4: message 2000 ...
                + "kraken,XBT/USD,1900,2000,false,bid,10x,1\n"        // 5: ... is bad
                + "kraken,XBT/USD,1900,2000,false,ask,101,0\n"        // 6
                + "kraken,XBT/USD,2900,3000,false,ask,102,5\n"        // 7: good
                + "kraken,XBT/USD,2400,2500,false,bid,98,1\n"         // 8: backwards
                + "kraken,XBT/USD,2400,2500,false,bid,97,1\n"         // 9: backwards, same message
                + "kraken,XBT/USD,3900,4000,false,bid,99,1\n");       // 10: good
        TardisRun out = TardisRun.run(file, "book", OnError.GAP);
        assertEquals(List.of(MessageType.L2_SNAPSHOT.id(), MessageType.L2_DIFF.id(), MessageType.L2_DIFF.id()),
                out.records.stream().map(RecordingSink.Record::type).toList());
        assertEquals(2, out.gaps.size());
        RecordingSink.GapCall first = out.gaps.get(0);
        assertEquals(2000L * 1000, first.journalTimestamp());
        assertEquals(EventHeader.NULL_ID, first.fromId());
        assertEquals(EventHeader.NULL_ID, first.toId());
        assertEquals(GapReason.BAD_INPUT, first.reason());
        assertEquals(file + ":5: bad number '10x' in column price (a plain decimal with at most 8 decimals"
                + " expected)", first.note());
        RecordingSink.GapCall second = out.gaps.get(1);
        assertEquals(3000L * 1000, second.journalTimestamp(), "a marker never moves time back");
        assertEquals(file + ":8: local_timestamp 2500 is before the previous row's 3000 (time goes backwards)",
                second.note());
        assertInstanceOf(RecordingSink.GapCall.class, out.all.get(1));
        assertInstanceOf(RecordingSink.GapCall.class, out.all.get(3));
        assertEquals(2, out.stats.badGroups);

        ReplayEngine engine = out.replay();
        assertEquals(List.of(m("100") + " " + m("1"), m("99") + " " + m("1")), TardisRun.side(engine, Side.BID));
        assertEquals(List.of(m("101") + " " + m("1"), m("102") + " " + m("5")), TardisRun.side(engine, Side.ASK));
    }

    @Test
    void shouldDropDiffsAfterABadSnapshotUntilTheNextUnderGap() throws IOException {
        Path file = write("badsnap.csv", L2 + SNAP
                + "kraken,XBT/USD,1900,2000,true,bid,99,1\n"          // 4: second snapshot ...
                + "kraken,XBT/USD,1900,2000,true,sideways,100,1\n"    // 5: ... is bad
                + "kraken,XBT/USD,2900,3000,false,bid,98,1\n"         // 6: dropped
                + "kraken,XBT/USD,3900,4000,true,bid,97,1\n"          // 7: third snapshot
                + "kraken,XBT/USD,4900,5000,false,ask,103,2\n");      // 8
        TardisRun out = TardisRun.run(file, "book", OnError.GAP);
        assertEquals(List.of(MessageType.L2_SNAPSHOT.id(), MessageType.L2_SNAPSHOT.id(), MessageType.L2_DIFF.id()),
                out.records.stream().map(RecordingSink.Record::type).toList());
        assertEquals(1, out.gaps.size());
        assertEquals(file + ":5: unknown side 'sideways' (expected bid or ask)", out.gaps.getFirst().note());
        assertEquals(1, out.stats.droppedAfterBadSnapshot);
        ReplayEngine engine = out.replay();
        assertEquals(List.of(m("97") + " " + m("1")), TardisRun.side(engine, Side.BID));
        assertEquals(List.of(m("103") + " " + m("2")), TardisRun.side(engine, Side.ASK));
    }

    @Test
    void shouldRejectAFileOfAnotherStream() throws IOException {
        Path file = write("book.csv", L2 + SNAP);
        ImportException e = assertThrows(ImportException.class, () -> TardisRun.run(file, "trades", OnError.FAIL));
        assertEquals(file + ":1: a Tardis incremental_book_L2 file holds stream book, not trades", e.getMessage());
    }

    @Test
    void shouldRejectAnUnknownHeader() throws IOException {
        Path file = write("what.csv", "a,b,c\n1,2,3\n");
        ImportException e = assertThrows(ImportException.class, () -> TardisRun.run(file, "book", OnError.FAIL));
        assertTrue(e.getMessage().startsWith(file + ":1: not a Tardis CSV header"), e.getMessage());
    }

    @Test
    void shouldFailOnABadTradeSideAndGapIt() throws IOException {
        Path file = write("trades.csv", "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"
                + "kraken,XBT/USD,900,1000,,bid,100,1\n"
                + "kraken,XBT/USD,1900,2000,,buy,100,1\n");
        ImportException e = assertThrows(ImportException.class, () -> TardisRun.run(file, "trades", OnError.FAIL));
        assertEquals(file + ":2: unknown side 'bid' (expected buy, sell or unknown)", e.getMessage());
        TardisRun out = TardisRun.run(file, "trades", OnError.GAP);
        assertEquals(1, out.records.size());
        assertEquals(1, out.gaps.size());
        assertEquals(1000L * 1000, out.gaps.getFirst().journalTimestamp());
        assertEquals(2000L * 1000, out.records.getFirst().journalTimestamp());
    }

    @Test
    void shouldFailOnAHalfEmptySnapshotLevel() throws IOException {
        Path file = write("snap5.csv", "exchange,symbol,timestamp,local_timestamp,asks[0].price,asks[0].amount,"
                + "bids[0].price,bids[0].amount\n"
                + "kraken,XBT/USD,900,1000,101,,100,1\n");
        ImportException e = assertThrows(ImportException.class, () -> TardisRun.run(file, "book", OnError.FAIL));
        assertEquals(file + ":2: level asks[0] has a price but no amount", e.getMessage());
        TardisRun out = TardisRun.run(file, "book", OnError.GAP);
        assertEquals(0, out.records.size());
        assertEquals(1, out.gaps.size());
    }

    @Test
    void shouldFailOnABadQuoteNumber() throws IOException {
        Path file = write("quotes.csv",
                "exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount\n"
                + "kraken,XBT/USD,900,1000,1,101,1OO,1\n");
        ImportException e = assertThrows(ImportException.class, () -> TardisRun.run(file, "quotes", OnError.FAIL));
        assertEquals(file + ":2: bad number '1OO' in column bid_price (a plain decimal with at most 8 decimals"
                + " expected)", e.getMessage());
    }
}
