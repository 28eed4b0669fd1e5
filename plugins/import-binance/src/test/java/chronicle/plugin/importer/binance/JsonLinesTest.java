package chronicle.plugin.importer.binance;

import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.ReplayEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same messages as plain JSON lines (no cryptofeed prefixes): combined-stream envelopes or bare events, and bare
 * REST snapshots that carry neither symbol nor time. Times come from E; a bare snapshot takes the time of the next
 * message of its file, or, in a file of snapshots only, is placed by update id.
 */
@Timeout(60)
class JsonLinesTest {

    @TempDir
    Path dir;

    /** The JSON of each ws line (the receive-time prefix cut off), optionally without the envelope. */
    static List<String> wsJson(boolean bare) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(BinanceRun.ws());
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String json = line.substring(line.indexOf('{'));
            if (bare) {
                json = json.substring(json.indexOf("\"data\":") + "\"data\":".length(), json.length() - 1);
            }
            out.add(json);
        }
        return out;
    }

    /** The bare REST snapshot of one symbol. */
    static String restJson(String symbol) throws IOException {
        for (String line : Files.readAllLines(BinanceRun.http())) {
            if (line.contains("symbol=" + symbol + "&")) {
                return line.substring(line.indexOf('{'));
            }
        }
        throw new IllegalArgumentException(symbol);
    }

    private static void assertSameBook(BinanceRun expected, BinanceRun actual) {
        assertEquals(List.of(), actual.gaps);
        assertEquals(expected.records.size(), actual.records.size());
        assertEquals(MessageType.L2_SNAPSHOT, actual.records.getFirst().messageType());
        for (int i = 0; i < expected.records.size(); i++) {
            EventHeader e = expected.records.get(i).header();
            EventHeader a = actual.records.get(i).header();
            assertEquals(e.lastUpdateId(), a.lastUpdateId());
            assertEquals(e.firstUpdateId(), a.firstUpdateId());
            assertEquals(e.sequence(), a.sequence());
            if (expected.records.get(i).type() == MessageType.L2_DIFF.id()) {
                assertEquals(e.exchangeTimestamp(), a.exchangeTimestamp());
                assertEquals(e.exchangeTimestamp(), a.ingestTimestamp(), "no receive time: E");
            }
        }
        ReplayEngine reference = expected.replay(GapPolicy.FAIL);
        ReplayEngine replayed = actual.replay(GapPolicy.FAIL);
        assertEquals(expected.book(reference).hash(), actual.book(replayed).hash());
        long previous = Long.MIN_VALUE;
        for (RecordingSink.Record rec : actual.records) {
            assertTrue(rec.journalTimestamp() >= previous);
            previous = rec.journalTimestamp();
        }
    }

    /** Envelopes in one file, the symbol's bare snapshot alone in another: the snapshot is placed by update id. */
    @ParameterizedTest
    @ValueSource(strings = {"NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR"})
    void shouldImportEnvelopesWithASnapshotFilePlacedByUpdateId(String symbol) throws IOException {
        Path stream = dir.resolve("stream.jsonl");
        Files.write(stream, wsJson(false));
        Path snapshot = dir.resolve("snapshot.json");
        Files.writeString(snapshot, restJson(symbol) + "\n");

        BinanceRun expected = BinanceRun.run(List.of(BinanceRun.http(), BinanceRun.ws()), symbol, "book", OnError.FAIL);
        BinanceRun actual = BinanceRun.run(List.of(snapshot, stream), symbol.toLowerCase(Locale.ROOT), "book",
                OnError.FAIL);
        assertSameBook(expected, actual);
        // the snapshot takes the time of the first diff it must precede
        assertEquals(actual.records.get(1).journalTimestamp(), actual.records.getFirst().journalTimestamp());
    }

    /** One file: the bare snapshot first, then bare events: the snapshot takes the time of the next event. */
    @Test
    void shouldImportBareEventsAfterABareSnapshotInOneFile() throws IOException {
        Path file = dir.resolve("nknusdt.jsonl");
        List<String> lines = new ArrayList<>();
        lines.add(restJson("NKNUSDT"));
        lines.addAll(wsJson(true));
        Files.write(file, lines);
        BinanceRun expected = BinanceRun.run(List.of(BinanceRun.http(), BinanceRun.ws()), "NKNUSDT", "book", OnError.FAIL);
        BinanceRun actual = BinanceRun.run(List.of(file), "NKNUSDT", "book", OnError.FAIL);
        assertSameBook(expected, actual);
        assertEquals(1_633_998_512_068_000_000L, actual.records.getFirst().journalTimestamp(),
                "E of the next NKNUSDT event");
        assertEquals(1, actual.stats.droppedStale);

        BinanceRun trades = BinanceRun.run(List.of(file), "NKNUSDT", "trades", OnError.FAIL);
        assertEquals(1, trades.records.size());
        assertEquals(1_633_998_523_963_000_000L, trades.records.getFirst().journalTimestamp());
    }

    /** Spot bookTickers carry no time: without the capture's receive times they cannot be placed. */
    @Test
    void shouldRefuseSpotQuotesWithoutAnyTime() throws IOException {
        Path file = dir.resolve("stream.jsonl");
        Files.write(file, wsJson(false));
        ImportException e = assertThrows(ImportException.class,
                () -> BinanceRun.run(List.of(file), "NKNUSDT", "quotes", OnError.GAP));
        assertTrue(e.getMessage().contains("no receive time and no event time"), e.getMessage());
    }

    /** A diff line deleted from the JSON-lines variant: one gap marker, as with the capture. */
    @Test
    void shouldWriteOneGapForADeletedDiffLine() throws IOException {
        List<String> lines = wsJson(false);
        int removed = -1;
        for (int i = 0, n = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("lrcbtc@depth") && ++n == 6) {
                removed = i;
            }
        }
        String gone = lines.remove(removed);
        Path stream = dir.resolve("stream.jsonl");
        Files.write(stream, lines);
        Path snapshot = dir.resolve("snapshot.json");
        Files.writeString(snapshot, restJson("LRCBTC") + "\n");
        BinanceRun out = BinanceRun.run(List.of(snapshot, stream), "LRCBTC", "book", OnError.FAIL);
        assertEquals(1, out.gaps.size());
        assertEquals(GapReason.SEQUENCE_BREAK, out.gaps.getFirst().reason());
        String first = gone.replaceAll(".*\"U\":(\\d+).*", "$1");
        String last = gone.replaceAll(".*\"u\":(\\d+).*", "$1");
        assertEquals(Long.parseLong(first), out.gaps.getFirst().fromId());
        assertEquals(Long.parseLong(last), out.gaps.getFirst().toId());
        out.replay(GapPolicy.FAIL);
    }
}
