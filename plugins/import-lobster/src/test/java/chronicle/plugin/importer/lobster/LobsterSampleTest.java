package chronicle.plugin.importer.lobster;

import chronicle.pluginhost.api.PluginHost;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.InputOpener;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.spi.VendorAdapter;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventFlags;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.L3Book;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.ReplayEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample day (AAPL, 2012-06-21, first 500 messages, 10 levels) imported and replayed. */
@Timeout(60)
class LobsterSampleTest {

    @TempDir
    Path dir;

    private RecordingSink importSample(boolean orderbookBeside, boolean orderbookGiven) throws IOException {
        Path messages = Fixtures.copy(dir, Fixtures.MESSAGES);
        List<Path> inputs = new ArrayList<>(List.of(messages));
        if (orderbookBeside || orderbookGiven) {
            Path orderbook = Fixtures.copy(dir, Fixtures.ORDERBOOK);
            if (orderbookGiven) {
                inputs.add(orderbook);
            }
        }
        return Fixtures.importAll(Fixtures.request(inputs, OnError.FAIL));
    }

    @Test
    void shouldGiveTheBookOfTheOrderbookFileAfterEveryMessage() throws IOException {
        RecordingSink sink = importSample(false, true);
        assertEquals(501, sink.records.size(), "the opening book, then one record per message");
        assertEquals(List.of(), sink.gaps);

        BookCheck check = new BookCheck(Fixtures.lines(Fixtures.ORDERBOOK), Fixtures.lines(Fixtures.MESSAGES))
                .replay(sink.records);
        System.out.println("LOBSTER sample: " + check.summary());
        check.evidence.forEach(e -> System.out.println("  evidence: " + e));
        check.accepted.forEach(d -> System.out.println("  accepted: " + d));
        assertEquals(List.of(), check.failures, check.summary());
        assertEquals(500, check.rowsCompared);
        assertEquals(0, check.engine().gaps());
        // The evidence is a property of the vendor's files: 11 prices come back into view with another size than
        // they left it with (E1); the messages naming orders no message added (lines 58, 59, 104, 448-450, 488)
        // are covered by volume resting since the start or are at those prices already (no E2). Only those 11
        // prices may differ, and they are a small part of what is compared.
        assertEquals(11, check.evidence.size(), String.join("\n", check.evidence));
        assertTrue(check.levelsTainted * 5 < check.levelsCompared, check.summary());
        assertTrue(check.levelsTainted < check.levelsOutOfViewEarlier / 3, "stricter than 'out of view earlier': "
                + check.summary());
    }

    @Test
    void shouldWriteTheOpeningBookAsSyntheticLevelOrdersWithMessageOneUndone() throws IOException {
        RecordingSink sink = importSample(false, true);
        RecordingSink.Record opening = sink.records.getFirst();
        EventHeader header = opening.header();
        assertEquals(MessageType.L3_EVENTS.id(), opening.type());
        assertEquals(EventType.SNAPSHOT.code(), header.eventCode());
        assertEquals(EventFlags.SYNTHETIC, header.flags());
        assertEquals(BookMode.L3.code(), header.bookModeCode());
        assertEquals(0, header.sequence());
        assertEquals(0, header.lastUpdateId());
        L3Events events = opening.events();
        assertEquals(L3Action.CLEAR.code(), events.actionCode(0));

        // Row 1 is the book after message 1, which added 18 at the bid 585.33 (a new level): the book before it
        // has row 1's other 9 bid levels and its 10 ask levels, each held by one synthetic order.
        long[] row1 = Fixtures.orderbookRows(Fixtures.lines(Fixtures.ORDERBOOK)).getFirst();
        List<String> expected = new ArrayList<>(List.of("CLEAR unknown 0 0 0"));
        long id = -1;
        for (int level = 0; level < 10; level++) {
            if (row1[level * 4 + 2] != 5853300) {
                expected.add("ADD bid " + id-- + " " + row1[level * 4 + 2] + " " + row1[level * 4 + 3]);
            }
        }
        for (int level = 0; level < 10; level++) {
            expected.add("ADD ask " + id-- + " " + row1[level * 4] + " " + row1[level * 4 + 1]);
        }
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < events.count(); i++) {
            actual.add(opening.event(i));
        }
        assertEquals(expected, actual);
        assertEquals(opening.journalTimestamp(), sink.records.get(1).journalTimestamp(), "at the time of message 1");
    }

    @Test
    void shouldMapEveryFieldOfAMessageRecord() throws IOException {
        RecordingSink sink = importSample(false, true);
        long expectedFirst = nanos(Instant.parse("2012-06-21T13:30:00.004241176Z")); // 09:30 EDT = UTC-4
        for (int k = 1; k <= 500; k++) {
            RecordingSink.Record record = sink.records.get(k);
            EventHeader h = record.header();
            assertEquals(MessageType.L3_EVENTS.id(), record.type());
            assertEquals(EventHeader.SCHEMA_VERSION, h.version());
            assertEquals(Fixtures.VENUE, h.venueId());
            assertEquals(Fixtures.MARKET, h.marketId());
            assertEquals(StreamKind.BOOK.code(), h.streamCode());
            assertEquals(EventType.DIFF.code(), h.eventCode());
            assertEquals(BookMode.L3.code(), h.bookModeCode());
            assertEquals(-4, h.priceExponent());
            assertEquals(0, h.sizeExponent());
            assertEquals(0, h.flags());
            assertEquals(k, h.sequence());
            assertEquals(k, h.firstUpdateId());
            assertEquals(k, h.lastUpdateId());
            assertEquals(k - 1, h.prevUpdateId());
            assertEquals(record.journalTimestamp(), h.exchangeTimestamp());
            assertEquals(record.journalTimestamp(), h.ingestTimestamp());
            assertEquals(1, record.events().count());
        }
        assertEquals(expectedFirst, sink.records.get(1).journalTimestamp());
        assertEquals("ADD bid 16113575 5853300 18", sink.records.get(1).event(0));
        // line 368: 34208.70287486,3,16818091,7,5854800,1 (8 decimals)
        assertEquals(nanos(Instant.parse("2012-06-21T13:30:08.702874860Z")), sink.records.get(368).journalTimestamp());
        assertEquals("DELETE bid 16818091 5854800 7", sink.records.get(368).event(0));
        // line 42: visible execution of an order added on line 24
        assertEquals("EXECUTE_VISIBLE ask 3647222 5857500 7", sink.records.get(42).event(0));
        // line 499: hidden execution
        assertEquals("EXECUTE_HIDDEN ask 0 5854100 31", sink.records.get(499).event(0));
    }

    @Test
    void shouldAccountOrdersRestingBeforeTheStartAtTheirLevel() throws IOException {
        RecordingSink sink = importSample(false, true);
        List<String> messages = Fixtures.lines(Fixtures.MESSAGES);
        ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0);
        int mapped = 0;
        int unknown = 0;
        for (int i = 0; i < sink.records.size(); i++) {
            RecordingSink.Record record = sink.records.get(i);
            if (i > 0) {
                long id = record.events().orderId(0);
                String[] line = messages.get(i - 1).split(",");
                if (id < 0) {
                    mapped++;
                    L3Book book = engine.book(Fixtures.VENUE, Fixtures.MARKET).l3();
                    assertTrue(book.contains(id), "line " + i + ": the synthetic order is in the book");
                    assertEquals(Long.parseLong(line[4]), book.orderPrice(id), "line " + i + ": at the price");
                    assertEquals(Long.parseLong(line[3]), record.events().size(0), "line " + i + ": the size");
                    String expected = line[1].equals("4") ? "EXECUTE_VISIBLE" : "CANCEL";
                    assertEquals(expected, L3Action.of(record.events().actionCode(0)).name(), "line " + i);
                } else if (Arrays.asList("2", "3", "4").contains(line[1])
                        && !engine.book(Fixtures.VENUE, Fixtures.MARKET).l3().contains(id)) {
                    unknown++;
                }
            }
            engine.onRecord(record.type(), i, record.journalTimestamp(), record.buffer(), 0, record.bytes().length);
        }
        System.out.println("LOBSTER sample: " + mapped + " messages on orders resting before the start, mapped to "
                + "synthetic level orders; " + unknown + " left unknown (no synthetic size at their price)");
        // Lines 58, 59 (asks 586.89, 587.39) and 104 (bid 585.30) delete orders resting before 09:30 at levels of
        // the opening book; lines 448 to 450 and 488 execute orders added while their level (bids 585.36 to
        // 585.40) was out of view, where the opening book has no synthetic order.
        assertEquals(3, mapped);
        assertEquals(4, unknown);
    }

    @Test
    void shouldNotChangeTheVisibleBookOnHiddenExecutions() throws IOException {
        RecordingSink sink = importSample(false, true);
        List<long[]> rows = Fixtures.orderbookRows(Fixtures.lines(Fixtures.ORDERBOOK));
        ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0);
        int hidden = 0;
        long[] before = null;
        for (int i = 0; i < sink.records.size(); i++) {
            RecordingSink.Record record = sink.records.get(i);
            engine.onRecord(record.type(), i, record.journalTimestamp(), record.buffer(), 0, record.bytes().length);
            long[] after = levels(engine.book(Fixtures.VENUE, Fixtures.MARKET).levels());
            if (i > 0 && record.events().actionCode(0) == L3Action.EXECUTE_HIDDEN.code()) {
                hidden++;
                assertArrayEquals(before, after, "record " + i);
                assertArrayEquals(rows.get(i - 2), rows.get(i - 1), "the vendor agrees, row " + i);
            }
            before = after;
        }
        assertEquals(25, hidden);
    }

    @Test
    void shouldFindTheOrderbookFileBesideTheMessageFile() throws IOException {
        RecordingSink given = importSample(false, true);
        RecordingSink beside = importSample(true, false);
        assertEquals(bytes(given), bytes(beside));
    }

    @Test
    void shouldImportWithoutOrderbookFileAndNoOpeningBook() throws IOException {
        RecordingSink sink = importSample(false, false);
        assertEquals(500, sink.records.size());
        assertEquals(EventType.DIFF.code(), sink.records.getFirst().header().eventCode());
        for (RecordingSink.Record record : sink.records) {
            assertTrue(record.events().orderId(0) >= 0, "no synthetic orders");
        }
        ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0);
        for (int i = 0; i < sink.records.size(); i++) {
            RecordingSink.Record r = sink.records.get(i);
            engine.onRecord(r.type(), i, r.journalTimestamp(), r.buffer(), 0, r.bytes().length);
        }
        assertEquals(0, engine.gaps());
    }

    @Test
    void shouldOpenInputsThroughTheOpenerAndReportProgressInBytesOfTheMessageFile() throws IOException {
        RecordingSink plain = importSample(false, true);
        Path gz = dir.resolve("gz");
        Files.createDirectories(gz);
        Path messages = gzip(Fixtures.copy(dir, Fixtures.MESSAGES), gz);
        gzip(Fixtures.copy(dir, Fixtures.ORDERBOOK), gz); // found beside: _orderbook_10.csv.gz
        InputOpener opener = file -> {
            InputStream in = Files.newInputStream(file);
            return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
        };
        RecordingSink sink = new RecordingSink();
        try (ImportSource source = new LobsterAdapter().open(Fixtures.request(List.of(messages), OnError.FAIL,
                opener))) {
            assertEquals(Files.size(messages), source.totalBytes());
            while (source.next(sink)) {
                assertTrue(source.bytesRead() <= source.totalBytes());
            }
            assertEquals(500, source.rows());
            assertEquals(source.totalBytes(), source.bytesRead());
        }
        assertEquals(bytes(plain), bytes(sink));

        try (ImportSource source = new LobsterAdapter().open(Fixtures.request(
                List.of(dir.resolve(Fixtures.MESSAGES)), OnError.FAIL))) {
            long previous = 0;
            while (source.next(new RecordingSink())) {
                assertTrue(source.bytesRead() >= previous);
                previous = source.bytesRead();
            }
            assertEquals(500, source.rows());
            assertEquals(20_050, source.bytesRead());
            assertEquals(20_050, source.totalBytes());
            assertFalse(source.next(new RecordingSink()));
        }
    }

    @Test
    void shouldBeFoundByThePluginHostUnderItsName() {
        VendorAdapter adapter = PluginHost.of(dir.resolve("no-drop-ins")).find(VendorAdapter.class, "lobster")
                .orElseThrow().instance();
        assertEquals(LobsterAdapter.class, adapter.getClass());
    }

    static long[] levels(LevelView view) {
        List<Long> out = new ArrayList<>();
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            out.add((long) view.depth(side));
            for (int i = 0; i < view.depth(side); i++) {
                out.add(view.price(side, i));
                out.add(view.size(side, i));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static List<String> bytes(RecordingSink sink) {
        return sink.records.stream().map(r -> r.type() + "@" + r.journalTimestamp() + ":"
                + Arrays.toString(r.bytes())).toList();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static Path gzip(Path file, Path into) throws IOException {
        Path target = into.resolve(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(file, out);
        }
        return target;
    }
}
