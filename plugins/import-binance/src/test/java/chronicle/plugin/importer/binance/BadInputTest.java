package chronicle.plugin.importer.binance;

import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.testing.RecordingSink;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.replay.api.GapPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input: under FAIL an {@link ImportException} {@code file:line: reason}; under GAP the line is skipped with a
 * BAD_INPUT gap marker (and a skipped diff then breaks the chain: a SEQUENCE_BREAK marker follows).
 */
@Timeout(60)
class BadInputTest {

    /** Line 3 of the ws capture: the first NKNUSDT diff applied after the snapshot (U=499869753 u=499869754). */
    private static final int LINE = 3;

    @TempDir
    Path dir;

    private Path damagedWs(int lineNumber, String from, String to) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(BinanceRun.ws()));
        String line = lines.get(lineNumber - 1);
        assertTrue(line.contains(from), line);
        lines.set(lineNumber - 1, line.replace(from, to));
        Path ws = dir.resolve("BINANCE.ws.1.0");
        Files.write(ws, lines);
        return ws;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"0.35170000\"|\"0.35l70000\"|bad number: b price '0.35l70000' is not a decimal",
            "\"0.35170000\"|\"0.351700001\"|bad number: b price '0.351700001' has more decimals than 10^-8 or is too large",
            "\"4265.00000000\"|\"-4265\"|bad number: b size '-4265' is negative",
            "\"4265.00000000\"|\"99999999999999\"|bad number: b size '99999999999999' has more decimals than 10^-8 or is too large",
            "\"U\":499869753,|``|missing field 'U'",
            "\"E\":1633998512568,|``|missing field 'E'",
            "\"U\":499869753|\"U\":\"499869753\"|bad number: field 'U' is '499869753', not an integer",
            "1633998512.564785:|1633998512.000001:|timestamp goes backwards: 1633998512.000001000 after 1633998512.063356900",
            "1633998512.564785:|1633998512.56x4785:|bad receive time '1633998512.56x4785': expected epoch seconds such as 1633998512.0633569",
            "1633998512.564785:|1633998512.5647850001:|receive time '1633998512.5647850001' is finer than nanoseconds",
            "[[\"0.35290000\",\"10968.00000000\"]]}}|[[\"0.35290000\",\"10968.00000000\"]]|malformed JSON: Unexpected end-of-input",
            "[[\"0.35290000\",\"10968.00000000\"]]|[[\"0.35290000\"]]|a level of 'a' has 1 elements, not [price, size]",
            "\"a\":[[|\"a\":{\"x\":[[|malformed JSON"})
    void shouldFailWithFileLineAndReasonOrSkipTheLineWithAGap(String from, String to, String reason)
            throws IOException {
        Path ws = damagedWs(LINE, from, to);
        List<Path> inputs = List.of(BinanceRun.http(), ws);

        ImportException e = assertThrows(ImportException.class,
                () -> BinanceRun.run(inputs, "NKNUSDT", "book", OnError.FAIL));
        assertEquals(ws, e.file());
        assertEquals(LINE, e.line());
        assertTrue(e.getMessage().startsWith(ws + ":" + LINE + ": " + reason), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");

        BinanceRun out = BinanceRun.run(inputs, "NKNUSDT", "book", OnError.GAP);
        assertEquals(2, out.gaps.size(), out.gaps.toString());
        RecordingSink.GapCall bad = out.gaps.get(0);
        assertEquals(GapReason.BAD_INPUT, bad.reason());
        assertEquals(EventHeader.NULL_ID, bad.fromId());
        assertTrue(bad.note().startsWith(ws + ":" + LINE + ": " + reason), bad.note());
        // the skipped diff breaks the chain at the next one (line 4: U=499869755)
        RecordingSink.GapCall broken = out.gaps.get(1);
        assertEquals(GapReason.SEQUENCE_BREAK, broken.reason());
        assertEquals(499869753L, broken.fromId());
        assertEquals(499869754L, broken.toId());
        assertEquals(1, out.records.size(), "the snapshot; no later snapshot to resynchronise from");
        long previous = Long.MIN_VALUE;
        for (Object o : out.all) { // records and markers: journal time never goes back
            long time = o instanceof RecordingSink.Record r ? r.journalTimestamp() : ((RecordingSink.GapCall) o).journalTimestamp();
            assertTrue(time >= previous);
            previous = time;
        }
        out.replay(GapPolicy.FAIL);
    }

    @Test
    void shouldIgnoreBadLinesOfOtherSymbolsAndStreams() throws IOException {
        // line 15: a BLZETH diff; line 10: a NKNUSDT bookTicker
        List<String> lines = new ArrayList<>(Files.readAllLines(BinanceRun.ws()));
        assertTrue(lines.get(14).contains("blzeth@depth"));
        lines.set(14, lines.get(14).replaceFirst("\"\\d+\\.\\d+\"", "\"1.2.3\""));
        assertTrue(lines.get(9).contains("nknusdt@bookTicker"));
        lines.set(9, lines.get(9).replace("\"A\":", "\"A\":\"x\",\"Z\":"));
        Path ws = dir.resolve("BINANCE.ws.1.0");
        Files.write(ws, lines);

        BinanceRun out = BinanceRun.run(List.of(BinanceRun.http(), ws), "NKNUSDT", "book", OnError.FAIL);
        assertEquals(150, out.records.size());
        assertEquals(List.of(), out.gaps);
        ImportException e = assertThrows(ImportException.class,
                () -> BinanceRun.run(List.of(BinanceRun.http(), ws), "BLZETH", "book", OnError.FAIL));
        assertTrue(e.getMessage().startsWith(ws + ":15: bad number:"), e.getMessage());
        e = assertThrows(ImportException.class,
                () -> BinanceRun.run(List.of(BinanceRun.http(), ws), "NKNUSDT", "quotes", OnError.FAIL));
        assertTrue(e.getMessage().startsWith(ws + ":10: bad number: A 'x'"), e.getMessage());
    }

    @Test
    void shouldRejectAnUnknownAggressorSide() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(BinanceRun.ws()));
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("nknusdt@aggTrade")) {
                index = i;
            }
        }
        lines.set(index, lines.get(index).replace("\"m\":false", "\"m\":\"maybe\""));
        Path ws = dir.resolve("BINANCE.ws.1.0");
        Files.write(ws, lines);
        ImportException e = assertThrows(ImportException.class,
                () -> BinanceRun.run(List.of(ws), "NKNUSDT", "trades", OnError.FAIL));
        assertEquals(ws + ":" + (index + 1) + ": unknown aggressor side: field 'm' is maybe, not true or false",
                e.getMessage());
        BinanceRun out = BinanceRun.run(List.of(ws), "NKNUSDT", "trades", OnError.GAP);
        assertEquals(0, out.records.size());
        assertEquals(1, out.gaps.size());
        assertEquals(GapReason.BAD_INPUT, out.gaps.getFirst().reason());
    }

    @Test
    void shouldReportABadRestSnapshotAndWaitForTheNext() throws IOException {
        List<String> rest = new ArrayList<>(Files.readAllLines(BinanceRun.http()));
        rest.set(0, rest.get(0).replace("[\"0.35210000\",\"672.00000000\"]", "[\"0.35210000\",\"lots\"]"));
        Path http = dir.resolve("BINANCE.http.0.0");
        Files.write(http, rest);
        ImportException e = assertThrows(ImportException.class,
                () -> BinanceRun.run(List.of(http, BinanceRun.ws()), "NKNUSDT", "book", OnError.FAIL));
        assertEquals(http + ":1: bad number: bids size 'lots' is not a decimal", e.getMessage());

        BinanceRun out = BinanceRun.run(List.of(http, BinanceRun.ws()), "NKNUSDT", "book", OnError.GAP);
        assertEquals(1, out.gaps.size(), "the bad line only: without a snapshot there is no chain to break");
        assertEquals(0, out.records.size());
        assertEquals(150, out.stats.droppedBeforeSnapshot);
        // the other symbols' snapshots are fine
        assertEquals(List.of(), BinanceRun.run(List.of(http, BinanceRun.ws()), "BLZETH", "book", OnError.FAIL).gaps);
    }

    @Test
    void shouldReportALineThatIsNeitherCaptureNorJson() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(BinanceRun.ws()));
        lines.add(5, "garbage");
        Path ws = dir.resolve("BINANCE.ws.1.0");
        Files.write(ws, lines);
        ImportException e = assertThrows(ImportException.class,
                () -> BinanceRun.run(List.of(BinanceRun.http(), ws), "NKNUSDT", "book", OnError.FAIL));
        assertEquals(ws + ":6: expected '<receive seconds>: <json>' or a JSON object", e.getMessage());
        BinanceRun out = BinanceRun.run(List.of(BinanceRun.http(), ws), "NKNUSDT", "book", OnError.GAP);
        assertEquals(1, out.gaps.size());
        assertEquals(150, out.records.size(), "nothing else lost");
        assertEquals(MessageType.L2_SNAPSHOT, out.records.getFirst().messageType());
    }

    @Test
    void shouldRejectAFileThatIsNotABinanceCaptureWhenOpening() throws IOException {
        Path csv = dir.resolve("trades.csv");
        Files.writeString(csv, "\n\ntimestamp,price,size\n1,2,3\n");
        ImportException e = assertThrows(ImportException.class,
                () -> new BinanceAdapter().open(BinanceRun.request(List.of(BinanceRun.http(), csv), "NKNUSDT", "book",
                        OnError.FAIL)));
        assertEquals(csv, e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("not a Binance capture"), e.getMessage());
    }
}
