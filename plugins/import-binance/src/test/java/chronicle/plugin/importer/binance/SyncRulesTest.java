package chronicle.plugin.importer.binance;

import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binance's synchronisation rules on small synthetic captures: spot bridging, futures {@code pu} chaining, scale. */
@Timeout(60)
class SyncRulesTest {

    @TempDir
    Path dir;

    private static final long T0 = 1_700_000_000_000L;

    private static String spotDiff(long ms, long first, long last, String bids) {
        return String.format("%d.%03d: {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":%d,"
                + "\"s\":\"BTCUSDT\",\"U\":%d,\"u\":%d,\"b\":%s,\"a\":[]}}", ms / 1000, ms % 1000, ms, first, last, bids);
    }

    private static String futuresDiff(long ms, long first, long last, long prev, String bids) {
        return String.format("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":%d,\"T\":%d,"
                + "\"s\":\"BTCUSDT\",\"U\":%d,\"u\":%d,\"pu\":%d,\"b\":%s,\"a\":[[\"101.0\",\"1\"]]}}", ms, ms - 1,
                first, last, prev, bids);
    }

    private static String rest(long ms, long lastUpdateId) {
        return String.format("https://api.binance.com/api/v3/depth?symbol=BTCUSDT&limit=1000 -> %d.%03d: "
                + "{\"lastUpdateId\":%d,\"bids\":[[\"100.00000000\",\"1.00000000\"]],\"asks\":[[\"101.00000000\","
                + "\"1.00000000\"]]}", ms / 1000, ms % 1000, lastUpdateId);
    }

    private static String futuresRest(long ms, long lastUpdateId) {
        return String.format("{\"lastUpdateId\":%d,\"E\":%d,\"T\":%d,\"bids\":[[\"100.0\",\"2\"]],"
                + "\"asks\":[[\"101.0\",\"3\"]]}", lastUpdateId, ms, ms - 2);
    }

    @Test
    void shouldRequireTheFirstSpotDiffToBridgeTheSnapshot() throws IOException {
        Path http = dir.resolve("BINANCE.http.0.0");
        Files.write(http, List.of(rest(T0 + 100, 100), rest(T0 + 500, 200)));
        Path ws = dir.resolve("BINANCE.ws.1.0");
        Files.write(ws, List.of(
                "wss://stream.binance.com:9443/stream?streams=btcusdt@depth@100ms <-> 1700000000.000",
                spotDiff(T0 + 50, 95, 99, "[]"),            // before the snapshot: dropped
                spotDiff(T0 + 150, 105, 110, "[]"),         // does not bridge 101: gap 101..104
                spotDiff(T0 + 250, 111, 120, "[]"),         // dropped until the next snapshot
                spotDiff(T0 + 550, 190, 200, "[]"),         // u <= 200: dropped
                spotDiff(T0 + 650, 195, 205, "[[\"100.5\",\"2\"]]"), // bridges 201
                spotDiff(T0 + 750, 206, 206, "[[\"100.5\",\"0\"]]"),
                spotDiff(T0 + 760, 200, 206, "[]"),         // duplicate: dropped
                spotDiff(T0 + 850, 207, 210, "[]")));
        BinanceRun out = BinanceRun.run(List.of(http, ws), "BTCUSDT", "book", OnError.FAIL);
        assertEquals(1, out.gaps.size());
        RecordingSink.GapCall gap = out.gaps.getFirst();
        assertEquals(101, gap.fromId());
        assertEquals(104, gap.toId());
        assertEquals((T0 + 150) * 1_000_000L, gap.journalTimestamp());
        assertEquals(List.of(MessageType.L2_SNAPSHOT, MessageType.L2_SNAPSHOT, MessageType.L2_DIFF,
                MessageType.L2_DIFF, MessageType.L2_DIFF), out.records.stream().map(RecordingSink.Record::messageType).toList());
        assertEquals(1, out.stats.droppedBeforeSnapshot);
        assertEquals(1, out.stats.droppedAfterBreak);
        assertEquals(2, out.stats.droppedStale);
        MarketBook book = out.book(out.replay(GapPolicy.FAIL));
        assertEquals(210, book.lastUpdateId());
        assertEquals(1, book.levels().depth(Side.BID));
        assertEquals(100_00000000L, book.levels().price(Side.BID, 0));
    }

    @Test
    void shouldDropASnapshotOlderThanTheBookAndKeepAnEqualOne() throws IOException {
        Path http = dir.resolve("BINANCE.http.0.0");
        Files.write(http, List.of(rest(T0 + 100, 100), rest(T0 + 300, 101), rest(T0 + 500, 103)));
        Path ws = dir.resolve("BINANCE.ws.1.0");
        Files.write(ws, List.of(
                spotDiff(T0 + 150, 101, 102, "[]"),
                spotDiff(T0 + 450, 103, 103, "[]"),
                spotDiff(T0 + 550, 104, 104, "[]")));
        BinanceRun out = BinanceRun.run(List.of(http, ws), "BTCUSDT", "book", OnError.FAIL);
        assertEquals(List.of(), out.gaps);
        assertEquals(1, out.stats.droppedOldSnapshots, "101 < 102, the book's id");
        assertEquals(2, out.stats.snapshots, "100 and 103 (= the book's id)");
        assertEquals(104, out.book(out.replay(GapPolicy.FAIL)).lastUpdateId());
    }

    @Test
    void shouldChainFuturesDiffsByPreviousIdAndResynchronise() throws IOException {
        Path file = dir.resolve("futures.jsonl");
        Files.write(file, List.of(
                futuresRest(T0 + 100, 1000),
                futuresDiff(T0 + 110, 999, 1000, 998, "[]"),    // u = L: applied (futures: U <= L <= u)
                futuresDiff(T0 + 120, 1004, 1010, 1000, "[[\"100.0\",\"5\"]]"),
                futuresDiff(T0 + 130, 1012, 1020, 1010, "[]"),
                futuresDiff(T0 + 140, 1035, 1040, 1030, "[]"),  // pu 1030 != 1020: gap 1021..1030
                futuresDiff(T0 + 150, 1041, 1045, 1040, "[]"),  // dropped
                futuresRest(T0 + 160, 1050),
                futuresDiff(T0 + 170, 1051, 1060, 1050, "[[\"100.0\",\"7\"]]"), // pu = L: bridges
                futuresDiff(T0 + 180, 1061, 1070, 1060, "[]")));
        // the first line is a bare snapshot: timed by its own E here (futures REST answers carry E and T)
        BinanceRun out = BinanceRun.run(List.of(file), "btcusdt", "book", OnError.FAIL);
        assertEquals(1, out.gaps.size(), out.gaps.toString());
        assertEquals(1021, out.gaps.getFirst().fromId());
        assertEquals(1030, out.gaps.getFirst().toId());
        assertTrue(out.gaps.getFirst().note().contains("expected pu=1020, got pu=1030"), out.gaps.getFirst().note());
        // snapshot, 3 diffs, (break, one dropped), snapshot, 2 diffs
        assertEquals(7, out.records.size());
        EventHeader diff = out.records.get(2).header();
        assertEquals(1004, diff.firstUpdateId());
        assertEquals(1010, diff.lastUpdateId());
        assertEquals(1000, diff.prevUpdateId(), "pu");
        assertEquals((T0 + 120) * 1_000_000L, diff.exchangeTimestamp(), "E");
        assertEquals((T0 + 100) * 1_000_000L, out.records.getFirst().header().exchangeTimestamp(), "REST E");
        MarketBook book = out.book(out.replay(GapPolicy.FAIL));
        assertEquals(1070, book.lastUpdateId());
        assertEquals(700_000_000L, book.levels().size(Side.BID, 0));
    }

    @Test
    void shouldAcceptAFuturesDiffThatStraddlesTheSnapshot() throws IOException {
        Path file = dir.resolve("futures.jsonl");
        Files.write(file, List.of(
                futuresRest(T0 + 100, 1000),
                futuresDiff(T0 + 110, 995, 1003, 990, "[]"),   // U <= 1000 <= u: the first to apply
                futuresDiff(T0 + 120, 1004, 1010, 1003, "[]")));
        BinanceRun out = BinanceRun.run(List.of(file), "BTCUSDT", "book", OnError.FAIL);
        assertEquals(List.of(), out.gaps);
        assertEquals(3, out.records.size());
        assertEquals(990, out.records.get(1).header().prevUpdateId());
        // ReplayEngine chains futures diffs by pu == last id strictly, so it calls this straddling diff a gap
        ReplayEngine engine = out.replay(GapPolicy.CONTINUE_FLAGGED);
        assertEquals(1, engine.gaps());
    }

    @Test
    void shouldFailOnTimeGoingBackwardsInAJsonLinesFile() throws IOException {
        Path file = dir.resolve("futures.jsonl");
        Files.write(file, List.of(
                futuresRest(T0 + 100, 1000),
                futuresDiff(T0 + 90, 990, 998, 985, "[]")));
        var e = org.junit.jupiter.api.Assertions.assertThrows(chronicle.ingest.spi.ImportException.class,
                () -> BinanceRun.run(List.of(file), "BTCUSDT", "book", OnError.FAIL));
        assertTrue(e.getMessage().startsWith(file + ":2: timestamp goes backwards"), e.getMessage());
        BinanceRun out = BinanceRun.run(List.of(file), "BTCUSDT", "book", OnError.GAP);
        assertEquals(GapReason.BAD_INPUT, out.gaps.getFirst().reason());
    }

    /** Two million-odd lines in bounded memory: the import streams (and says how fast). */
    @Test
    @Timeout(120)
    void shouldStreamALargeCapture() throws IOException {
        Path http = dir.resolve("BINANCE.http.0.0");
        Files.write(http, List.of(rest(T0, 100)));
        Path ws = dir.resolve("BINANCE.ws.1.0");
        int diffs = 300_000;
        try (BufferedWriter out = Files.newBufferedWriter(ws)) {
            long id = 101;
            for (int i = 0; i < diffs; i++) {
                long ms = T0 + 1 + i;
                out.write(spotDiff(ms, id, id + 2, "[[\"" + (100 + i % 50) + ".12345678\",\"" + (i % 7) + ".5\"],"
                        + "[\"99.00000000\",\"1.00000000\"],[\"98.5\",\"0\"]]"));
                out.write('\n');
                out.write(String.format("%d.%03d: {\"stream\":\"ethusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
                        + "\"E\":%d,\"s\":\"ETHUSDT\",\"U\":1,\"u\":2,\"b\":[[\"1\",\"1\"]],\"a\":[]}}%n",
                        ms / 1000, ms % 1000, ms));
                id += 3;
            }
        }
        long[] counted = new long[2];
        EventSink sink = new EventSink() {
            @Override
            public void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length) {
                counted[0]++;
            }

            @Override
            public void gap(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
                counted[1]++;
            }
        };
        long start = System.nanoTime();
        try (ImportSource source = new BinanceAdapter().open(
                BinanceRun.request(List.of(http, ws), "BTCUSDT", "book", OnError.FAIL))) {
            while (source.next(sink)) {
                // stream
            }
            assertEquals(source.totalBytes(), source.bytesRead());
            assertEquals(1 + 2L * diffs, source.rows());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1 + diffs, counted[0]);
        assertEquals(0, counted[1]);
        System.out.printf("binance import: %d lines in %.2f s (%.0f lines/s, %.1f MB/s)%n", 1 + 2L * diffs, seconds,
                (1 + 2.0 * diffs) / seconds, Files.size(ws) / seconds / 1e6);
    }
}
