package chronicle.ingest.api.binance;

import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link BinanceMessageParser}: every message kind Binance sends, fields in any order, anything else skipped whatever
 * its JSON, early filtering by stream and symbol, and a one-line reason naming the field for every kind of bad input.
 */
@Timeout(10)
class BinanceMessageParserTest {

    private static final String SPOT_DIFF = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
            + "\"E\":1700000000123,\"s\":\"BTCUSDT\",\"U\":157,\"u\":160,\"b\":[[\"0.0024\",\"10\"]],"
            + "\"a\":[[\"0.0026\",\"100.5\"],[\"0.0027\",\"0.00000000\"]]}}";

    private final BinanceMessage m = new BinanceMessage();

    private boolean parse(String symbol, StreamKind stream, boolean rest, String json) {
        byte[] bytes = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
        m.reset();
        return new BinanceMessageParser(symbol, stream, -8, -8).parse(bytes, 2, bytes.length - 4, rest, m);
    }

    private BinanceMessage book(String json) {
        assertTrue(parse("BTCUSDT", StreamKind.BOOK, false, json), json);
        return m;
    }

    private String reason(StreamKind stream, String json) {
        assertTrue(parse("BTCUSDT", stream, false, json), json);
        assertEquals(BinanceMessage.Kind.BAD, m.kind, json);
        assertEquals(-1, m.reason.indexOf('\n'), "one line: " + m.reason);
        return m.reason;
    }

    @Test
    void shouldReadASpotDiffInItsEnvelope() {
        book(SPOT_DIFF);
        assertEquals(BinanceMessage.Kind.DIFF, m.kind);
        assertEquals(1_700_000_000_123_000_000L, m.eventTime);
        assertEquals(BinanceMessage.NO_TIME, m.tradeTime);
        assertEquals(157, m.firstId);
        assertEquals(160, m.lastId);
        assertEquals(EventHeader.NULL_ID, m.prevId);
        assertEquals(3, m.levels.count());
        assertEquals(240_000, m.levels.price(0));
        assertEquals(1_000_000_000L, m.levels.size(0));
        assertEquals(260_000, m.levels.price(1));
        assertEquals(10_050_000_000L, m.levels.size(1));
        assertEquals(0, m.levels.size(2));
    }

    @Test
    void shouldReadFieldsInAnyOrderAndSkipEverythingElse() {
        book("{\"data\":{\"a\":[[\"0.0026\",\"100.5\",\"\"]],\"x\":{\"deep\":[1,-2.5e-3,{\"y\":[true,false,null]}],"
                + "\"q\\\"uoted\\\\\":\"a \\\"}]\\\\ \\u00e9 \\ud83d\\ude00 é\"},\"u\":160,\"pu\":150,\"T\":1700000000100,"
                + "\"b\":[],\"U\":157,\"s\":\"btcusdt\",\"E\":1700000000123,\"e\":\"depthUpdate\",\"z\":[]},"
                + "\"stream\":\"btcusdt@depth@100ms\",\"extra\":{\"stream\":\"other@depth\"}}");
        assertEquals(BinanceMessage.Kind.DIFF, m.kind);
        assertEquals(157, m.firstId);
        assertEquals(160, m.lastId);
        assertEquals(150, m.prevId, "futures chain their diffs with pu");
        assertEquals(1_700_000_000_100_000_000L, m.tradeTime);
        assertEquals(1, m.levels.count());
        assertEquals(10_050_000_000L, m.levels.size(0));
    }

    @Test
    void shouldReadRestSnapshotsSpotAndFutures() {
        assertTrue(parse("BTCUSDT", StreamKind.BOOK, true,
                " {\"lastUpdateId\":1027024,\"E\":1589436922972,\"T\":1589436922959,\"bids\":[[\"4.00000000\","
                        + "\"431.00000000\"]],\"asks\":[[\"4.00000200\",\"12.00000000\"]]}\n"));
        assertEquals(BinanceMessage.Kind.SNAPSHOT, m.kind);
        assertEquals(1027024, m.id);
        assertEquals(1_589_436_922_972_000_000L, m.eventTime);
        assertEquals(2, m.levels.count());
        assertEquals(400_000_200, m.levels.price(1));
        book("{\"bids\":[],\"lastUpdateId\":5,\"asks\":[]}");
        assertEquals(BinanceMessage.Kind.SNAPSHOT, m.kind, "a bare snapshot line carries no symbol: the request's");
        assertEquals(5, m.id);
    }

    @Test
    void shouldReadAggTradesAndTrades() {
        assertTrue(parse("BTCUSDT", StreamKind.TRADES, false, "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":"
                + "\"aggTrade\",\"E\":1700000000002,\"s\":\"BTCUSDT\",\"a\":26129,\"p\":\"0.01633102\",\"q\":\"4.7\","
                + "\"f\":100,\"l\":105,\"T\":1700000000001,\"m\":true,\"M\":true}}"));
        assertEquals(BinanceMessage.Kind.TRADE, m.kind);
        assertEquals(26129, m.id);
        assertEquals(1_633_102, m.price);
        assertEquals(470_000_000, m.size);
        assertEquals(Side.ASK, m.aggressor, "the buyer made the market: the seller took it");
        assertEquals(1_700_000_000_001_000_000L, m.exchangeTime());
        assertTrue(parse("BTCUSDT", StreamKind.TRADES, false, "{\"e\":\"trade\",\"E\":1700000000002,\"s\":\"BTCUSDT\","
                + "\"t\":12345,\"p\":0.001,\"q\":100,\"b\":88,\"a\":50,\"T\":1700000000001,\"m\":false}"));
        assertEquals(BinanceMessage.Kind.TRADE, m.kind);
        assertEquals(12345, m.id);
        assertEquals(100_000, m.price, "a JSON number reads as a decimal too");
        assertEquals(Side.BID, m.aggressor);
    }

    @Test
    void shouldReadBookTickers() {
        assertTrue(parse("BNBUSDT", StreamKind.QUOTES, false, "{\"stream\":\"bnbusdt@bookTicker\",\"data\":{\"u\":"
                + "400900217,\"s\":\"BNBUSDT\",\"b\":\"25.35190000\",\"B\":\"31.21000000\",\"a\":\"25.36520000\","
                + "\"A\":\"40.66000000\"}}"));
        assertEquals(BinanceMessage.Kind.QUOTE, m.kind);
        assertEquals(400900217, m.id);
        assertEquals(2_535_190_000L, m.bidPrice);
        assertEquals(3_121_000_000L, m.bidSize);
        assertEquals(2_536_520_000L, m.askPrice);
        assertEquals(4_066_000_000L, m.askSize);
    }

    @Test
    void shouldReadEscapedNamesAndTextAsWhatTheyStandFor() {
        book("{\"e\":\"depth\\u0055pdate\",\"\\u0045\":1,\"s\":\"BTC\\u0055SDT\",\"U\":1,\"u\":2,"
                + "\"b\":[[\"1\\u002e5\",\"2\"]],\"a\":[]}");
        assertEquals(BinanceMessage.Kind.DIFF, m.kind);
        assertEquals(1_000_000, m.eventTime);
        assertEquals(150_000_000, m.levels.price(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"stream\":\"ethusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"b\":\"not even levels\"}}",
            "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"p\":[]}}",
            "{\"stream\":\"btcusdt@depth5@100ms\",\"data\":{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}}",
            "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{}}}",
            "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"ETHUSDT\",\"U\":1,\"u\":2,\"b\":[],\"a\":[]}",
            "{\"result\":null,\"id\":1}"})
    void shouldDropOtherSymbolsStreamsAndRepliesWithoutReadingThem(String json) {
        assertFalse(parse("BTCUSDT", StreamKind.BOOK, false, json), json);
    }

    @Test
    void shouldMatchTheSymbolWhateverItsCase() {
        book(SPOT_DIFF.replace("\"BTCUSDT\"", "\"BtcUsdt\""));
        assertEquals(BinanceMessage.Kind.DIFF, m.kind);
        assertTrue(new BinanceMessageParser("btcusdt", StreamKind.BOOK, -8, -8).isSymbol("BTCusdt"));
        assertFalse(new BinanceMessageParser("btcusdt", StreamKind.BOOK, -8, -8).isSymbol("BTCUSDC"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"U\":157|\"U\":\"157\"|bad number: field 'U' is '157', not an integer",
            "\"U\":157|\"U\":1.5|bad number: field 'U' is '1.5', not an integer",
            "\"U\":157|\"U\":{\"x\":[1]}|bad number: field 'U' is an object, not an integer",
            "\"U\":157|\"U\":99999999999999999999|bad number: field 'U' (99999999999999999999) does not fit 64 bits",
            "\"E\":1700000000123|\"E\":-1|bad number: field 'E' (-1) is not epoch milliseconds",
            "\"0.0024\"|\"0.000000001\"|bad number: b price '0.000000001' has more decimals than 10^-8 or is too large",
            "\"0.0024\"|\"99999999999.5\"|bad number: b price '99999999999.5' has more decimals than 10^-8 or is too large",
            "\"0.0024\"|\"1.2.3\"|bad number: b price '1.2.3' is not a decimal",
            "\"0.0024\"|\"a\\nb\"|bad number: b price 'a b' is not a decimal",
            "\"0.0024\"|true|bad number: field 'b price' is 'true', not a decimal",
            "\"100.5\"|\"-1\"|bad number: a size '-1' is negative",
            "[\"0.0024\",\"10\"]|[\"0.0024\"]|a level of 'b' has 1 elements, not [price, size]",
            "[\"0.0024\",\"10\"]|\"x\"|a level of 'b' is 'x', not [price, size]",
            "\"b\":[[\"0.0024\",\"10\"]]|\"b\":null|bad number: field 'b' is 'null', not a decimal",
            "\"e\":\"depthUpdate\",|\"e\":\"depthUpdate\",\"s\":7,|field 's' is not a string",
            "\"U\":157,|``|missing field 'U'",
            "\"E\":1700000000123,|``|missing field 'E'"})
    void shouldNameTheFieldOfABadValue(String from, String to, String reason) {
        assertTrue(SPOT_DIFF.contains(from));
        assertEquals(reason, reason(StreamKind.BOOK, SPOT_DIFF.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to))));
    }

    @Test
    void shouldRequireTheSymbolOfAMessageOutsideAnEnvelopeAndLevelsOfASnapshot() {
        assertEquals("missing field 's' (symbol)", reason(StreamKind.BOOK,
                "{\"e\":\"depthUpdate\",\"E\":1,\"U\":1,\"u\":2,\"b\":[],\"a\":[]}"));
        assertTrue(parse("BTCUSDT", StreamKind.BOOK, true, "{\"lastUpdateId\":5,\"bids\":{},\"asks\":[]}"));
        assertEquals("field 'bids' is an object, not an array of levels", m.reason);
        assertTrue(parse("BTCUSDT", StreamKind.BOOK, true, "{\"lastUpdateId\":5,\"bids\":[]}"));
        assertEquals("missing field 'asks'", m.reason);
    }

    @Test
    void shouldRejectAnUnknownAggressorSide() {
        assertEquals("unknown aggressor side: field 'm' is maybe, not true or false", reason(StreamKind.TRADES,
                "{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":\"maybe\"}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":17`"
                    + "|malformed JSON: Unexpected end-of-input at byte 64 (field 'E')",
            "`{\"e\":\"depthUpdate\",\"b\":[[\"1\",\"2\"],]}`"
                    + "|malformed JSON: Unexpected character ']', expected a value at byte 34 (field 'b')",
            "`{\"e\":\"depthUpdate\" \"b\":1}`|malformed JSON: Unexpected character '\"', expected ',' or '}' at byte 19 (field 'e')",
            "`{\"e\":\"depthUpdate\",\"U\":0123}`|malformed JSON: Invalid numeric value: leading zeroes not allowed at byte 24 (field 'U')",
            "`{\"e\":\"depthUpdate\",\"U\":1.}`|malformed JSON: Invalid numeric value: decimal point not followed by a digit at byte 25 (field 'U')",
            "`{\"e\":\"depth\\qUpdate\"}`|malformed JSON: Unrecognized character escape 'q' at byte 12 (field 'e')",
            "`{\"e\":\"depth\\u12G4\"}`|malformed JSON: Unexpected character 'G', expected a hex digit of a \\u escape at byte 15 (field 'e')",
            "`{\"x\":tru}`|malformed JSON: Unrecognized token: expected 'true' at byte 8 (field 'x')",
            "`{\"e\":\"depthUpdate\",,\"U\":1}`|malformed JSON: Unexpected character ',', expected '\"' (a field name) at byte 19 (field 'e')",
            "`[1,2]`|expected a JSON object",
            "`  `|expected a JSON object",
            "`garbage`|malformed JSON: Unexpected character 'g', expected '{' at byte 0 (before the first field)",
            "`{\"e\":\"depthUpdate\"}}`|unexpected text after the JSON object",
            "`{\"e\":\"depthUpdate\"} {}`|unexpected text after the JSON object"})
    void shouldReportMalformedJsonWithWhereItBroke(String json, String reason) {
        assertEquals(reason, reason(StreamKind.BOOK, json));
    }

    @Test
    void shouldReportControlCharactersAndInvalidUtf8InStrings() {
        assertEquals("malformed JSON: Illegal unquoted character (code 10) in a string: it has to be escaped at byte 11"
                + " (field 'e')", reason(StreamKind.BOOK, "{\"e\":\"depth\nUpdate\"}"));
        byte[] bytes = "{\"e\":\"depthUpdate\",\"x\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        bytes[25] = (byte) 0x41; // the second byte of é: not a continuation byte
        m.reset();
        assertTrue(new BinanceMessageParser("BTCUSDT", StreamKind.BOOK, -8, -8).parse(bytes, 0, bytes.length, false, m));
        assertEquals("malformed JSON: Invalid UTF-8 middle byte 'A' in a string at byte 25 (field 'x')", m.reason);
    }

    @Test
    void shouldFindTheEndOfAStringAndItsBadBytesAtAnyOffset() {
        String plain = "abcdefghijklmnopqrstuvwxyz0123456789";
        String prefix = "{\"e\":\"depthUpdate\",\"x\":\"";
        for (int at = 0; at <= plain.length(); at++) {
            String head = plain.substring(0, at);
            String tail = plain.substring(at);
            book(SPOT_DIFF.replace("\"U\":157", "\"x\":\"" + head + "é\\\"\\u0041" + tail + "\",\"U\":157"));
            assertEquals(BinanceMessage.Kind.DIFF, m.kind, "é, an escaped quote and \\u0041 after " + at + " bytes");
            book(SPOT_DIFF.replace("\"U\":157", "\"x\":\"" + head + "\",\"U\":157"));
            assertEquals(BinanceMessage.Kind.DIFF, m.kind, "the string ends after " + at + " bytes");
            assertEquals("malformed JSON: Illegal unquoted character (code 1) in a string: it has to be escaped at byte "
                    + (prefix.length() + at) + " (field 'x')",
                    reason(StreamKind.BOOK, prefix + head + "\u0001" + tail + "\"}"));
            assertEquals("malformed JSON: Unexpected end-of-input at byte " + (prefix.length() + at) + " (field 'x')",
                    reason(StreamKind.BOOK, prefix + head));
        }
    }

    @Test
    void shouldReportNestingTooDeepAndNumbersTooLongEvenInFieldsItSkips() {
        String deep = "[".repeat(JsonScanner.MAX_DEPTH) + "]".repeat(JsonScanner.MAX_DEPTH);
        assertTrue(reason(StreamKind.BOOK, "{\"e\":\"depthUpdate\",\"x\":" + deep + "}")
                .startsWith("malformed JSON: nesting deeper than 1000 levels at byte "), m.reason);
        // the envelope and its data are two levels already
        String allowed = "[".repeat(JsonScanner.MAX_DEPTH - 2) + "]".repeat(JsonScanner.MAX_DEPTH - 2);
        book(SPOT_DIFF.replace("\"U\":157", "\"x\":" + allowed + ",\"U\":157"));
        assertEquals(BinanceMessage.Kind.DIFF, m.kind);

        assertEquals("malformed JSON: a number of more than 1000 digits at byte 23 (field 'x')", reason(StreamKind.BOOK,
                "{\"e\":\"depthUpdate\",\"x\":1." + "0".repeat(1000) + "}"));
        book(SPOT_DIFF.replace("\"U\":157", "\"x\":-1." + "0".repeat(999) + ",\"U\":157"));
        assertEquals(BinanceMessage.Kind.DIFF, m.kind);
    }

    @Test
    void shouldReportSyntaxErrorsOfMessagesItWouldDrop() {
        // another symbol's diff, cut short: the capture is damaged, which the import reports whatever the symbol
        assertTrue(parse("BTCUSDT", StreamKind.BOOK, false, "{\"stream\":\"ethusdt@depth@100ms\",\"data\":{\"e\":"));
        assertTrue(m.reason.startsWith("malformed JSON: Unexpected end-of-input"), m.reason);
    }
}
