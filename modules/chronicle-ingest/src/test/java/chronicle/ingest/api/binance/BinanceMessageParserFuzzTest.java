package chronicle.ingest.api.binance;

import chronicle.protocol.api.StreamKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every message of the Binance captures (the import plug-in's test resources), cut short and with single bytes
 * changed: the parser never throws and never hangs; a cut message is malformed JSON, a changed one is either
 * reported (a one-line reason), dropped (its stream or symbol changed), or read as the intact message was, except for
 * the one value the changed byte was part of.
 */
@Timeout(60)
class BinanceMessageParserFuzzTest {

    private static final Path CAPTURES = Path.of("../../plugins/import-binance/src/test/resources/binance");
    private static final int MAX_CUTS = 300;
    private static final int CHANGES = 200;
    /** Bytes that mean something in JSON: changes to them test the scanner harder than random ones. */
    private static final String JSON_BYTES = "{}[]\",:\\-.0e5tfn a";

    /** One captured message with the parser that reads it and what it reads as, intact. */
    private record Sample(byte[] json, boolean rest, BinanceMessageParser parser, String intact) {
    }

    private static final List<Sample> SAMPLES = new ArrayList<>();

    @BeforeAll
    static void readCaptures() throws IOException {
        for (String line : Files.readAllLines(CAPTURES.resolve("BINANCE.ws.1.0"))) {
            int brace = line.indexOf('{');
            int at = line.indexOf('@');
            if (brace > 0 && at > 0) {
                String symbol = line.substring(line.indexOf("\"stream\":\"") + 10, at).toUpperCase(Locale.ROOT);
                String channel = line.substring(at + 1, line.indexOf('"', at));
                StreamKind stream = channel.startsWith("depth") ? StreamKind.BOOK
                        : channel.startsWith("bookTicker") ? StreamKind.QUOTES : StreamKind.TRADES;
                add(line.substring(brace), false, symbol, stream);
            }
        }
        for (String line : Files.readAllLines(CAPTURES.resolve("BINANCE.http.0.0"))) {
            int brace = line.indexOf('{');
            if (brace > 0) {
                int symbol = line.indexOf("symbol=") + 7;
                add(line.substring(brace), true, line.substring(symbol, line.indexOf('&', symbol)), StreamKind.BOOK);
            }
        }
        assertTrue(SAMPLES.size() > 250, "the captures' messages: " + SAMPLES.size());
    }

    private static void add(String json, boolean rest, String symbol, StreamKind stream) {
        BinanceMessageParser parser = new BinanceMessageParser(symbol, stream, -8, -8);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        BinanceMessage m = new BinanceMessage();
        boolean wanted = parser.parse(bytes, 0, bytes.length, rest, m);
        if (wanted) {
            assertNotEquals(BinanceMessage.Kind.BAD, m.kind, json + ": " + m.reason);
        } else {
            assertTrue(json.contains("@kline_"), "only klines are of no interest: " + json);
        }
        SAMPLES.add(new Sample(bytes, rest, parser, wanted ? describe(m) : null));
    }

    /**
     * Every field a message can carry, as text: two messages read alike if their texts are equal. The ids a trade or
     * a book ticker copies from its own id are left out: one value read differently is one field of the text.
     */
    private static String describe(BinanceMessage m) {
        boolean copied = m.kind == BinanceMessage.Kind.TRADE || m.kind == BinanceMessage.Kind.QUOTE;
        StringBuilder text = new StringBuilder().append(m.kind).append(" E=").append(m.eventTime).append(" T=")
                .append(m.tradeTime).append(" U=").append(copied ? "copy" : m.firstId).append(" u=")
                .append(m.kind == BinanceMessage.Kind.TRADE ? "copy" : m.lastId).append(" pu=").append(m.prevId)
                .append(" id=").append(m.kind == BinanceMessage.Kind.QUOTE ? "copy" : m.id).append(" p=").append(m.price)
                .append(" q=")
                .append(m.size).append(" m=").append(m.aggressor).append(" bid=").append(m.bidPrice).append('/')
                .append(m.bidSize).append(" ask=").append(m.askPrice).append('/').append(m.askSize).append(" levels=");
        for (int i = 0; i < m.levels.count(); i++) {
            text.append(' ').append(m.levels.price(i)).append('/').append(m.levels.size(i));
        }
        return text.toString();
    }

    /** @return the parse, or fails the test if the parser threw. */
    private static boolean parse(Sample sample, byte[] bytes, int length, BinanceMessage m) {
        m.reset();
        try {
            return sample.parser().parse(bytes, 0, length, sample.rest(), m);
        } catch (RuntimeException e) {
            throw new AssertionError("threw on " + new String(bytes, 0, length, StandardCharsets.ISO_8859_1), e);
        }
    }

    private static void assertOneLineReason(BinanceMessage m) {
        assertFalse(m.reason == null || m.reason.isBlank(), "a reason");
        assertEquals(-1, m.reason.indexOf('\n'), m.reason);
        assertEquals(-1, m.reason.indexOf('\r'), m.reason);
    }

    @Test
    void shouldReportEveryCutMessageAsMalformed() {
        BinanceMessage m = new BinanceMessage();
        int cuts = 0;
        for (Sample sample : SAMPLES) {
            int length = sample.json().length;
            int step = Math.max(1, length / MAX_CUTS);
            for (int cut = 1; cut < length; cut += step) {
                assertTrue(parse(sample, sample.json(), cut, m));
                assertEquals(BinanceMessage.Kind.BAD, m.kind);
                assertTrue(m.reason.startsWith("malformed JSON: Unexpected end-of-input at byte " + cut + " ("),
                        m.reason);
                cuts++;
            }
            assertTrue(parse(sample, sample.json(), 0, m));
            assertEquals("expected a JSON object", m.reason);
        }
        assertTrue(cuts > 40_000, "cuts: " + cuts);
    }

    @Test
    void shouldReportDropOrReadAsIntactEveryMessageWithAByteChanged() {
        SplittableRandom random = new SplittableRandom(20261207); // fixed: a failure repeats
        BinanceMessage m = new BinanceMessage();
        int[] outcomes = new int[3];
        for (Sample sample : SAMPLES) {
            boolean[] inText = textBytes(sample.json());
            for (int n = 0; n < CHANGES; n++) {
                byte[] bytes = sample.json().clone();
                int at = random.nextInt(bytes.length);
                byte was = bytes[at];
                bytes[at] = (byte) (random.nextBoolean() ? random.nextInt(256)
                        : JSON_BYTES.charAt(random.nextInt(JSON_BYTES.length())));
                if (bytes[at] == was) {
                    continue;
                }
                String where = "byte " + at + " of " + new String(bytes, StandardCharsets.ISO_8859_1);
                boolean wanted = parse(sample, bytes, bytes.length, m);
                if (wanted && m.kind == BinanceMessage.Kind.BAD) {
                    assertOneLineReason(m);
                    outcomes[0]++;
                } else if (!wanted) {
                    assertTrue(inText[at] || sample.intact() == null, "dropped after a change outside a text: " + where);
                    outcomes[1]++;
                } else if (sample.intact() == null) {
                    fail("a message of no interest became one: " + where);
                } else {
                    assertReadAsIntactBut(sample.intact(), describe(m), inText[at], where);
                    outcomes[2]++;
                }
            }
        }
        assertTrue(outcomes[0] > 10_000 && outcomes[1] > 100 && outcomes[2] > 1_000,
                "reported, dropped, read: " + Arrays.toString(outcomes));
    }

    /** Read as intact, or (a byte of a name or value changed) with at most that one value different. */
    private static void assertReadAsIntactBut(String intact, String read, boolean inText, String where) {
        if (!inText) {
            assertEquals(intact, read, where);
            return;
        }
        String[] a = intact.split(" ");
        String[] b = read.split(" ");
        assertEquals(a.length, b.length, where);
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            differ += a[i].equals(b[i]) ? 0 : 1;
        }
        assertTrue(differ <= 1, "more than the changed value differs at " + where + "\n" + intact + "\n" + read);
    }

    /** @return which bytes are part of a string (its quotes included) or a number: names and values. */
    private static boolean[] textBytes(byte[] json) {
        boolean[] text = new boolean[json.length];
        boolean string = false;
        for (int i = 0; i < json.length; i++) {
            byte c = json[i];
            if (string) {
                text[i] = true;
                if (c == '\\') {
                    text[++i] = true;
                } else if (c == '"') {
                    string = false;
                }
            } else if (c == '"') {
                text[i] = true;
                string = true;
            } else {
                text[i] = c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 't' || c == 'r' || c == 'u'
                        || c == 'e' || c == 'f' || c == 'a' || c == 'l' || c == 's' || c == 'n';
            }
        }
        return text;
    }
}
