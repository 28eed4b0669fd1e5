package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.Fields;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.LevelBuffer;
import chronicle.ingest.spi.LineReader;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of one Tardis CSV file, told from its header row: which {@link Format} it is and where each column
 * of interest stands. A column index is -1 where the format has no such column.
 */
final class TardisHeader {

    private static final Pattern LEVEL_COLUMN = Pattern.compile("(asks|bids)\\[(\\d+)]\\.(price|amount)");

    final Format format;
    private final String[] columns;
    final int symbol;
    final int timestamp;
    final int localTimestamp;
    /** incremental_book_L2. */
    final int isSnapshot;
    /** incremental_book_L2 and trades. */
    final int side;
    final int price;
    final int amount;
    /** trades. */
    final int id;
    /** quotes. */
    final int askAmount;
    final int askPrice;
    final int bidPrice;
    final int bidAmount;
    /** book_snapshot_N: the price and amount column of each level, its side and its name ({@code asks[0]}). */
    final int[] levelPrice;
    final int[] levelAmount;
    final Side[] levelSide;
    final String[] levelName;

    private TardisHeader(Format format, String[] columns, Map<String, Integer> index, LineReader in)
            throws ImportException {
        this.format = format;
        this.columns = columns;
        this.symbol = column(index, "symbol", in);
        this.timestamp = column(index, "timestamp", in);
        this.localTimestamp = column(index, "local_timestamp", in);
        boolean bookOrTrades = format == Format.INCREMENTAL_BOOK_L2 || format == Format.TRADES;
        this.isSnapshot = format == Format.INCREMENTAL_BOOK_L2 ? column(index, "is_snapshot", in) : -1;
        this.id = format == Format.TRADES ? column(index, "id", in) : -1;
        this.side = bookOrTrades ? column(index, "side", in) : -1;
        this.price = bookOrTrades ? column(index, "price", in) : -1;
        this.amount = bookOrTrades ? column(index, "amount", in) : -1;
        boolean quotes = format == Format.QUOTES;
        this.askAmount = quotes ? column(index, "ask_amount", in) : -1;
        this.askPrice = quotes ? column(index, "ask_price", in) : -1;
        this.bidPrice = quotes ? column(index, "bid_price", in) : -1;
        this.bidAmount = quotes ? column(index, "bid_amount", in) : -1;
        List<Integer> prices = new ArrayList<>();
        List<Integer> amounts = new ArrayList<>();
        List<Side> sides = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (format == Format.BOOK_SNAPSHOT) {
            for (int i = 0; i < columns.length; i++) {
                Matcher m = LEVEL_COLUMN.matcher(columns[i]);
                if (m.matches() && m.group(3).equals("price")) {
                    String level = m.group(1) + "[" + m.group(2) + "]";
                    Integer amountColumn = index.get(level + ".amount");
                    if (amountColumn == null) {
                        throw in.error("the header has " + columns[i] + " but no " + level + ".amount");
                    }
                    prices.add(i);
                    amounts.add(amountColumn);
                    sides.add(m.group(1).equals("bids") ? Side.BID : Side.ASK);
                    names.add(level);
                }
            }
            if (prices.size() > LevelBuffer.MAX_LEVELS) {
                throw in.error("more than " + LevelBuffer.MAX_LEVELS + " levels in a row");
            }
        }
        this.levelPrice = prices.stream().mapToInt(Integer::intValue).toArray();
        this.levelAmount = amounts.stream().mapToInt(Integer::intValue).toArray();
        this.levelSide = sides.toArray(new Side[0]);
        this.levelName = names.toArray(new String[0]);
    }

    /**
     * Reads the header row: the first line of the file that is not blank.
     *
     * @param in        the file, before its first line.
     * @param fields    splits lines.
     * @param requested the stream asked for, or null for any.
     * @return the layout.
     * @throws ImportException if the file is empty, its header is not a Tardis header, or it holds another stream.
     * @throws IOException     if reading fails.
     */
    static TardisHeader read(LineReader in, Fields fields, StreamKind requested) throws IOException {
        do {
            if (!in.next()) {
                throw new ImportException(in.file(), 0, "empty file: no Tardis CSV header row");
            }
        } while (in.isBlank() && !in.tooLong());
        int n = fields.split(in);
        String[] columns = new String[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            columns[i] = new String(fields.bytes(), fields.start(i), fields.length(i), StandardCharsets.UTF_8)
                    .strip();
            index.putIfAbsent(columns[i], i);
        }
        Format detected = detect(index);
        if (detected == null) {
            throw in.error("not a Tardis CSV header (expected incremental_book_L2, book_snapshot_N, trades or"
                    + " quotes columns): " + in.excerpt());
        }
        if (requested != null && requested != detected.stream()) {
            throw in.error("a Tardis " + detected.label() + " file holds stream " + detected.stream().label()
                    + ", not " + requested.label());
        }
        return new TardisHeader(detected, columns, index, in);
    }

    private static Format detect(Map<String, Integer> index) {
        if (index.containsKey("is_snapshot")) {
            return Format.INCREMENTAL_BOOK_L2;
        } else if (index.containsKey("asks[0].price") || index.containsKey("bids[0].price")) {
            return Format.BOOK_SNAPSHOT;
        } else if (index.containsKey("ask_price") || index.containsKey("bid_price")) {
            return Format.QUOTES;
        } else if (index.containsKey("side") && index.containsKey("price") && index.containsKey("amount")) {
            return Format.TRADES;
        }
        return null;
    }

    private int column(Map<String, Integer> index, String name, LineReader in) throws ImportException {
        Integer i = index.get(name);
        if (i == null) {
            throw in.error("the header has no column '" + name + "' (a Tardis " + format.label() + " file has it)");
        }
        return i;
    }

    /** @return how many columns a row has. */
    int columns() {
        return columns.length;
    }

    /**
     * @param column 0-based.
     * @return its name.
     */
    String name(int column) {
        return columns[column];
    }
}
