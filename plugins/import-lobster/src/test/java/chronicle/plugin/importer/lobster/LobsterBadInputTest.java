package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.EventFlags;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.GapReason;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.ReplayEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: {@code file:line: reason} under {@code OnError.FAIL}; skipped with a gap marker under {@code GAP}. */
@Timeout(30)
class LobsterBadInputTest {

    private static final String COLUMNS = "(time,type,order id,size,price,direction)";

    @TempDir
    Path dir;

    /** The first 10 sample messages with some lines (1-based) replaced. */
    private Path messages(String... replacements) {
        List<String> lines = new ArrayList<>(Fixtures.lines(Fixtures.MESSAGES).subList(0, 10));
        for (int i = 0; i < replacements.length; i += 2) {
            lines.set(Integer.parseInt(replacements[i]) - 1, replacements[i + 1]);
        }
        return Fixtures.write(dir, Fixtures.MESSAGES, lines);
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("34200.1,1,abc,18,5853300,1", "bad number in column 3 (order id): \"abc\""),
                Arguments.of("34200.1,x,16113599,18,5853300,1", "bad number in column 2 (type): \"x\""),
                Arguments.of("34200.1,1,16113599,18,58533.5,1", "bad number in column 5 (price): \"58533.5\""),
                Arguments.of("34200.1e3,1,16113599,18,5853300,1",
                        "bad number in column 1 (time): \"34200.1e3\" (seconds after midnight, up to 9 decimals)"),
                Arguments.of("34200.1234567891,1,16113599,18,5853300,1", "bad number in column 1 (time): "
                        + "\"34200.1234567891\" (seconds after midnight, up to 9 decimals)"),
                Arguments.of("34200.1,1,16113599,0,5853300,1",
                        "bad number in column 4 (size): \"0\" (must be positive)"),
                Arguments.of("34200.1,3,-5,18,5853300,1",
                        "bad number in column 3 (order id): \"-5\" (must not be negative)"),
                Arguments.of("34200.1,1,16113599,18,5853300", "missing column: 5 of 6 columns " + COLUMNS),
                Arguments.of("", "missing column: 1 of 6 columns " + COLUMNS),
                Arguments.of("34200.1,1,16113599,18,5853300,1,0", "too many columns: 7, a message has 6 " + COLUMNS),
                Arguments.of("34200.1,8,16113599,18,5853300,1", "unknown type 8 in column 2: LOBSTER types are 1 "
                        + "(new order), 2 (partial cancel), 3 (deletion), 4 (visible execution), 5 (hidden execution), "
                        + "6 (cross trade), 7 (halt)"),
                Arguments.of("34200.1,0,16113599,18,5853300,1", "unknown type 0 in column 2: LOBSTER types are 1 "
                        + "(new order), 2 (partial cancel), 3 (deletion), 4 (visible execution), 5 (hidden execution), "
                        + "6 (cross trade), 7 (halt)"),
                Arguments.of("34200.1,1,16113599,18,5853300,0", "unknown direction 0 in column 6: 1 buy or -1 sell"),
                Arguments.of("34200.1,1,16113599,18,5853300,2", "unknown direction 2 in column 6: 1 buy or -1 sell"),
                Arguments.of("34200.004,1,16113599,18,5853300,1",
                        "time goes backwards: 34200.004000000 is before 34200.004447484 of line 3"),
                Arguments.of("34200.1,7,0,0,5,-1", "bad number in column 5 (price): \"5\" (a halt message has -1 "
                        + "halt, 0 quoting resumes, 1 trading resumes)"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void shouldFailWithFileLineAndReason(String line, String reason) throws IOException {
        Path file = messages("4", line);
        RecordingSink sink = new RecordingSink();
        ImportException e;
        try (ImportSource source = new LobsterAdapter().open(Fixtures.request(List.of(file), OnError.FAIL))) {
            e = assertThrows(ImportException.class, () -> {
                while (source.next(sink)) {
                    // until the bad line
                }
            });
            assertEquals(4, source.rows());
        }
        assertEquals(file + ":4: " + reason, e.getMessage());
        assertEquals(file, e.file());
        assertEquals(4, e.line());
        assertEquals(3, sink.records.size(), "the lines before it were read");
        assertEquals(List.of(), sink.gaps);
    }

    @Test
    void shouldSkipBadLinesWithAGapMarkerEachAndGoOn() throws IOException {
        Path file = messages("4", "34200.1,1,abc,18,5853300,1", "7", "34200.004,1,16113599,18,5853300,1");
        RecordingSink sink = new RecordingSink();
        try (ImportSource source = new LobsterAdapter().open(Fixtures.request(List.of(file), OnError.GAP))) {
            while (source.next(sink)) {
                // to the end
            }
            assertEquals(10, source.rows());
        }
        assertEquals(8, sink.records.size());
        assertEquals(List.of(
                new RecordingSink.GapCall(sink.records.get(2).journalTimestamp(), 4, 4, GapReason.BAD_INPUT,
                        file + ":4: bad number in column 3 (order id): \"abc\""),
                new RecordingSink.GapCall(sink.records.get(4).journalTimestamp(), 7, 7, GapReason.BAD_INPUT,
                        file + ":7: time goes backwards: 34200.004000000 is before 34200.025613151 of line 6")),
                sink.gaps);
        // in order: lines 1-3, the gap of line 4, lines 5-6, the gap of line 7, lines 8-10
        List<String> order = sink.all.stream().map(o -> o instanceof RecordingSink.GapCall g ? "gap " + g.fromId()
                : "line " + ((RecordingSink.Record) o).header().sequence()).toList();
        assertEquals(List.of("line 1", "line 2", "line 3", "gap 4", "line 5", "line 6", "gap 7", "line 8",
                "line 9", "line 10"), order);
        // the line after a skipped one names it as its previous update id: replay sees the break
        EventHeader fifth = sink.records.get(3).header();
        assertEquals(5, fifth.firstUpdateId());
        assertEquals(4, fifth.prevUpdateId());
        ReplayEngine engine = new ReplayEngine(GapPolicy.CONTINUE_FLAGGED, 0);
        for (int i = 0; i < sink.records.size(); i++) {
            RecordingSink.Record r = sink.records.get(i);
            engine.onRecord(r.type(), i, r.journalTimestamp(), r.buffer(), 0, r.bytes().length);
        }
        assertEquals(2, engine.gaps());
        assertTrue(engine.book(Fixtures.VENUE, Fixtures.MARKET).afterGap());
    }

    @Test
    void shouldStartFromRowOneAsItIsWhenMessageOneIsBad() throws IOException {
        List<String> lines = new ArrayList<>(Fixtures.lines(Fixtures.MESSAGES));
        lines.set(0, "34200.004241176,1,16113575,18,5853300,x");
        Path file = Fixtures.write(dir, Fixtures.MESSAGES, lines);
        Path orderbook = Fixtures.copy(dir, Fixtures.ORDERBOOK);

        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importAll(Fixtures.request(List.of(file, orderbook), OnError.FAIL)));
        assertEquals(file + ":1: bad number in column 6 (direction): \"x\"", e.getMessage());

        RecordingSink sink = Fixtures.importAll(Fixtures.request(List.of(file, orderbook), OnError.GAP));
        assertEquals(1, sink.gaps.size());
        assertEquals(1, sink.gaps.getFirst().fromId());
        assertInstanceOf(RecordingSink.GapCall.class, sink.all.getFirst(), "the gap marker comes first");
        RecordingSink.Record opening = sink.records.getFirst();
        assertEquals(EventType.SNAPSHOT.code(), opening.header().eventCode());
        assertEquals(EventFlags.SYNTHETIC, opening.header().flags());
        assertEquals(1, opening.header().lastUpdateId(), "the book after line 1");
        assertEquals(21, opening.events().count(), "row 1 as it is: a clear and 20 levels");
        assertEquals(500, sink.records.size());

        // Replay chains from the opening book to line 2 and on, and tracks the orderbook file as well as ever.
        BookCheck check = new BookCheck(Fixtures.lines(Fixtures.ORDERBOOK), Fixtures.lines(Fixtures.MESSAGES))
                .replay(sink.records);
        assertEquals(List.of(), check.failures, check.summary());
        assertEquals(499, check.rowsCompared);
        assertEquals(0, check.engine().gaps());
    }

    @Test
    void shouldRejectAnOrderbookRowOneThatDoesNotShowMessageOne() throws IOException {
        Path file = messages();
        List<String> rows = new ArrayList<>(Fixtures.lines(Fixtures.ORDERBOOK).subList(0, 1));
        rows.set(0, rows.getFirst().replace("5853300,18,", "5853300,10,"));
        Path orderbook = Fixtures.write(dir, Fixtures.ORDERBOOK, rows);
        ImportException e = assertThrows(ImportException.class,
                () -> Fixtures.importAll(Fixtures.request(List.of(file), OnError.FAIL)));
        assertEquals(orderbook + ":1: row 1 (the book after message 1) shows 10 at the bid level 585.33, less than "
                + "the 18 message 1 adds: is it the orderbook file of this message file?", e.getMessage());

        RecordingSink sink = Fixtures.importAll(Fixtures.request(List.of(file), OnError.GAP));
        // before any record: at local midnight of the trading date
        assertEquals(List.of(new RecordingSink.GapCall(midnight(), EventHeader.NULL_ID, EventHeader.NULL_ID,
                GapReason.BAD_INPUT, e.getMessage())), sink.gaps);
        assertEquals(10, sink.records.size(), "no opening book, every message");
        assertEquals(EventType.DIFF.code(), sink.records.getFirst().header().eventCode());
    }

    @Test
    void shouldRejectABadOrderbookRow() throws IOException {
        Path file = messages();
        String row = Fixtures.lines(Fixtures.ORDERBOOK).getFirst();
        Path orderbook = Fixtures.write(dir, Fixtures.ORDERBOOK, List.of(row.substring(0, row.lastIndexOf(','))));
        assertEquals(orderbook + ":1: missing column: 39 columns, an orderbook row has 4 per level (ask price, ask "
                + "size, bid price, bid size)", failure(Fixtures.request(List.of(file), OnError.FAIL)));
        Fixtures.write(dir, Fixtures.ORDERBOOK, List.of(row.replaceFirst("5859400", "5859x00")));
        assertEquals(orderbook + ":1: bad number in column 1 (ask price 1): \"5859x00\"",
                failure(Fixtures.request(List.of(file), OnError.FAIL)));
        Fixtures.write(dir, Fixtures.ORDERBOOK, List.of(""));
        assertEquals(orderbook + ":1: missing column: 1 column, an orderbook row has 4 per level (ask price, ask "
                + "size, bid price, bid size)", failure(Fixtures.request(List.of(file), OnError.FAIL)));
        Files.writeString(orderbook, "");
        assertEquals(orderbook + ":1: no row 1: the orderbook file is empty",
                failure(Fixtures.request(List.of(file), OnError.FAIL)));
    }

    @Test
    void shouldRejectInputsThatAreNotALobsterMessageFile() throws IOException {
        Path noDate = Fixtures.copy(dir, Fixtures.MESSAGES, "aapl-messages.csv");
        ImportException e = assertThrows(ImportException.class,
                () -> new LobsterAdapter().open(Fixtures.request(List.of(noDate), OnError.FAIL)));
        assertEquals(0, e.line());
        assertEquals(noDate + ": no trading date in the file name: LOBSTER times are seconds after midnight of the "
                + "day its names carry (TICKER_YYYY-MM-DD_START_END_message_N.csv); rename the file so",
                e.getMessage());

        Path badDate = Fixtures.copy(dir, Fixtures.MESSAGES, "AAPL_2012-02-30_34200000_57600000_message_10.csv");
        assertEquals(badDate + ": bad trading date in the file name: 2012-02-30",
                failure(Fixtures.request(List.of(badDate), OnError.FAIL)));

        Path file = Fixtures.copy(dir, Fixtures.MESSAGES);
        Path orderbook = Fixtures.copy(dir, Fixtures.ORDERBOOK);
        assertEquals(orderbook + ": an orderbook file: give the message file first, then (optionally) its "
                + "orderbook file", failure(Fixtures.request(List.of(orderbook, file), OnError.FAIL)));
        assertEquals(file + ": lobster takes two inputs at most: the message file, then its orderbook file",
                failure(Fixtures.request(List.of(file, orderbook, file), OnError.FAIL)));
        ImportRequest trades = new ImportRequest(List.of(file), "nasdaq", "AAPL", "trades", 1, 1, OnError.FAIL,
                Fixtures.PLAIN);
        assertEquals(file + ": lobster imports the book stream only (order-by-order events), not 'trades': use "
                + "--stream book", failure(trades));
    }

    private static String failure(ImportRequest request) {
        return assertThrows(ImportException.class, () -> Fixtures.importAll(request)).getMessage();
    }

    private static long midnight() {
        return LocalDate.of(2012, 6, 21).atStartOfDay(ZoneId.of("America/New_York")).toEpochSecond()
                * 1_000_000_000L;
    }
}
