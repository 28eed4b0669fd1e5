package chronicle.etl.api;

import chronicle.etl.testing.ExpectedBook;
import chronicle.etl.testing.Extracts;
import chronicle.etl.testing.TardisArchive;
import chronicle.protocol.api.Side;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CSV extracts of an imported archive: the Hive layout, the sampling grid, and every sampled value equal to the book
 * {@code chronicle book --at} computes for that time, exactly.
 */
@Timeout(120)
class CsvExtractTest {

    static final LocalDate DAY1 = LocalDate.of(2026, 11, 2);
    static final LocalDate DAY2 = LocalDate.of(2026, 11, 3);
    static final List<String> SYMBOLS = List.of("XBT/USD", "ETH/USD");
    static final long PERIOD = 100_000_000L;

    @TempDir
    static Path dir;
    static TardisArchive archive;

    @BeforeAll
    static void importArchive() {
        archive = TardisArchive.build(dir.resolve("archive"), dir.resolve("vendor"), SYMBOLS, List.of(DAY1, DAY2),
                1_500);
    }

    @Test
    void shouldWriteOneHivePartitionPerTableSymbolAndDay() {
        Path out = dir.resolve("layout");
        ExtractSummary summary = Extracts.run(Extracts.request(archive, SYMBOLS, DAY1, DAY2.plusDays(1),
                "mid,trades", new Sampling.Every(PERIOD), "csv", out.toString(), null), dir.resolve("none"));
        List<String> expected = new ArrayList<>();
        for (String table : List.of("book", "trades")) {
            for (String symbol : List.of("ETH%2FUSD", "XBT%2FUSD")) {
                for (LocalDate day : List.of(DAY1, DAY2)) {
                    expected.add(table + "/venue=kraken/symbol=" + symbol + "/date=" + day + "/part-0.csv");
                }
            }
        }
        assertEquals(expected, Extracts.files(out));
        assertEquals(8, summary.files());
        assertTrue(summary.rows() > 1_000, summary.toString());
    }

    @Test
    void shouldSampleEveryPeriodWithTheBookThatChronicleBookComputes() throws IOException {
        Path out = dir.resolve("features");
        Extracts.run(Extracts.request(archive, List.of("XBT/USD"), DAY1, DAY1.plusDays(1),
                "mid,spread,microprice,imbalance,levels:3", new Sampling.Every(PERIOD), "csv", out.toString(), null),
                dir.resolve("none"));
        List<String[]> rows = read(out.resolve("book/venue=kraken/symbol=XBT%2FUSD/date=" + DAY1 + "/part-0.csv"));
        String[] header = rows.removeFirst();
        assertEquals(List.of("ts", "event_ts", "seq", "mid", "spread", "microprice", "imbalance", "bid_px_1",
                "bid_sz_1", "ask_px_1", "ask_sz_1", "bid_px_2"), List.of(header).subList(0, 12));
        assertEquals(3 + 4 + 12, header.length);
        long first = nanos(rows.getFirst()[0]);
        assertEquals(TardisArchive.firstEvent(DAY1), first, "the first sample is the snapshot's grid time");
        assertTrue(rows.size() > 200, "about 30 s of data at 100 ms: " + rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            long ts = nanos(row[0]);
            assertEquals(first + i * PERIOD, ts, "row " + i + " on the grid");
            assertTrue(nanos(row[1]) <= ts, "the last event applied is at or before the sample time");
            if (i % 7 != 0) {
                continue;
            }
            ExpectedBook book = ExpectedBook.at(archive, "XBT/USD", DAY1, ts);
            assertEquals(book.sequence(), Long.parseLong(row[2]), "seq at " + row[0]);
            assertExact(book.mid(), row[3], "mid");
            assertExact(book.spread(), row[4], "spread");
            assertExact(book.microprice(12), row[5], "microprice");
            assertExact(book.imbalance(9), row[6], "imbalance");
            for (int level = 0; level < 3; level++) {
                int c = 7 + level * 4;
                assertExact(book.price(Side.BID, level), row[c], "bid_px_" + (level + 1));
                assertExact(book.size(Side.BID, level), row[c + 1], "bid_sz_" + (level + 1));
                assertExact(book.price(Side.ASK, level), row[c + 2], "ask_px_" + (level + 1));
                assertExact(book.size(Side.ASK, level), row[c + 3], "ask_sz_" + (level + 1));
            }
        }
        assertEquals("30000.000000000", rows.getFirst()[3], "mid keeps its scale: price scale + 1");
    }

    @Test
    void shouldWriteARowAfterEveryEventAndEveryTradeOfTheRange() throws IOException {
        Path out = dir.resolve("events");
        long from = TardisArchive.firstEvent(DAY2) + 5_000_000_000L;
        long to = from + 10_000_000_000L;
        var base = Extracts.request(archive, List.of("ETH/USD"), DAY2, DAY2.plusDays(1), "mid,levels:1,trades",
                new Sampling.EveryEvent(), "csv", out.toString(), null);
        Extracts.run(new ExtractRequest(base.archiveRoot(), null, base.venue(), base.symbols(), from, to,
                base.features(), base.sampling(), base.gapPolicy(), "csv", null, out.toString(), 1000),
                dir.resolve("none"));
        List<String[]> book = read(out.resolve("book/venue=kraken/symbol=ETH%2FUSD/date=" + DAY2 + "/part-0.csv"));
        book.removeFirst();
        long previousSeq = -1;
        for (String[] row : book) {
            long ts = nanos(row[0]);
            assertTrue(ts >= from && ts < to, row[0]);
            assertEquals(row[0], row[1], "every-event rows are stamped with the event's time");
            long seq = Long.parseLong(row[2]);
            assertTrue(seq > previousSeq, "one row per event, in order");
            previousSeq = seq;
        }
        assertTrue(book.size() > 200, "about 500 messages in 10 s: " + book.size());
        ExpectedBook last = ExpectedBook.at(archive, "ETH/USD", DAY2, nanos(book.getLast()[0]));
        assertExact(last.mid(), book.getLast()[3], "mid after the last event");

        List<String[]> trades = read(out.resolve("trades/venue=kraken/symbol=ETH%2FUSD/date=" + DAY2
                + "/part-0.csv"));
        assertEquals(List.of("ts", "local_ts", "seq", "trade_id", "price", "size", "side"),
                List.of(trades.removeFirst()));
        assertTrue(trades.size() > 50, "trades about every 40 ms: " + trades.size());
        for (String[] trade : trades) {
            long ts = nanos(trade[0]);
            assertTrue(ts >= from && ts < to, trade[0]);
            assertEquals(ts + TardisArchive.LATENCY_NANOS, nanos(trade[1]));
            assertTrue(List.of("buy", "sell", "unknown").contains(trade[6]), trade[6]);
            assertEquals(8, trade[4].length() - trade[4].indexOf('.') - 1, "price at the market's scale: " + trade[4]);
            assertTrue(Long.parseLong(trade[3]) >= 1000);
        }
    }

    static void assertExact(BigDecimal expected, String actual, String column) {
        if (expected == null) {
            assertEquals("", actual, column + " is null");
            return;
        }
        assertEquals(0, expected.compareTo(new BigDecimal(actual)), column + ": expected " + expected + ", got "
                + actual);
    }

    static List<String[]> read(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    static long nanos(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
