package chronicle.plugin.importer.binance;

import chronicle.ingest.api.binance.BinanceMessage;
import chronicle.ingest.api.binance.BinanceMessageParser;

import java.nio.charset.StandardCharsets;

/**
 * The framing of one line of a Binance capture file: where its JSON is, and for a cryptofeed line its receive time
 * and whether it is a REST depth snapshot. Line formats (told per line, so files may mix them):
 * <ul>
 *   <li>{@code <url> -> <receive epoch seconds>: <json>}: a REST call of a cryptofeed http capture; depth snapshots
 *       ({@code .../depth?symbol=X...}) of the requested symbol are read, other calls skipped;</li>
 *   <li>{@code <receive epoch seconds>: <json>}: a websocket message of a cryptofeed ws capture;</li>
 *   <li>{@code <url> <-> <epoch seconds>}: a cryptofeed connection line, not a row;</li>
 *   <li>{@code {...}}: a plain JSON line (a combined-stream envelope, a bare event, or a bare REST snapshot);</li>
 *   <li>blank lines, not rows.</li>
 * </ul>
 * A flyweight, reused for every line; no exceptions for bad input. <b>Not thread-safe.</b>
 */
final class CaptureLine {

    /** {@link #read} result: a blank line or a connection line, which carry no data. */
    static final int NOT_A_ROW = 0;
    /** {@link #read} result: a row of no interest (another REST call, another symbol's REST snapshot). */
    static final int OTHER = 1;
    /** {@link #read} result: JSON to parse, from {@link #jsonStart} to {@link #jsonEnd}. */
    static final int JSON = 2;
    /** {@link #read} result: bad input; {@link #reason} says why. */
    static final int BAD = 3;

    private static final int MAX_SECONDS_DIGITS = 11;
    private static final int NANOS_DIGITS = 9;
    private static final int QUOTED = 64;

    int jsonStart;
    int jsonEnd;
    /** The receive time (ns), or {@link BinanceMessage#NO_TIME} for a plain JSON line. */
    long receiveTime;
    /** Whether the JSON is a REST depth snapshot of the requested symbol (cryptofeed http line). */
    boolean rest;
    String reason;

    /**
     * Reads the framing of a line.
     *
     * @param line   the bytes.
     * @param from   where the line begins.
     * @param to     where it ends.
     * @param parser tells whether a symbol (of a REST URL) is the requested one.
     * @return {@link #NOT_A_ROW}, {@link #OTHER}, {@link #JSON} or {@link #BAD}.
     */
    int read(byte[] line, int from, int to, BinanceMessageParser parser) {
        rest = false;
        reason = null;
        receiveTime = BinanceMessage.NO_TIME;
        int start = from;
        int end = to;
        while (start < end && isBlank(line[start])) {
            start++;
        }
        while (end > start && isBlank(line[end - 1])) {
            end--;
        }
        if (start == end) {
            return NOT_A_ROW;
        }
        int brace = indexOf(line, start, end, (byte) '{');
        if (brace < 0) {
            if (indexOf(line, start, end, " <-> ") >= 0) {
                return NOT_A_ROW; // cryptofeed: the connection's address and time
            }
            return bad("expected '<receive seconds>: <json>' or a JSON object");
        }
        jsonStart = brace;
        jsonEnd = end;
        if (brace == start) {
            return JSON;
        }
        int prefixEnd = brace;
        while (prefixEnd > start && line[prefixEnd - 1] == ' ') {
            prefixEnd--;
        }
        if (prefixEnd == start || line[prefixEnd - 1] != ':') {
            return bad("expected '<receive seconds>: <json>' before the JSON");
        }
        int timeEnd = prefixEnd - 1;
        int timeStart = start;
        int arrow = indexOf(line, start, timeEnd, " -> ");
        if (arrow >= 0) {
            String url = new String(line, start, arrow - start, StandardCharsets.US_ASCII);
            if (!isDepthUrl(url)) {
                return OTHER; // another REST call (exchangeInfo ...)
            }
            String symbol = queryParameter(url, "symbol");
            if (symbol == null) {
                return bad("REST depth URL without a symbol parameter: " + url);
            }
            if (!parser.isSymbol(symbol)) {
                return OTHER;
            }
            rest = true;
            timeStart = arrow + 4;
        }
        receiveTime = receiveTime(line, timeStart, timeEnd);
        return receiveTime == BinanceMessage.NO_TIME ? BAD : JSON;
    }

    /**
     * Epoch seconds with a fraction ({@code 1633998512.0633569}) to epoch nanoseconds, exactly.
     *
     * @return the time, or {@link BinanceMessage#NO_TIME} with {@link #reason} set if it is not such a number or is finer
     * than nanoseconds.
     */
    private long receiveTime(byte[] text, int from, int end) {
        int start = from;
        while (start < end && text[start] == ' ') {
            start++;
        }
        long seconds = 0;
        long nanos = 0;
        int digits = 0;
        int fraction = -1;
        for (int i = start; i < end; i++) {
            byte c = text[i];
            if (c >= '0' && c <= '9') {
                if (fraction < 0) {
                    if (++digits > MAX_SECONDS_DIGITS) {
                        return badTime(text, start, end);
                    }
                    seconds = seconds * 10 + (c - '0');
                } else if (++fraction > NANOS_DIGITS) {
                    if (c != '0') {
                        reason = "receive time '" + quote(text, start, end) + "' is finer than nanoseconds";
                        return BinanceMessage.NO_TIME;
                    }
                } else {
                    nanos = nanos * 10 + (c - '0');
                }
            } else if (c == '.' && fraction < 0 && digits > 0) {
                fraction = 0;
            } else {
                return badTime(text, start, end);
            }
        }
        if (digits == 0) {
            return badTime(text, start, end);
        }
        for (int f = Math.max(fraction, 0); f < NANOS_DIGITS; f++) {
            nanos *= 10;
        }
        return seconds * 1_000_000_000L + nanos;
    }

    private long badTime(byte[] text, int start, int end) {
        reason = "bad receive time '" + quote(text, start, end) + "': expected epoch seconds such as"
                + " 1633998512.0633569";
        return BinanceMessage.NO_TIME;
    }

    private int bad(String why) {
        reason = why;
        return BAD;
    }

    private static String quote(byte[] text, int start, int end) {
        return new String(text, start, Math.min(end - start, QUOTED), StandardCharsets.UTF_8);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private static boolean isDepthUrl(String url) {
        int query = url.indexOf('?');
        String pathPart = query >= 0 ? url.substring(0, query) : url;
        return pathPart.endsWith("/depth");
    }

    private static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(byte[] bytes, int from, int to, String needle) {
        int n = needle.length();
        outer:
        for (int i = from; i + n <= to; i++) {
            for (int j = 0; j < n; j++) {
                if (bytes[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
