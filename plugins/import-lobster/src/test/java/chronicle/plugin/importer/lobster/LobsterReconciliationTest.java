package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.Side;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.ReplayEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small hand-made day (2 visible levels) that walks through every case of the reconciliation of orders resting
 * before the start, and the messages that leave the visible book alone (halts, hidden executions, cross trades).
 */
@Timeout(30)
class LobsterReconciliationTest {

    private static final String MESSAGES = "TEST_2012-06-21_34200000_57600000_message_2.csv";
    private static final String ORDERBOOK = "TEST_2012-06-21_34200000_57600000_orderbook_2.csv";

    @TempDir
    Path dir;

    @Test
    void shouldMapOrdersRestingBeforeTheStartOntoTheSyntheticOrderOfTheirLevel() throws IOException {
        // Row 1, the book after message 1 (which added 50 at the bid 100.00):
        // asks 101.00 x 300, 101.50 x 100; bids 100.00 x 250, 99.50 x 400. Then, as LOBSTER writes it, one row per
        // message: the book after it (an empty level is 9999999999 / -9999999999 with size 0).
        String noAsk = "9999999999,0";
        String noBid = "-9999999999,0";
        String afterSeven = "1015000,100," + noBid + "," + noAsk + "," + noBid;
        Fixtures.write(dir, ORDERBOOK, List.of(
                "1010000,300,1000000,250,1015000,100,995000,400",
                "1010000,200,1000000,250,1015000,100,995000,400",
                "1015000,100,1000000,250," + noAsk + ",995000,400",
                "1015000,100,1000000,250," + noAsk + "," + noBid,
                "1015000,100,1000000,250," + noAsk + "," + noBid,
                "1015000,100,1000000,200," + noAsk + "," + noBid,
                afterSeven, afterSeven, afterSeven, afterSeven, afterSeven));
        Path messages = Fixtures.write(dir, MESSAGES, List.of(
                "34200.000000001,1,1,50,1000000,1",   // 1 new order 1
                "34200.1,2,77,100,1010000,-1",        // 2 partial cancel of an order resting before the start
                "34200.2,4,78,200,1010000,-1",        // 3 execution of another: the level's synthetic order is spent
                "34200.3,3,79,400,995000,1",          // 4 deletion of a resting order: a cancel of its size
                "34200.4,3,80,10,1010000,-1",         // 5 no synthetic size left at 101.00: the vendor's id stays
                "34200.5,4,1,50,1000000,1",           // 6 execution of order 1, known
                "34200.6,3,81,200,1000000,1",         // 7 deletion of the order resting before order 1
                "34200.6,7,0,0,-1,-1",                // 8 trading halt
                "34200.7,7,0,0,1,-1",                 // 9 trading resumes
                "34200.8,5,0,30,1015000,-1",          // 10 hidden execution
                "34200.9,6,0,40,1012000,1"));         // 11 cross trade
        RecordingSink sink = Fixtures.importAll(Fixtures.request(List.of(messages), OnError.FAIL));

        // The opening book: message 1 undone (100.00 holds 200 before it), one synthetic order per level, bids
        // best first, then asks best first.
        RecordingSink.Record opening = sink.records.getFirst();
        assertEquals(EventType.SNAPSHOT.code(), opening.header().eventCode());
        List<String> openingEvents = new ArrayList<>();
        for (int i = 0; i < opening.events().count(); i++) {
            openingEvents.add(opening.event(i));
        }
        assertEquals(List.of("CLEAR unknown 0 0 0", "ADD bid -1 1000000 200", "ADD bid -2 995000 400",
                "ADD ask -3 1010000 300", "ADD ask -4 1015000 100"), openingEvents);

        List<String> events = sink.records.subList(1, sink.records.size()).stream().map(r -> r.event(0)).toList();
        assertEquals(List.of(
                "ADD bid 1 1000000 50",
                "CANCEL ask -3 1010000 100",
                "EXECUTE_VISIBLE ask -3 1010000 200",
                "CANCEL bid -2 995000 400",
                "DELETE ask 80 1010000 10",
                "EXECUTE_VISIBLE bid 1 1000000 50",
                "CANCEL bid -1 1000000 200",
                "HALT unknown 0 0 1",
                "HALT unknown 0 0 0",
                "EXECUTE_HIDDEN ask 0 1015000 30",
                "TRADE bid 0 1012000 40"), events);

        // The replayed levels after the opening book and after each message.
        ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0);
        List<String> books = new ArrayList<>();
        for (int i = 0; i < sink.records.size(); i++) {
            RecordingSink.Record r = sink.records.get(i);
            engine.onRecord(r.type(), i, r.journalTimestamp(), r.buffer(), 0, r.bytes().length);
            books.add(book(engine));
        }
        String bookAfterSeven = "bids [] asks [1015000x100]";
        assertEquals(List.of(
                "bids [1000000x200, 995000x400] asks [1010000x300, 1015000x100]",
                "bids [1000000x250, 995000x400] asks [1010000x300, 1015000x100]", // = row 1
                "bids [1000000x250, 995000x400] asks [1010000x200, 1015000x100]",
                "bids [1000000x250, 995000x400] asks [1015000x100]",
                "bids [1000000x250] asks [1015000x100]",
                "bids [1000000x250] asks [1015000x100]",
                "bids [1000000x200] asks [1015000x100]",
                bookAfterSeven,
                bookAfterSeven, bookAfterSeven, bookAfterSeven, bookAfterSeven), books, "halts, hidden executions and cross trades "
                + "leave the visible book as it is");
        assertEquals(0, engine.gaps());
    }

    private static String book(ReplayEngine engine) {
        LevelView view = engine.book(Fixtures.VENUE, Fixtures.MARKET).levels();
        StringBuilder out = new StringBuilder();
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            List<String> levels = new ArrayList<>();
            for (int i = 0; i < view.depth(side); i++) {
                levels.add(view.price(side, i) + "x" + view.size(side, i));
            }
            out.append(out.isEmpty() ? "" : " ").append(side.label()).append("s ").append(levels);
        }
        return out.toString();
    }
}
