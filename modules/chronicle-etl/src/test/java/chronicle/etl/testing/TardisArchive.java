package chronicle.etl.testing;

import chronicle.bus.api.MarketIds;
import chronicle.ingest.api.ImportJob;
import chronicle.ingest.api.ImportPipeline;
import chronicle.ingest.api.ImportProgress;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.spi.VendorAdapter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

/**
 * An archive root imported by the real import pipeline from generated Tardis files: for each symbol and day, an
 * {@code incremental_book_L2} file (a snapshot block, then diff messages about every 20 ms) and a {@code trades}
 * file, imported as the {@code book} and {@code trades} streams of venue {@value #VENUE}.
 *
 * <p>Exchange time is always receive time minus {@value #LATENCY_MICROS} us, so the book as of exchange time T is
 * the book {@code chronicle book --at} gives for journal (receive) time T + {@link #LATENCY_NANOS}.
 */
public final class TardisArchive {

    /** The venue of every market. */
    public static final String VENUE = "kraken";
    /** Receive time minus exchange time, microseconds. */
    public static final long LATENCY_MICROS = 400;
    /** The same, nanoseconds. */
    public static final long LATENCY_NANOS = LATENCY_MICROS * 1000;
    /** Exchange time of a day's snapshot: one hour after midnight UTC. */
    public static final long FIRST_EVENT_OFFSET_NANOS = 3_600_000_000_000L;

    private final Path root;

    private TardisArchive(Path root) {
        this.root = root;
    }

    /** @return the archive root. */
    public Path root() {
        return root;
    }

    /**
     * @param symbol a symbol of the archive.
     * @return its ids.
     */
    public MarketIds.Ids ids(String symbol) {
        MarketIds.Table table = MarketIds.read(root.resolve("ids.json"));
        return new MarketIds.Ids(table.venues().get(VENUE), table.markets().get(VENUE + "/" + symbol));
    }

    /**
     * @param date a day.
     * @return the exchange time of that day's snapshot, epoch ns.
     */
    public static long firstEvent(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L + FIRST_EVENT_OFFSET_NANOS;
    }

    /**
     * Generates and imports every symbol on every day.
     *
     * @param root     the archive root to create.
     * @param work     a folder for the generated vendor files.
     * @param symbols  the symbols (for example {@code XBT/USD}).
     * @param days     the days.
     * @param messages book diff messages per symbol and day.
     * @return the archive.
     */
    public static TardisArchive build(Path root, Path work, List<String> symbols, List<LocalDate> days,
                                      int messages) {
        VendorAdapter tardis = ServiceLoader.load(VendorAdapter.class).stream().map(ServiceLoader.Provider::get)
                .filter(a -> a.name().equals("tardis")).findFirst().orElseThrow();
        try {
            Files.createDirectories(work);
            long seed = 1;
            for (String symbol : symbols) {
                for (LocalDate day : days) {
                    String tag = symbol.replace('/', '-') + "_" + day;
                    Path book = work.resolve("book_" + tag + ".csv");
                    Path trades = work.resolve("trades_" + tag + ".csv");
                    writeBook(book, symbol, firstEvent(day) / 1000, messages, seed++);
                    writeTrades(trades, symbol, firstEvent(day) / 1000, messages / 4, seed++);
                    importFile(tardis, root, symbol, day, "book", book);
                    importFile(tardis, root, symbol, day, "trades", trades);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TardisArchive(root);
    }

    private static void importFile(VendorAdapter tardis, Path root, String symbol, LocalDate day, String stream,
                                   Path file) throws IOException {
        ImportJob job = new ImportJob("tardis", List.of(file), root, VENUE, symbol, day, stream, OnError.FAIL, false);
        new ImportPipeline(Files::newInputStream).run(job, tardis, "test", ImportProgress.NONE);
    }

    private static BigDecimal basePrice(String symbol) {
        return symbol.startsWith("XBT") ? new BigDecimal("30000.00") : new BigDecimal("2000.00");
    }

    /** A book of ten levels a side around a fixed centre, ticks of 0.5; diffs change or delete levels. */
    private static void writeBook(Path file, String symbol, long startMicros, int messages, long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        BigDecimal centre = basePrice(symbol);
        BigDecimal tick = new BigDecimal("0.5");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
            for (int level = 1; level <= 10; level++) {
                BigDecimal offset = tick.multiply(BigDecimal.valueOf(level));
                row(out, symbol, startMicros, true, "bid", centre.subtract(offset), size(random));
                row(out, symbol, startMicros, true, "ask", centre.add(offset), size(random));
            }
            long t = startMicros;
            for (int i = 0; i < messages; i++) {
                t += 1 + random.nextInt(40_000);
                int rows = 1 + random.nextInt(2);
                for (int r = 0; r < rows; r++) {
                    boolean bid = random.nextBoolean();
                    BigDecimal offset = tick.multiply(BigDecimal.valueOf(1 + random.nextInt(10)));
                    // one change in six deletes a level (size 0); levels come back with later changes
                    String amount = random.nextInt(6) == 0 ? "0" : size(random);
                    row(out, symbol, t, false, bid ? "bid" : "ask", bid ? centre.subtract(offset) : centre.add(offset),
                            amount);
                }
            }
        }
    }

    private static void writeTrades(Path file, String symbol, long startMicros, int trades, long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        BigDecimal centre = basePrice(symbol);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n");
            long t = startMicros;
            for (int i = 0; i < trades; i++) {
                t += 1 + random.nextInt(80_000);
                String side = switch (random.nextInt(3)) {
                    case 0 -> "buy";
                    case 1 -> "sell";
                    default -> "unknown";
                };
                BigDecimal price = centre.add(new BigDecimal(random.nextInt(-400, 400)).movePointLeft(2));
                out.write(VENUE + "," + symbol + "," + t + "," + (t + LATENCY_MICROS) + "," + (1000 + i) + "," + side
                        + "," + price.toPlainString() + "," + size(random) + "\n");
            }
        }
    }

    private static void row(BufferedWriter out, String symbol, long exchangeMicros, boolean snapshot, String side,
                            BigDecimal price, String amount) throws IOException {
        out.write(VENUE + "," + symbol + "," + exchangeMicros + "," + (exchangeMicros + LATENCY_MICROS) + ","
                + snapshot + "," + side + "," + price.toPlainString() + "," + amount + "\n");
    }

    /** A size of up to eight decimals, never zero. */
    private static String size(SplittableRandom random) {
        return new BigDecimal(1 + random.nextLong(1_000_000_000L)).movePointLeft(8).toPlainString();
    }
}
