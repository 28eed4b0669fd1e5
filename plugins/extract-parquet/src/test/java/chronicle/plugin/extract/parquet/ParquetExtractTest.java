package chronicle.plugin.extract.parquet;

import chronicle.etl.api.ExtractSummary;
import chronicle.etl.api.Sampling;
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
 * Parquet extracts read back by DuckDB: the Hive partitions over two symbols and two days, the column types, the
 * values equal to the book {@code chronicle book --at} computes, and the same rows as the CSV extract.
 */
@Timeout(180)
class ParquetExtractTest {

    static final LocalDate DAY1 = LocalDate.of(2026, 11, 2);
    static final LocalDate DAY2 = LocalDate.of(2026, 11, 3);
    static final List<String> SYMBOLS = List.of("XBT/USD", "ETH/USD");
    static final String FEATURES = "mid,spread,microprice,imbalance,levels:2,trades";
    static final long PERIOD = 100_000_000L;

    @TempDir
    static Path dir;
    static TardisArchive archive;
    static Path parquet;
    static ExtractSummary summary;

    @BeforeAll
    static void importAndExtract() {
        archive = TardisArchive.build(dir.resolve("archive"), dir.resolve("vendor"), SYMBOLS, List.of(DAY1, DAY2),
                1_200);
        parquet = dir.resolve("parquet");
        summary = Extracts.run(Extracts.request(archive, SYMBOLS, DAY1, DAY2.plusDays(1), FEATURES,
                new Sampling.Every(PERIOD), "parquet", parquet.toString(), null), dir.resolve("none"));
    }

    @Test
    void shouldBeReadableAsOneHivePartitionedTableOverSymbolsAndDays() throws Exception {
        assertEquals(8, summary.files(), summary.toString());
        List<List<Object>> groups = DuckDb.query("SELECT venue, symbol, CAST(date AS VARCHAR), count(*), "
                + "min(epoch_ns(ts)) FROM read_parquet(" + DuckDb.quote(parquet + "/book/**/*.parquet")
                + ", hive_partitioning = true) GROUP BY ALL ORDER BY ALL");
        assertEquals(4, groups.size(), groups.toString());
        List<String> markets = new ArrayList<>();
        for (List<Object> group : groups) {
            markets.add(group.get(0) + " " + group.get(1) + " " + group.get(2));
            assertTrue(((Number) group.get(3)).longValue() > 150, group.toString());
            LocalDate day = LocalDate.parse((String) group.get(2));
            assertEquals(TardisArchive.firstEvent(day), ((Number) group.get(4)).longValue(), group.toString());
        }
        assertEquals(List.of("kraken ETH/USD " + DAY1, "kraken ETH/USD " + DAY2, "kraken XBT/USD " + DAY1,
                "kraken XBT/USD " + DAY2), markets, "partition values decoded: XBT%2FUSD reads back as XBT/USD");
        List<List<Object>> trades = DuckDb.query("SELECT symbol, side, count(*) FROM read_parquet("
                + DuckDb.quote(parquet + "/trades/**/*.parquet") + ", hive_partitioning = true) "
                + "WHERE symbol = 'XBT/USD' GROUP BY ALL ORDER BY ALL");
        assertEquals(List.of("buy", "sell", "unknown"), trades.stream().map(r -> (String) r.get(1)).toList());
        long total = trades.stream().mapToLong(r -> ((Number) r.get(2)).longValue()).sum();
        assertEquals(2 * 1_200 / 4, total, "every trade of both days");
    }

    @Test
    void shouldTypeColumnsAsNanosecondTimestampsAndExactDecimals() throws Exception {
        Path file = bookFile(parquet, "XBT%2FUSD", DAY1, "parquet");
        List<List<Object>> columns = DuckDb.query("SELECT name, type, CAST(scale AS VARCHAR), "
                + "CAST(precision AS VARCHAR), CAST(logical_type AS VARCHAR) FROM parquet_schema(" + DuckDb.quote(file)
                + ") WHERE name IN ('ts', 'mid', 'bid_px_1', 'bid_sz_1', 'imbalance', 'seq') ORDER BY name");
        List<String> described = columns.stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " "
                + r.get(3)).toList();
        assertEquals(List.of("bid_px_1 INT64 8 18", "bid_sz_1 INT64 8 18", "imbalance INT64 9 18", "mid INT64 9 18",
                "seq INT64 null null", "ts INT64 null null"), described);
        String timestamp = String.valueOf(columns.getLast().get(4));
        assertTrue(timestamp.contains("NANOS")
                && (timestamp.contains("isAdjustedToUTC=1") || timestamp.contains("isAdjustedToUTC=true")), timestamp);
        assertEquals(List.of(List.of("TIMESTAMPTZ_NS", "DECIMAL(18,9)")), DuckDb.query(
                "SELECT typeof(ts), typeof(mid) FROM read_parquet(" + DuckDb.quote(file) + ") LIMIT 1"));
        List<List<Object>> codecs = DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata("
                + DuckDb.quote(file) + ")");
        assertEquals(List.of(List.of("ZSTD")), codecs, "zstd by default");
    }

    @Test
    void shouldHoldTheBookThatChronicleBookComputesAtTheSampledTimes() throws Exception {
        Path file = bookFile(parquet, "ETH%2FUSD", DAY2, "parquet");
        List<List<Object>> rows = DuckDb.query("SELECT epoch_ns(ts), seq, mid, spread, microprice, imbalance, "
                + "bid_px_1, bid_sz_1, ask_px_1, ask_sz_1, bid_px_2, ask_sz_2 FROM read_parquet(" + DuckDb.quote(file)
                + ") ORDER BY ts");
        assertTrue(rows.size() > 150, "rows: " + rows.size());
        for (int i = 0; i < rows.size(); i += 11) {
            List<Object> row = rows.get(i);
            long ts = ((Number) row.get(0)).longValue();
            assertEquals(TardisArchive.firstEvent(DAY2) + i * PERIOD, ts, "on the grid");
            ExpectedBook book = ExpectedBook.at(archive, "ETH/USD", DAY2, ts);
            assertEquals(book.sequence(), ((Number) row.get(1)).longValue());
            assertDecimal(book.mid(), row.get(2));
            assertDecimal(book.spread(), row.get(3));
            assertDecimal(book.microprice(12), row.get(4));
            assertDecimal(book.imbalance(9), row.get(5));
            assertDecimal(book.price(Side.BID, 0), row.get(6));
            assertDecimal(book.size(Side.BID, 0), row.get(7));
            assertDecimal(book.price(Side.ASK, 0), row.get(8));
            assertDecimal(book.size(Side.ASK, 0), row.get(9));
            assertDecimal(book.price(Side.BID, 1), row.get(10));
            assertDecimal(book.size(Side.ASK, 1), row.get(11));
        }
    }

    @Test
    void shouldHoldTheSameRowsAsTheCsvExtract() throws Exception {
        Path csv = dir.resolve("csv");
        Extracts.run(Extracts.request(archive, SYMBOLS, DAY1, DAY2.plusDays(1), FEATURES, new Sampling.Every(PERIOD),
                "csv", csv.toString(), null), dir.resolve("none"));
        List<String> csvFiles = Extracts.files(csv);
        assertEquals(Extracts.files(parquet).stream().map(f -> f.replace(".parquet", ".csv")).toList(), csvFiles);
        int compared = 0;
        for (String relative : csvFiles) {
            List<String> lines = Files.readAllLines(csv.resolve(relative));
            String[] header = lines.getFirst().split(",");
            // timestamps as epoch nanoseconds, the other columns as DuckDB reads them
            List<String> select = new ArrayList<>();
            for (String column : header) {
                select.add(column.endsWith("ts") ? "epoch_ns(" + column + ")" : column);
            }
            List<List<Object>> rows = DuckDb.query("SELECT " + String.join(", ", select) + " FROM read_parquet("
                    + DuckDb.quote(parquet.resolve(relative.replace(".csv", ".parquet")))
                    + ", hive_partitioning = false)");
            assertEquals(lines.size() - 1, rows.size(), relative);
            for (int r = 0; r < rows.size(); r++) {
                String[] fields = lines.get(r + 1).split(",", -1);
                List<Object> row = rows.get(r);
                assertEquals(header.length, row.size(), relative);
                for (int c = 0; c < header.length; c++) {
                    assertSame(header[c], fields[c], row.get(c), relative + " row " + r);
                    compared++;
                }
            }
        }
        assertTrue(compared > 10_000, "values compared: " + compared);
    }

    @Test
    void shouldWriteSnappyWhenAsked() throws Exception {
        Path out = dir.resolve("snappy");
        var base = Extracts.request(archive, List.of("XBT/USD"), DAY1, DAY1.plusDays(1), "mid",
                new Sampling.Every(PERIOD), "parquet", out.toString(), null);
        Extracts.run(new chronicle.etl.api.ExtractRequest(base.archiveRoot(), null, base.venue(), base.symbols(),
                base.from(), base.to(), base.features(), base.sampling(), base.gapPolicy(), "parquet", "snappy",
                out.toString(), 100), dir.resolve("none"));
        Path file = bookFile(out, "XBT%2FUSD", DAY1, "parquet");
        assertEquals(List.of(List.of("SNAPPY")), DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata("
                + DuckDb.quote(file) + ")"));
        long groups = ((Number) DuckDb.query("SELECT count(DISTINCT row_group_id) FROM parquet_metadata("
                + DuckDb.quote(file) + ")").getFirst().getFirst()).longValue();
        long rows = ((Number) DuckDb.query("SELECT count(*) FROM read_parquet(" + DuckDb.quote(file) + ")")
                .getFirst().getFirst()).longValue();
        assertEquals((rows + 99) / 100, groups, "row groups of at most 100 rows (--row-group-rows)");
    }

    static Path bookFile(Path out, String symbol, LocalDate day, String extension) {
        return out.resolve("book/venue=kraken/symbol=" + symbol + "/date=" + day + "/part-0." + extension);
    }

    /** A CSV field and the Parquet value DuckDB read for the same cell: equal, exactly. */
    private static void assertSame(String column, String csv, Object parquetValue, String where) {
        String message = where + " column " + column;
        if (csv.isEmpty()) {
            assertEquals(null, parquetValue, message);
        } else if (parquetValue instanceof BigDecimal decimal) {
            assertEquals(new BigDecimal(csv), decimal, message + ": same value and scale");
        } else if (parquetValue instanceof Number number) {
            long expected = column.endsWith("ts") ? nanos(csv) : Long.parseLong(csv);
            assertEquals(expected, number.longValue(), message);
        } else {
            assertEquals(csv, parquetValue, message);
        }
    }

    private static long nanos(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static void assertDecimal(BigDecimal expected, Object actual) throws IOException {
        if (expected == null) {
            assertEquals(null, actual);
            return;
        }
        assertEquals(0, expected.compareTo(DuckDb.decimal(actual)), "expected " + expected + ", got " + actual);
    }
}
