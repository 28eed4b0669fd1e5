package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.protocol.api.AsciiDecimals;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Quote;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import chronicle.protocol.api.Trade;
import org.agrona.ExpandableArrayBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The events of one Tardis import: reads the inputs one after the other, groups incremental_book_L2 rows into
 * messages and writes records. See {@link TardisAdapter} for the rules. Not thread-safe.
 */
final class TardisSource implements ImportSource {

    private static final int PRICE_EXPONENT = TardisAdapter.PRICE_EXPONENT;
    private static final int SIZE_EXPONENT = TardisAdapter.SIZE_EXPONENT;
    private static final int MAX_LEVELS = 0xFFFF;
    private static final long MAX_MICROS = Long.MAX_VALUE / 1000;
    private static final Pattern LEVEL_COLUMN = Pattern.compile("(asks|bids)\\[(\\d+)]\\.(price|amount)");

    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    private static final byte[] BID = bytes("bid");
    private static final byte[] ASK = bytes("ask");
    private static final byte[] BUY = bytes("buy");
    private static final byte[] SELL = bytes("sell");
    private static final byte[] UNKNOWN = bytes("unknown");

    /** What an import did, for tests and logs. */
    static final class Stats {
        long snapshots;
        long diffs;
        long trades;
        long quotes;
        long droppedBeforeSnapshot;
        long droppedAfterBadSnapshot;
        long badGroups;

        @Override
        public String toString() {
            return "snapshots=" + snapshots + " diffs=" + diffs + " trades=" + trades + " quotes=" + quotes
                    + " droppedBeforeSnapshot=" + droppedBeforeSnapshot + " droppedAfterBadSnapshot="
                    + droppedAfterBadSnapshot + " badGroups=" + badGroups;
        }
    }

    private final ImportRequest request;
    private final boolean failFast;
    private final byte[] symbol;
    private StreamKind stream;
    private final List<Path> paths;
    private int nextPath;
    private final List<CsvInput> opened = new ArrayList<>();
    private CsvInput in;
    private long rows;
    private long doneBytes;
    private long totalBytes;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    private final EventHeader header = new EventHeader();
    private final L2Levels levels = new L2Levels();
    private final Trade trade = new Trade();
    private final Quote quote = new Quote();
    private long sequence;
    private final Stats stats = new Stats();

    // the current file's layout
    private Format format;
    private String[] columns;
    private int cSymbol;
    private int cTs;
    private int cLts;
    private int cSnap;
    private int cSide;
    private int cPrice;
    private int cAmount;
    private int cId;
    private int cAskAmount;
    private int cAskPrice;
    private int cBidPrice;
    private int cBidAmount;
    private int required; // columns a row must have
    private int[] pairPrice;
    private int[] pairAmount;
    private Side[] pairSide;
    private String[] pairName;

    /** local_timestamp of the last row of the symbol whose time was good (micros), or -1. */
    private long lastLts = -1;
    /** Journal time of the last record or marker written (ns). */
    private long lastTime;

    // the row just read (of the requested symbol)
    private boolean haveRow;
    private boolean rBad;
    private boolean rKeyKnown;
    /** Whether the row's local_timestamp could be read (it may still be bad: going backwards). */
    private boolean rLtsKnown;
    private String rNote;
    private long rLts;
    private long rTs;
    private boolean rSnap;
    private Side rSide;
    private long rPrice;
    private long rSize;
    private long rId;

    // the message being gathered (incremental_book_L2), or the levels of a book_snapshot row
    private boolean groupOpen;
    private boolean groupKeyKnown;
    private boolean groupSnapshot;
    private boolean groupBad;
    private String groupNote;
    private long groupLts;
    private long groupTs;
    private int groupLevels;
    private byte[] sides = new byte[64];
    private long[] prices = new long[64];
    private long[] sizes = new long[64];
    /** Whether a snapshot block has been written (diffs apply). */
    private boolean booked;

    TardisSource(ImportRequest request, StreamKind stream) {
        this.request = request;
        this.failFast = request.onError() != OnError.GAP;
        this.symbol = request.symbol().strip().getBytes(StandardCharsets.UTF_8);
        this.stream = stream;
        this.paths = List.copyOf(request.inputs());
    }

    Stats stats() {
        return stats;
    }

    /** Measures the inputs and opens the first. */
    void start() throws IOException {
        for (Path path : paths) {
            totalBytes += Files.size(path);
        }
        if (!openNext()) {
            throw new IllegalStateException("no input");
        }
    }

    private boolean openNext() throws IOException {
        if (in != null) {
            doneBytes += in.size();
            in.close();
            in = null;
        }
        if (nextPath >= paths.size()) {
            return false;
        }
        Path path = paths.get(nextPath++);
        InputStream stream = request.opener() != null ? request.opener().open(path) : Files.newInputStream(path);
        in = new CsvInput(path, stream, Files.size(path));
        opened.add(in);
        readHeader();
        return true;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // ---------------------------------------------------------------- header

    private void readHeader() throws IOException {
        if (!in.next()) {
            throw new ImportException(in.path(), 0, "empty file: no Tardis CSV header row");
        }
        rows++;
        columns = new String[in.fields];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < in.fields; i++) {
            columns[i] = in.text(i).strip();
            index.putIfAbsent(columns[i], i);
        }
        Format detected;
        if (index.containsKey("is_snapshot")) {
            detected = Format.INCREMENTAL_BOOK_L2;
        } else if (index.containsKey("asks[0].price") || index.containsKey("bids[0].price")) {
            detected = Format.BOOK_SNAPSHOT;
        } else if (index.containsKey("ask_price") || index.containsKey("bid_price")) {
            detected = Format.QUOTES;
        } else if (index.containsKey("side") && index.containsKey("price") && index.containsKey("amount")) {
            detected = Format.TRADES;
        } else {
            throw new ImportException(in.path(), 1, "not a Tardis CSV header (expected incremental_book_L2,"
                    + " book_snapshot_N, trades or quotes columns): " + String.join(",", columns));
        }
        if (stream == null) {
            stream = detected.stream();
        } else if (stream != detected.stream()) {
            throw new ImportException(in.path(), 1, "a Tardis " + detected.label() + " file holds stream "
                    + detected.stream().label() + ", not " + stream.label());
        }
        format = detected;
        cSymbol = column(index, "symbol");
        cTs = column(index, "timestamp");
        cLts = column(index, "local_timestamp");
        switch (format) {
            case INCREMENTAL_BOOK_L2 -> {
                cSnap = column(index, "is_snapshot");
                cSide = column(index, "side");
                cPrice = column(index, "price");
                cAmount = column(index, "amount");
            }
            case TRADES -> {
                cId = column(index, "id");
                cSide = column(index, "side");
                cPrice = column(index, "price");
                cAmount = column(index, "amount");
            }
            case QUOTES -> {
                cAskAmount = column(index, "ask_amount");
                cAskPrice = column(index, "ask_price");
                cBidPrice = column(index, "bid_price");
                cBidAmount = column(index, "bid_amount");
            }
            case BOOK_SNAPSHOT -> snapshotLayout(index);
        }
        required = columns.length;
    }

    private int column(Map<String, Integer> index, String name) throws ImportException {
        Integer i = index.get(name);
        if (i == null) {
            throw new ImportException(in.path(), 1, "the header has no column '" + name + "' (a Tardis "
                    + format.label() + " file has it)");
        }
        return i;
    }

    private void snapshotLayout(Map<String, Integer> index) throws ImportException {
        List<Integer> priceCols = new ArrayList<>();
        List<Integer> amountCols = new ArrayList<>();
        List<Side> sideList = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            Matcher m = LEVEL_COLUMN.matcher(columns[i]);
            if (m.matches() && m.group(3).equals("price")) {
                String level = m.group(1) + "[" + m.group(2) + "]";
                Integer amount = index.get(level + ".amount");
                if (amount == null) {
                    throw new ImportException(in.path(), 1, "the header has " + columns[i] + " but no "
                            + level + ".amount");
                }
                priceCols.add(i);
                amountCols.add(amount);
                sideList.add(m.group(1).equals("bids") ? Side.BID : Side.ASK);
                names.add(level);
            }
        }
        pairPrice = priceCols.stream().mapToInt(Integer::intValue).toArray();
        pairAmount = amountCols.stream().mapToInt(Integer::intValue).toArray();
        pairSide = sideList.toArray(new Side[0]);
        pairName = names.toArray(new String[0]);
    }

    // ---------------------------------------------------------------- rows

    /**
     * Reads the next row of the requested symbol into the r* fields.
     *
     * @return false at the end of the current input.
     * @throws ImportException for bad input under FAIL.
     */
    private boolean readRow() throws IOException {
        CsvInput csv = in;
        while (csv.next()) {
            rows++;
            if (csv.fields <= cSymbol) {
                rLtsKnown = false;
                bad(false, "missing column '" + columns[csv.fields] + "' (" + csv.fields + " of "
                        + columns.length + " columns)");
                return true;
            }
            if (!csv.equals(cSymbol, symbol)) {
                continue; // another symbol
            }
            parseRow(csv);
            return true;
        }
        return false;
    }

    private void parseRow(CsvInput csv) throws ImportException {
        rBad = false;
        rKeyKnown = false;
        rLtsKnown = false;
        if (csv.fields < required) {
            bad(false, "missing column '" + columns[csv.fields] + "' (" + csv.fields + " of " + required
                    + " columns)");
            return;
        }
        byte[] b = csv.bytes();
        long lts;
        try {
            lts = micros(csv, cLts);
        } catch (NumberFormatException e) {
            bad(false, badNumber(csv, cLts));
            return;
        }
        rLts = lts;
        rLtsKnown = true;
        if (lts < lastLts) {
            bad(false, "local_timestamp " + lts + " is before the previous row's " + lastLts
                    + " (time goes backwards)");
            return;
        }
        if (format == Format.INCREMENTAL_BOOK_L2) {
            if (csv.equals(cSnap, TRUE)) {
                rSnap = true;
            } else if (csv.equals(cSnap, FALSE)) {
                rSnap = false;
            } else {
                bad(false, "bad is_snapshot '" + csv.text(cSnap) + "' (expected true or false)");
                return;
            }
        }
        rLts = lts;
        lastLts = lts;
        rKeyKnown = true;
        try {
            rTs = micros(csv, cTs);
        } catch (NumberFormatException e) {
            bad(true, badNumber(csv, cTs));
            return;
        }
        switch (format) {
            case INCREMENTAL_BOOK_L2 -> {
                if (csv.equals(cSide, BID)) {
                    rSide = Side.BID;
                } else if (csv.equals(cSide, ASK)) {
                    rSide = Side.ASK;
                } else {
                    bad(true, "unknown side '" + csv.text(cSide) + "' (expected bid or ask)");
                    return;
                }
                if (!price(csv, cPrice) || !size(csv, cAmount)) {
                    return;
                }
            }
            case TRADES -> {
                if (csv.equals(cSide, BUY)) {
                    rSide = Side.BID;
                } else if (csv.equals(cSide, SELL)) {
                    rSide = Side.ASK;
                } else if (csv.equals(cSide, UNKNOWN)) {
                    rSide = Side.UNKNOWN;
                } else {
                    bad(true, "unknown side '" + csv.text(cSide) + "' (expected buy, sell or unknown)");
                    return;
                }
                rId = tradeId(b, csv.starts[cId], csv.length(cId));
                if (!price(csv, cPrice) || !size(csv, cAmount)) {
                    return;
                }
            }
            case QUOTES, BOOK_SNAPSHOT -> {
                // parsed where they are written
            }
        }
    }

    private long micros(CsvInput csv, int field) {
        long v = AsciiDecimals.parseLong(csv.bytes(), csv.starts[field], csv.length(field));
        if (v > MAX_MICROS) {
            throw new NumberFormatException("too large");
        }
        return v;
    }

    private static long tradeId(byte[] b, int start, int length) {
        if (length == 0 || length > 18) {
            return EventHeader.NULL_ID;
        }
        long v = 0;
        for (int i = start, end = start + length; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return EventHeader.NULL_ID; // not numeric (some venues' ids are not): no id
            }
            v = v * 10 + d;
        }
        return v;
    }

    private boolean price(CsvInput csv, int field) throws ImportException {
        try {
            rPrice = AsciiDecimals.parse(csv.bytes(), csv.starts[field], csv.length(field), PRICE_EXPONENT);
            return true;
        } catch (NumberFormatException e) {
            bad(true, badNumber(csv, field));
            return false;
        }
    }

    private boolean size(CsvInput csv, int field) throws ImportException {
        try {
            rSize = AsciiDecimals.parse(csv.bytes(), csv.starts[field], csv.length(field), SIZE_EXPONENT);
        } catch (NumberFormatException e) {
            bad(true, badNumber(csv, field));
            return false;
        }
        if (rSize < 0) {
            bad(true, "negative " + columns[field] + " '" + csv.text(field) + "'");
            return false;
        }
        return true;
    }

    /** @return the number in the field, 0 if it is empty. */
    private long optional(CsvInput csv, int field, int exponent) {
        if (csv.length(field) == 0) {
            return 0;
        }
        return AsciiDecimals.parse(csv.bytes(), csv.starts[field], csv.length(field), exponent);
    }

    private String badNumber(CsvInput csv, int field) {
        return "bad number '" + csv.text(field) + "' in column " + columns[field]
                + (csv.length(field) == 0 ? " (empty)" : " (a plain decimal with at most "
                + (-PRICE_EXPONENT) + " decimals expected)");
    }

    /** A bad row: thrown under FAIL, else remembered for a gap marker. */
    private void bad(boolean keyKnown, String reason) throws ImportException {
        if (failFast) {
            throw new ImportException(in.path(), in.line(), reason);
        }
        rBad = true;
        rKeyKnown = keyKnown;
        rNote = in.path() + ":" + in.line() + ": " + reason;
    }

    // ---------------------------------------------------------------- events

    @Override
    public boolean next(EventSink sink) throws IOException {
        return format == Format.INCREMENTAL_BOOK_L2 ? nextIncremental(sink) : nextRow(sink);
    }

    private boolean nextRow(EventSink sink) throws IOException {
        while (!readRow()) {
            if (!openNext()) {
                return false;
            }
            if (format == Format.INCREMENTAL_BOOK_L2) {
                return nextIncremental(sink);
            }
        }
        if (rBad) {
            gap(rKeyKnown ? rLts : lastLts, rNote, sink);
            return true;
        }
        switch (format) {
            case TRADES -> writeTrade(sink);
            case QUOTES -> writeQuote(sink);
            case BOOK_SNAPSHOT -> writeSnapshotRow(sink);
            default -> throw new IllegalStateException(format.name());
        }
        return true;
    }

    private boolean nextIncremental(EventSink sink) throws IOException {
        while (true) {
            if (!haveRow) {
                if (!readRow()) {
                    if (groupOpen) {
                        finishGroup(sink);
                        return true;
                    }
                    if (!openNext()) {
                        return false;
                    }
                    if (format != Format.INCREMENTAL_BOOK_L2) {
                        return nextRow(sink);
                    }
                    continue;
                }
                haveRow = true;
            }
            if (groupOpen) {
                if (belongs()) {
                    addToGroup();
                    haveRow = false;
                    continue;
                }
                finishGroup(sink);
                return true;
            }
            groupOpen = true;
            groupKeyKnown = rKeyKnown;
            groupSnapshot = rKeyKnown && rSnap;
            groupBad = false;
            groupNote = null;
            groupLts = rLtsKnown ? rLts : lastLts;
            groupLevels = 0;
            addToGroup();
            haveRow = false;
        }
    }

    private boolean belongs() {
        if (!rLtsKnown) {
            return true; // a row whose message cannot be told spoils the message being read
        }
        if (!rKeyKnown) {
            return rLts == groupLts; // a bad row of the same local_timestamp spoils its message
        }
        if (!groupKeyKnown) {
            return false;
        }
        return rSnap == groupSnapshot && rLts == groupLts;
    }

    private void addToGroup() throws ImportException {
        if (rKeyKnown) {
            groupLts = rLts;
        }
        if (rBad) {
            if (!groupBad) {
                groupBad = true;
                groupNote = rNote;
            }
            return;
        }
        groupTs = rTs;
        if (groupBad) {
            return;
        }
        if (groupLevels == MAX_LEVELS) {
            bad(true, "more than " + MAX_LEVELS + " levels in one message");
            groupBad = true;
            groupNote = rNote;
            return;
        }
        addLevel(rSide, rPrice, rSize);
    }

    private void addLevel(Side side, long price, long size) {
        int n = groupLevels;
        if (n == sides.length) {
            int grown = Math.min(MAX_LEVELS, n * 2);
            sides = Arrays.copyOf(sides, grown);
            prices = Arrays.copyOf(prices, grown);
            sizes = Arrays.copyOf(sizes, grown);
        }
        sides[n] = (byte) side.code();
        prices[n] = price;
        sizes[n] = size;
        groupLevels = n + 1;
    }

    private void finishGroup(EventSink sink) {
        groupOpen = false;
        if (groupBad) {
            stats.badGroups++;
            if (groupSnapshot) {
                booked = false; // the book is unknown until the next snapshot block
            }
            gap(groupLts, groupNote, sink);
            return;
        }
        if (groupSnapshot) {
            writeLevels(MessageType.L2_SNAPSHOT, EventType.SNAPSHOT, groupTs, groupLts, true, sink);
            stats.snapshots++;
            booked = true;
        } else if (!booked) {
            if (stats.snapshots == 0) {
                stats.droppedBeforeSnapshot++;
            } else {
                stats.droppedAfterBadSnapshot++;
            }
        } else {
            writeLevels(MessageType.L2_DIFF, EventType.DIFF, groupTs, groupLts, false, sink);
            stats.diffs++;
        }
    }

    private void gap(long lts, String note, EventSink sink) {
        long time = Math.max(lastTime, Math.max(lts, 0) * 1000);
        lastTime = time;
        sink.gap(time, EventHeader.NULL_ID, EventHeader.NULL_ID, GapReason.BAD_INPUT, note);
    }

    private void start(EventType event, StreamKind kind, BookMode mode, long ts, long lts) {
        long time = lts * 1000;
        lastTime = time;
        header.wrapForWrite(buffer, 0)
                .venueId(request.venueId())
                .marketId(request.marketId())
                .stream(kind)
                .eventType(event)
                .bookMode(mode)
                .priceExponent(PRICE_EXPONENT)
                .sizeExponent(SIZE_EXPONENT)
                .ingestTimestamp(time)
                .exchangeTimestamp(ts * 1000)
                .sequence(sequence++);
    }

    private void writeLevels(MessageType type, EventType event, long ts, long lts, boolean snapshot,
                             EventSink sink) {
        start(event, StreamKind.BOOK, BookMode.L2, ts, lts);
        int body = EventHeader.LENGTH;
        int n = groupLevels;
        int count = 0;
        buffer.checkLimit(body + L2Levels.length(n));
        levels.wrap(buffer, body);
        for (int i = 0; i < n; i++) {
            if (snapshot && sizes[i] == 0) {
                continue; // nothing to list
            }
            levels.level(count++, Side.of(sides[i]), prices[i], sizes[i]);
        }
        levels.count(count);
        sink.append(type.id(), lts * 1000, buffer, 0, body + L2Levels.length(count));
    }

    private void writeSnapshotRow(EventSink sink) throws ImportException {
        CsvInput csv = in;
        groupLevels = 0;
        for (int p = 0; p < pairPrice.length; p++) {
            int pc = pairPrice[p];
            int ac = pairAmount[p];
            boolean noPrice = csv.length(pc) == 0;
            boolean noAmount = csv.length(ac) == 0;
            if (noPrice && noAmount) {
                continue; // an empty level
            }
            if (noPrice || noAmount) {
                bad(true, "level " + pairName[p] + " has " + (noPrice ? "an amount but no price"
                        : "a price but no amount"));
                gap(rLts, rNote, sink);
                return;
            }
            if (!price(csv, pc) || !size(csv, ac)) {
                gap(rLts, rNote, sink);
                return;
            }
            if (rSize != 0) {
                addLevel(pairSide[p], rPrice, rSize);
            }
        }
        writeLevels(MessageType.L2_SNAPSHOT, EventType.SNAPSHOT, rTs, rLts, true, sink);
        stats.snapshots++;
    }

    private void writeTrade(EventSink sink) {
        start(EventType.TRADE, StreamKind.TRADES, BookMode.NONE, rTs, rLts);
        trade.wrap(buffer, EventHeader.LENGTH).set(rId, rPrice, rSize, rSide);
        sink.append(MessageType.TRADE.id(), rLts * 1000, buffer, 0, EventHeader.LENGTH + Trade.LENGTH);
        stats.trades++;
    }

    private void writeQuote(EventSink sink) throws ImportException {
        CsvInput csv = in;
        long askSize;
        long askPrice;
        long bidPrice;
        long bidSize;
        int field = cAskAmount;
        try {
            askSize = optional(csv, field, SIZE_EXPONENT);
            field = cAskPrice;
            askPrice = optional(csv, field, PRICE_EXPONENT);
            field = cBidPrice;
            bidPrice = optional(csv, field, PRICE_EXPONENT);
            field = cBidAmount;
            bidSize = optional(csv, field, SIZE_EXPONENT);
        } catch (NumberFormatException e) {
            bad(true, badNumber(csv, field));
            gap(rLts, rNote, sink);
            return;
        }
        if (askSize < 0 || bidSize < 0) {
            int negative = askSize < 0 ? cAskAmount : cBidAmount;
            bad(true, "negative " + columns[negative] + " '" + csv.text(negative) + "'");
            gap(rLts, rNote, sink);
            return;
        }
        start(EventType.QUOTE, StreamKind.QUOTES, BookMode.NONE, rTs, rLts);
        quote.wrap(buffer, EventHeader.LENGTH).set(bidPrice, bidSize, askPrice, askSize);
        sink.append(MessageType.BBO.id(), rLts * 1000, buffer, 0, EventHeader.LENGTH + Quote.LENGTH);
        stats.quotes++;
    }

    // ---------------------------------------------------------------- progress

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public long bytesRead() {
        return doneBytes + (in != null ? in.bytesRead() : 0);
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() throws IOException {
        try {
            ImportSource.closeAll(opened);
        } finally {
            opened.clear();
            in = null;
        }
    }
}
