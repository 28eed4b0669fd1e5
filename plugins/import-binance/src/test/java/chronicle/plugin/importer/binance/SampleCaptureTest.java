package chronicle.plugin.importer.binance;

import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.spi.VendorAdapter;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.Decimals;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cryptofeed sample capture of 2021-10-12 (four spot symbols, one REST snapshot each): every symbol imports
 * without gaps, replays with GapPolicy.FAIL, and ends with the book an independent computation (Python, Decimal,
 * Binance's rules) gave; a deleted diff line becomes exactly one gap marker and a stop until the next snapshot.
 */
@Timeout(60)
class SampleCaptureTest {

    private static final Pattern DIFF = Pattern.compile(
            "^([0-9.]+): .*\"e\":\"depthUpdate\",\"E\":(\\d+),\"s\":\"(\\w+)\",\"U\":(\\d+),\"u\":(\\d+)");

    /** One depthUpdate line of the ws capture. */
    record DiffLine(int index, long receiveNanos, String symbol, long first, long last) {
    }

    static List<String> wsLines() throws IOException {
        return Files.readAllLines(BinanceRun.ws());
    }

    static List<DiffLine> diffLines(List<String> lines, String symbol) {
        List<DiffLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = DIFF.matcher(lines.get(i));
            if (m.find() && m.group(3).equals(symbol)) {
                out.add(new DiffLine(i, new BigDecimal(m.group(1)).movePointRight(9).longValueExact(), symbol,
                        Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
            }
        }
        return out;
    }

    /**
     * Expected figures, computed independently from the files (Python, decimal.Decimal, Binance's spot rules):
     * applied diffs, final depth per side, best bid and ask, total size per side, last update id.
     */
    @ParameterizedTest
    @CsvSource({
            "NKNUSDT, 149, 614, 994, 0.3527, 0.3531, 2341002.6, 3351106, 499870179",
            "BLZETH,    9, 173, 999, 0.00006547, 0.0000656, 2884409, 2174516, 281916638",
            "LRCBTC,   13, 176, 1000, 0.00000637, 0.00000638, 1928128, 3193639, 259345563",
            "RUNEEUR,   1, 222, 468, 6.251, 6.269, 35668.2, 61542.1, 15602513"})
    void shouldImportEverySymbolWithoutGapsAndReplayToTheExpectedBook(
            String symbol, long diffs, int bidDepth, int askDepth, String bestBid, String bestAsk, String bidTotal,
            String askTotal, long lastUpdateId) throws IOException {
        BinanceRun out = BinanceRun.run(List.of(BinanceRun.http(), BinanceRun.ws()), symbol, "book", OnError.FAIL);

        assertEquals(List.of(), out.gaps, "gap markers");
        assertEquals(1, out.count(MessageType.L2_SNAPSHOT));
        assertEquals(diffs, out.count(MessageType.L2_DIFF));
        assertEquals(1 + diffs, out.records.size());
        assertEquals(MessageType.L2_SNAPSHOT, out.records.getFirst().messageType(), "starts with a snapshot");

        long sequence = 0;
        long previousTime = Long.MIN_VALUE;
        for (RecordingSink.Record rec : out.records) {
            EventHeader h = rec.header();
            assertEquals(EventHeader.SCHEMA_VERSION, h.version());
            assertEquals(BinanceRun.VENUE, h.venueId());
            assertEquals(BinanceRun.MARKET, h.marketId());
            assertEquals(StreamKind.BOOK.code(), h.streamCode());
            assertEquals(BookMode.L2.code(), h.bookModeCode());
            assertEquals(BinanceAdapter.PRICE_EXPONENT, h.priceExponent());
            assertEquals(BinanceAdapter.SIZE_EXPONENT, h.sizeExponent());
            assertEquals(sequence++, h.sequence(), "running sequence");
            assertEquals(h.ingestTimestamp(), rec.journalTimestamp(), "journal time = ingest time");
            assertTrue(rec.journalTimestamp() >= previousTime, "time goes forward");
            previousTime = rec.journalTimestamp();
            assertEquals(EventHeader.NULL_ID, h.prevUpdateId(), "spot: no pu");
            assertEquals(rec.type() == MessageType.L2_SNAPSHOT.id() ? EventType.SNAPSHOT.code()
                    : EventType.DIFF.code(), h.eventCode());
        }

        ReplayEngine engine = out.replay(GapPolicy.FAIL);
        assertEquals(0, engine.gaps());
        assertEquals(1 + diffs, engine.applied());
        MarketBook book = out.book(engine);
        assertEquals(lastUpdateId, book.lastUpdateId());
        LevelView levels = book.levels();
        assertEquals(bidDepth, levels.depth(Side.BID));
        assertEquals(askDepth, levels.depth(Side.ASK));
        assertEquals(new BigDecimal(bestBid), decimal(levels.price(Side.BID, 0)));
        assertEquals(new BigDecimal(bestAsk), decimal(levels.price(Side.ASK, 0)));
        assertTrue(levels.price(Side.BID, 0) < levels.price(Side.ASK, 0), "not crossed");
        assertEquals(0, new BigDecimal(bidTotal).compareTo(total(levels, Side.BID)));
        assertEquals(0, new BigDecimal(askTotal).compareTo(total(levels, Side.ASK)));
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            for (int i = 0; i < levels.depth(side); i++) {
                assertTrue(levels.size(side, i) > 0, "no empty level");
                if (i > 0) {
                    assertTrue(side == Side.BID ? levels.price(side, i) < levels.price(side, i - 1)
                            : levels.price(side, i) > levels.price(side, i - 1), "levels sorted");
                }
            }
        }
    }

    private static BigDecimal decimal(long mantissa) {
        return new BigDecimal(Decimals.toString(mantissa, BinanceAdapter.PRICE_EXPONENT));
    }

    private static BigDecimal total(LevelView levels, Side side) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < levels.depth(side); i++) {
            sum = sum.add(BigDecimal.valueOf(levels.size(side, i), -BinanceAdapter.SIZE_EXPONENT));
        }
        return sum;
    }

    @Test
    void shouldWriteTheHeaderAndLevelsOfTheFirstDiffExactly() throws IOException {
        BinanceRun out = BinanceRun.run(List.of(BinanceRun.http(), BinanceRun.ws()), "nknusdt", "book", OnError.FAIL);
        // snapshot: https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000 -> 1633998512.320639
        EventHeader snapshot = out.records.getFirst().header();
        assertEquals(1_633_998_512_320_639_000L, snapshot.ingestTimestamp());
        assertEquals(1_633_998_512_320_639_000L, snapshot.exchangeTimestamp(), "spot REST: the receive time");
        assertEquals(499869752L, snapshot.lastUpdateId());
        L2Levels levels = new L2Levels().wrap(new UnsafeBuffer(out.records.getFirst().bytes()), EventHeader.LENGTH);
        assertEquals(609 + 1000, levels.count());
        assertEquals(Side.BID.code(), levels.sideCode(0));
        assertEquals(35_210_000L, levels.price(0)); // "0.35210000"
        assertEquals(67_200_000_000L, levels.size(0)); // "672.00000000"

        // the first diff applied: line 3, U=499869753 u=499869754 (line 2, u=499869752, came before the snapshot)
        RecordingSink.Record rec = out.records.get(1);
        EventHeader h = rec.header();
        assertEquals(1_633_998_512_564_785_000L, h.ingestTimestamp()); // "1633998512.564785"
        assertEquals(1_633_998_512_568_000_000L, h.exchangeTimestamp()); // E=1633998512568
        assertEquals(499869753L, h.firstUpdateId());
        assertEquals(499869754L, h.lastUpdateId());
        assertEquals(1L, h.sequence());
        levels.wrap(new UnsafeBuffer(rec.bytes()), h.bodyOffset());
        assertEquals(2, levels.count());
        assertEquals(Side.BID.code(), levels.sideCode(0));
        assertEquals(35_170_000L, levels.price(0));
        assertEquals(426_500_000_000L, levels.size(0));
        assertEquals(Side.ASK.code(), levels.sideCode(1));
        assertEquals(35_290_000L, levels.price(1));
        assertEquals(1_096_800_000_000L, levels.size(1));
        assertEquals(1, out.stats.droppedBeforeSnapshot);
        // "1633998513.0633569" has seven decimals: exact nanoseconds
        assertTrue(out.records.stream().anyMatch(r -> r.header().ingestTimestamp() == 1_633_998_513_063_881_900L));
    }

    @Test
    void shouldDropTheDiffThatTheSnapshotAlreadyCovers() throws IOException {
        // LRCBTC: line 29 (U=259345540 u=259345543) is received after the snapshot (lastUpdateId 259345543)
        BinanceRun out = BinanceRun.run(List.of(BinanceRun.http(), BinanceRun.ws()), "LRCBTC", "book", OnError.FAIL);
        assertEquals(1, out.stats.droppedStale);
        assertEquals(1, out.stats.droppedBeforeSnapshot);
        assertEquals(259345544L, out.records.get(1).header().firstUpdateId());
    }

    /**
     * A deleted diff line breaks the chain at the next diff: one SEQUENCE_BREAK marker naming the missing ids. The
     * sample has one REST snapshot per symbol, so there is nothing to resynchronise from: the adapter drops every
     * later diff of the symbol (the book stops at the break, it is never wrong), and a FAIL replay of the records
     * still passes. RUNEEUR has one diff after its snapshot: deleting it leaves nothing to notice the loss by.
     */
    @ParameterizedTest
    @ValueSource(strings = {"NKNUSDT", "BLZETH", "LRCBTC"})
    void shouldWriteOneGapMarkerForADeletedDiffAndStopUntilTheNextSnapshot(String symbol, @TempDir Path dir)
            throws IOException {
        List<String> lines = wsLines();
        BinanceRun full = BinanceRun.run(List.of(BinanceRun.http(), BinanceRun.ws()), symbol, "book", OnError.FAIL);
        List<Long> applied = full.records.stream().skip(1).map(r -> r.header().lastUpdateId()).toList();
        // delete the third applied diff
        long deletedLast = applied.get(2);
        DiffLine deleted = diffLines(lines, symbol).stream().filter(d -> d.last() == deletedLast).findFirst()
                .orElseThrow();
        List<String> damaged = new ArrayList<>(lines);
        damaged.remove(deleted.index());
        Path ws = dir.resolve("BINANCE.ws.1.0");
        Files.write(ws, damaged);

        BinanceRun out = BinanceRun.run(List.of(BinanceRun.http(), ws), symbol, "book", OnError.FAIL);

        assertEquals(1, out.gaps.size(), out.gaps.toString());
        RecordingSink.GapCall gap = out.gaps.getFirst();
        assertEquals(GapReason.SEQUENCE_BREAK, gap.reason());
        assertEquals(deleted.first(), gap.fromId(), "first missing id");
        assertEquals(deleted.last(), gap.toId(), "last missing id");
        // the gap is where the next diff was received, and its note names that line of the damaged file
        DiffLine next = diffLines(lines, symbol).stream().filter(d -> d.first() == deletedLast + 1).findFirst()
                .orElseThrow();
        assertTrue(gap.note().startsWith(ws + ":" + next.index() + ": expected U=" + deleted.first()), gap.note());
        assertEquals(next.receiveNanos(), gap.journalTimestamp());
        // snapshot, two diffs, then nothing: no later snapshot in the sample
        assertEquals(3, out.records.size());
        assertEquals(applied.size() - 4, out.stats.droppedAfterBreak);
        assertEquals(out.records.getLast(), out.all.get(out.all.size() - 2), "the gap comes after the last record");

        ReplayEngine engine = out.replay(GapPolicy.FAIL);
        assertEquals(0, engine.gaps());
        assertEquals(applied.get(1), out.book(engine).lastUpdateId());

        // the other symbols of the damaged file are untouched
        for (String other : List.of("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR")) {
            if (!other.equals(symbol)) {
                assertEquals(List.of(), BinanceRun.run(List.of(BinanceRun.http(), ws), other, "book", OnError.FAIL).gaps);
            }
        }
    }

    /**
     * With a later REST snapshot (built here from the book a full replay has after a later diff, and inserted into
     * a copy of the http capture at its receive time), the adapter resynchronises after a deleted diff: one gap
     * marker, then the new snapshot, then diffs again, and a FAIL replay ends with the same book as the undamaged
     * capture.
     */
    @Test
    void shouldResynchroniseFromTheNextSnapshotAfterABreak(@TempDir Path dir) throws IOException {
        String symbol = "NKNUSDT";
        List<String> lines = wsLines();
        List<DiffLine> diffs = diffLines(lines, symbol);
        BinanceRun full = BinanceRun.run(List.of(BinanceRun.http(), BinanceRun.ws()), symbol, "book", OnError.FAIL);

        // the new snapshot: the book after the first diff received after the last REST call of the capture
        long lastRest = 1_633_998_522_743_208_000L;
        DiffLine at = diffs.stream().filter(d -> d.receiveNanos() > lastRest + 1_000_000_000L).findFirst()
                .orElseThrow();
        DiffLine after = diffs.get(diffs.indexOf(at) + 1);
        ReplayEngine engine = new ReplayEngine(GapPolicy.FAIL, 0);
        long sequence = 0;
        for (RecordingSink.Record rec : full.records) {
            engine.onRecord(rec.type(), sequence++, rec.journalTimestamp(), new UnsafeBuffer(rec.bytes()), 0,
                    rec.bytes().length);
            if (rec.header().lastUpdateId() == at.last()) {
                break;
            }
        }
        long snapshotTime = (at.receiveNanos() + after.receiveNanos()) / 2;
        String snapshotLine = "https://api.binance.com/api/v3/depth?symbol=NKNUSDT&limit=1000 -> "
                + Decimals.toString(snapshotTime, -9) + ": " + restJson(engine.book(BinanceRun.VENUE, BinanceRun.MARKET));
        Path http = dir.resolve("BINANCE.http.0.0");
        List<String> rest = new ArrayList<>(Files.readAllLines(BinanceRun.http()));
        rest.add(rest.size() - 1, snapshotLine); // before the trailing blank line
        Files.write(http, rest);

        // delete the tenth diff of the symbol
        DiffLine deleted = diffs.get(10);
        List<String> damaged = new ArrayList<>(lines);
        damaged.remove(deleted.index());
        Path ws = dir.resolve("BINANCE.ws.1.0");
        Files.write(ws, damaged);

        BinanceRun out = BinanceRun.run(List.of(http, ws), symbol, "book", OnError.FAIL);

        assertEquals(1, out.gaps.size(), out.gaps.toString());
        assertEquals(deleted.first(), out.gaps.getFirst().fromId());
        assertEquals(deleted.last(), out.gaps.getFirst().toId());
        assertEquals(2, out.count(MessageType.L2_SNAPSHOT));
        int gapAt = out.all.indexOf(out.gaps.getFirst());
        RecordingSink.Record resync = (RecordingSink.Record) out.all.stream().skip(gapAt).filter(o -> o instanceof RecordingSink.Record)
                .findFirst().orElseThrow();
        assertEquals(MessageType.L2_SNAPSHOT, resync.messageType(), "after the gap: the next snapshot");
        assertEquals(at.last(), resync.header().lastUpdateId());
        assertEquals(snapshotTime, resync.journalTimestamp());
        assertEquals(after.first(), out.records.get(out.records.indexOf(resync) + 1).header().firstUpdateId());

        ReplayEngine replayed = out.replay(GapPolicy.FAIL);
        ReplayEngine reference = full.replay(GapPolicy.FAIL);
        MarketBook book = out.book(replayed);
        MarketBook expected = full.book(reference);
        assertEquals(expected.lastUpdateId(), book.lastUpdateId());
        assertEquals(expected.hash(), book.hash(), "the same book as the undamaged capture");
    }

    private static String restJson(MarketBook book) {
        StringBuilder json = new StringBuilder("{\"lastUpdateId\":").append(book.lastUpdateId());
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            json.append(side == Side.BID ? ",\"bids\":[" : ",\"asks\":[");
            LevelView levels = book.levels();
            for (int i = 0; i < levels.depth(side); i++) {
                json.append(i == 0 ? "" : ",").append("[\"")
                        .append(new BigDecimal(Decimals.toString(levels.price(side, i), -8)).setScale(8).toPlainString())
                        .append("\",\"")
                        .append(new BigDecimal(Decimals.toString(levels.size(side, i), -8)).setScale(8).toPlainString())
                        .append("\"]");
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    @Test
    void shouldImportTradesAndQuotesWhenAsked() throws IOException {
        List<Path> inputs = List.of(BinanceRun.http(), BinanceRun.ws());
        BinanceRun trades = BinanceRun.run(inputs, "NKNUSDT", "trades", OnError.FAIL);
        assertEquals(1, trades.records.size());
        RecordingSink.Record rec = trades.records.getFirst();
        assertEquals(MessageType.TRADE, rec.messageType());
        EventHeader h = rec.header();
        assertEquals(StreamKind.TRADES.code(), h.streamCode());
        assertEquals(EventType.TRADE.code(), h.eventCode());
        assertEquals(BookMode.NONE.code(), h.bookModeCode());
        assertEquals(1_633_998_523_963_000_000L, h.exchangeTimestamp());
        assertEquals(15683430L, h.firstUpdateId());
        chronicle.protocol.api.Trade trade = new chronicle.protocol.api.Trade()
                .wrap(new UnsafeBuffer(rec.bytes()), h.bodyOffset());
        assertEquals(15683430L, trade.tradeId());
        assertEquals(35_280_000L, trade.price());
        assertEquals(5_800_000_000L, trade.size());
        assertEquals(Side.BID.code(), trade.aggressorCode(), "m=false: the buyer took");

        BinanceRun quotes = BinanceRun.run(inputs, "NKNUSDT", "quotes", OnError.FAIL);
        assertEquals(74, quotes.records.size());
        assertEquals(List.of(), quotes.gaps);
        rec = quotes.records.getFirst();
        assertEquals(MessageType.BBO, rec.messageType());
        h = rec.header();
        assertEquals(StreamKind.QUOTES.code(), h.streamCode());
        assertEquals(EventType.QUOTE.code(), h.eventCode());
        assertEquals(499869768L, h.lastUpdateId());
        assertEquals(1_633_998_513_377_805_000L, h.ingestTimestamp());
        assertEquals(h.ingestTimestamp(), h.exchangeTimestamp(), "spot bookTicker has no E");
        chronicle.protocol.api.Quote quote = new chronicle.protocol.api.Quote()
                .wrap(new UnsafeBuffer(rec.bytes()), h.bodyOffset());
        assertEquals(35_210_000L, quote.bidPrice());
        assertEquals(67_200_000_000L, quote.bidSize());
        assertEquals(35_260_000L, quote.askPrice());
        assertEquals(319_900_000_000L, quote.askSize());

        assertEquals(9, BinanceRun.run(inputs, "LRCBTC", "quotes", OnError.FAIL).records.size());
        assertEquals(0, BinanceRun.run(inputs, "RUNEEUR", "trades", OnError.FAIL).records.size());
    }

    @Test
    void shouldReportProgress() throws IOException {
        long total = Files.size(BinanceRun.http()) + Files.size(BinanceRun.ws());
        BinanceRun out = new BinanceRun();
        try (ImportSource source = new BinanceAdapter().open(
                BinanceRun.request(List.of(BinanceRun.http(), BinanceRun.ws()), "NKNUSDT", "book", OnError.FAIL))) {
            assertEquals(total, source.totalBytes());
            assertTrue(source.bytesRead() < total);
            long calls = 0;
            long lastBytes = 0;
            while (source.next(out)) {
                calls++;
                assertTrue(source.bytesRead() >= lastBytes);
                lastBytes = source.bytesRead();
            }
            assertEquals(151, calls, "one call per venue message of the symbol's book (1 snapshot, 149 + 1 diffs)");
            assertEquals(total, source.bytesRead());
            assertEquals(4 + 265, source.rows(), "every line of both files but the blank last ones and the ws"
                    + " file's connection line");
            assertEquals(3 + 115, source.otherRows(), "the other symbols' REST snapshots; the other symbols' and"
                    + " streams' websocket messages");
        }
    }

    @Test
    void shouldBeFoundThroughThePluginHost(@TempDir Path emptyDir) {
        Optional<PluginProvider<VendorAdapter>> provider = PluginHost.of(emptyDir).find(VendorAdapter.class,
                "binance");
        assertTrue(provider.isPresent(), "binance adapter provider");
        assertInstanceOf(BinanceAdapter.class, provider.get().instance());
        assertEquals("binance", provider.get().name());
        assertEquals("chronicle.plugin.importer.binance", BinanceAdapter.class.getModule().getName());
        assertNotNull(provider.get().instance().description());
    }
}
