package chronicle.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chronicle backtest} of the image's example {@code market-maker} over a day imported with
 * {@code chronicle import} (a Tardis book and trades of ten minutes): it trades, reports its statistics, and the
 * same run prints the same JSON twice.
 */
class BacktestIT {

    private static final Path IMAGE = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle"))
            .toAbsolutePath();
    private static final long T0 = 1_795_305_600_000_000L; // 2026-11-22T00:00Z in microseconds
    private static final long MINUTES = 10;
    private static final long FEED_LATENCY_US = 300;

    private static String ok(Path work, String... args) throws Exception {
        return ImageProcess.chronicleOk(IMAGE, work, args);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theMarketMakerTradesAnImportedDay(@TempDir Path work) throws Exception {
        Path root = work.resolve("imports");
        Path book = work.resolve("kraken_incremental_book_L2_2026-11-22_XBT-USD.csv");
        Path trades = work.resolve("kraken_trades_2026-11-22_XBT-USD.csv");
        writeDay(book, trades);
        ok(work, "import", "--vendor", "tardis", "--input", book.toString(), "--archive", root.toString(),
                "--venue", "kraken", "--symbol", "XBT/USD");
        ok(work, "import", "--vendor", "tardis", "--input", trades.toString(), "--archive", root.toString(),
                "--venue", "kraken", "--symbol", "XBT/USD", "--stream", "trades");

        String[] args = {"backtest", "--archive", root.toString(), "--venue", "kraken", "--symbol", "XBT/USD",
            "--from", "2026-11-22T00:00:00Z", "--to", "2026-11-22T00:10:00Z", "--strategy", "market-maker",
            "--param", "half-spread=0", "--param", "quantity=0.5", "--param", "requote=200ms",
            "--latency", "recorded", "--queue-model", "power:2", "--maker-fee", "-0.0001", "--taker-fee", "0.0004",
            "--json"};
        String json = ok(work, args);
        assertEquals(json, ok(work, args), "the same run prints the same bytes");
        assertTrue(number(json, "orders") > 10, json);
        assertTrue(number(json, "fills") > 0, json);
        assertTrue(json.contains("\"symbol\":\"XBT/USD\""), json);

        String table = ok(work, java.util.Arrays.copyOf(args, args.length - 1));
        assertTrue(table.startsWith("backtest of market-maker (half-spread=0 quantity=0.5"), table);
        assertTrue(table.contains("latency: recorded feed latency"), table);
        for (String metric : new String[] {"pnl", "fees", "fills", "fill ratio", "max drawdown", "sharpe",
            "time in market"}) {
            assertTrue(table.contains("\n" + metric + " "), metric + " in " + table);
        }
    }

    private static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.Ee+-]+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    /** Ten minutes of an L2 book (a snapshot, then a diff every 10 ms) and a trade every 50 ms at the touch. */
    private static void writeDay(Path book, Path trades) throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        try (BufferedWriter w = Files.newBufferedWriter(book, StandardCharsets.US_ASCII)) {
            w.write("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
            for (int i = 0; i < 10; i++) {
                w.write(line(T0, true, "bid", (49_999 - i) + ".5", "1.25"));
                w.write(line(T0, true, "ask", (50_000 + i) + ".5", "1.25"));
            }
            for (long ts = T0 + 10_000; ts < T0 + MINUTES * 60_000_000L; ts += 10_000) {
                boolean bid = random.nextBoolean();
                int level = random.nextInt(10);
                String price = bid ? (49_999 - level) + ".5" : (50_000 + level) + ".5";
                String amount = random.nextInt(1, 100) + ".125";
                w.write(line(ts, false, bid ? "bid" : "ask", price, amount));
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(trades, StandardCharsets.US_ASCII)) {
            w.write("exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n");
            for (long ts = T0 + 25_000; ts < T0 + MINUTES * 60_000_000L; ts += 50_000) {
                boolean buy = random.nextBoolean();
                w.write("kraken,XBT/USD," + ts + "," + (ts + FEED_LATENCY_US) + ",," + (buy ? "buy" : "sell") + ","
                        + (buy ? "50000.5" : "49999.5") + "," + random.nextInt(1, 60) + ".5\n");
            }
        }
    }

    private static String line(long ts, boolean snapshot, String side, String price, String amount) {
        return "kraken,XBT/USD," + ts + "," + (ts + FEED_LATENCY_US) + "," + snapshot + "," + side + "," + price
                + "," + amount + "\n";
    }
}
