package chronicle.plugin.importer.binance;

import chronicle.ingest.spi.ImportException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One input file, read line by line into {@link Message}s of the requested symbol and stream, each with a time.
 *
 * <p>Line formats (detected per line, so files may mix them):
 * <ul>
 *   <li>{@code <url> -> <receive epoch seconds>: <json>}: a REST call of a cryptofeed http capture; depth snapshots
 *       ({@code .../depth?symbol=X...}) of the requested symbol are read, other calls skipped;</li>
 *   <li>{@code <receive epoch seconds>: <json>}: a websocket message of a cryptofeed ws capture;</li>
 *   <li>{@code <url> <-> <epoch seconds>}: a cryptofeed connection line, skipped;</li>
 *   <li>{@code {...}}: a plain JSON line (a combined-stream envelope, a bare event, or a bare REST snapshot);</li>
 *   <li>blank lines are skipped.</li>
 * </ul>
 *
 * <p>The time of a message: its receive time when the line has one; else its event time {@code E} (else {@code T});
 * else (a bare REST snapshot, a spot bookTicker) the time of the previous message of this file; at the start of a
 * file, the time of the next message of the file that has one (looking ahead at most {@link #MAX_LOOKAHEAD}
 * messages). A message with no time at all ("floating": the file has none) is placed by update id
 * ({@link BinanceSource}). Times of the imported messages of one file must not go backwards.
 *
 * <p>Memory: one line buffer (as long as the longest line) and at most {@link #MAX_LOOKAHEAD} messages.
 */
final class InputFile implements Closeable {

    /** Messages held while looking for the time of messages at the start of a file that have none. */
    static final int MAX_LOOKAHEAD = 256;
    /** Longest line accepted. */
    static final int MAX_LINE = 256 << 20;

    private final Path path;
    private final InputStream in;
    private final long size;
    private final MessageParser parser;
    private final byte[] buffer = new byte[64 << 10];
    private int position;
    private int limit;
    private boolean eof;
    private long consumed;
    private byte[] line = new byte[8 << 10];
    private int lineLength;
    private long lineNumber;
    private boolean replayLine;
    private boolean lineTooLong;
    private boolean exhausted;
    private long lastTime = Message.NO_TIME;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final ArrayDeque<Message> pool = new ArrayDeque<>();

    InputFile(Path path, InputStream in, long size, MessageParser parser) {
        this.path = path;
        this.in = in;
        this.size = size;
        this.parser = parser;
    }

    Path path() {
        return path;
    }

    /** @return lines read so far. */
    long lines() {
        return lineNumber;
    }

    /** @return bytes read so far (of the decompressed text, so capped at the file's size until it is done). */
    long bytesRead() {
        return exhausted ? size : Math.min(consumed, size);
    }

    long size() {
        return size;
    }

    /**
     * Checks that the file looks like a Binance capture: its first non-blank line is a cryptofeed line or a JSON
     * object. The line is read again by the first {@link #peek()}.
     *
     * @throws ImportException if it does not.
     * @throws IOException     if reading fails.
     */
    void sniff() throws IOException {
        while (readLine()) {
            int start = skipBlanks(0);
            if (start == lineLength) {
                continue;
            }
            replayLine = true;
            if (line[start] == '{' || indexOf(line, start, lineLength, (byte) '{') > start
                    || indexOf(line, start, lineLength, " <-> ") >= 0) {
                return;
            }
            throw new ImportException(path, lineNumber, "not a Binance capture: expected '<receive seconds>: <json>',"
                    + " '<url> -> <receive seconds>: <json>' (cryptofeed) or a JSON object per line");
        }
    }

    /**
     * @return the next message of this file, with its time assigned if it can be, or null at the end.
     * @throws IOException if reading fails, or {@link ImportException} if the time of messages cannot be found.
     */
    Message peek() throws IOException {
        Message head = queue.peekFirst();
        if (head != null) {
            return head;
        }
        head = produce();
        if (head == null) {
            return null;
        }
        queue.addLast(head);
        if (head.time == Message.NO_TIME) {
            // at the start of the file and without a time: take the next time of this file
            long found = Message.NO_TIME;
            while (found == Message.NO_TIME) {
                if (queue.size() >= MAX_LOOKAHEAD) {
                    throw new ImportException(path, head.line, "no receive time and no event time on "
                            + MAX_LOOKAHEAD + " messages in a row: cannot place them in time");
                }
                Message next = produce();
                if (next == null) {
                    break;
                }
                queue.addLast(next);
                found = next.time;
            }
            if (found != Message.NO_TIME) {
                for (Message m : queue) {
                    if (m.time == Message.NO_TIME) {
                        m.time = found;
                    }
                }
            }
        }
        return queue.peekFirst();
    }

    /** @return the message {@link #peek()} returned, now owned by the caller until {@link #recycle}. */
    Message poll() {
        return queue.pollFirst();
    }

    /** @param m a message of this file that is done with. */
    void recycle(Message m) {
        if (pool.size() < 4) {
            pool.addLast(m);
        }
    }

    private Message obtain() {
        Message m = pool.pollFirst();
        if (m == null) {
            m = new Message(this);
        }
        m.reset();
        return m;
    }

    /** The next message of interest, with its time rules applied; null at the end of the file. */
    private Message produce() throws IOException {
        Message m = obtain();
        while (true) {
            if (!readLine()) {
                exhausted = true;
                recycle(m);
                return null;
            }
            if (lineToMessage(m)) {
                break;
            }
            m.reset();
        }
        m.line = lineNumber;
        if (m.kind != Message.Kind.BAD) {
            if (m.ownTime) {
                if (lastTime != Message.NO_TIME && m.time < lastTime) {
                    m.bad("timestamp goes backwards: " + seconds(m.time) + " after " + seconds(lastTime));
                    m.time = lastTime;
                    m.ownTime = false;
                } else {
                    lastTime = m.time;
                }
            } else if (lastTime != Message.NO_TIME) {
                m.time = lastTime;
            }
        } else if (lastTime != Message.NO_TIME && (!m.ownTime || m.time < lastTime)) {
            m.time = lastTime; // a bad line keeps its own receive time only if that is plausible
        }
        return m;
    }

    private static String seconds(long nanos) {
        return Long.toString(nanos / 1_000_000_000L) + "." + String.format("%09d", nanos % 1_000_000_000L);
    }

    /** @return false if the line is of no interest. */
    private boolean lineToMessage(Message m) {
        if (lineTooLong) {
            m.bad("line longer than " + (MAX_LINE >> 20) + " MiB");
            return true;
        }
        int start = skipBlanks(0);
        int end = lineLength;
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) {
            end--;
        }
        if (start == end) {
            return false;
        }
        int brace = indexOf(line, start, end, (byte) '{');
        if (brace < 0) {
            if (indexOf(line, start, end, " <-> ") >= 0) {
                return false; // cryptofeed: the connection's address and time
            }
            m.bad("expected '<receive seconds>: <json>' or a JSON object");
            return true;
        }
        boolean rest = false;
        if (brace > start) {
            int prefixEnd = brace;
            while (prefixEnd > start && line[prefixEnd - 1] == ' ') {
                prefixEnd--;
            }
            if (prefixEnd == start || line[prefixEnd - 1] != ':') {
                m.bad("expected '<receive seconds>: <json>' before the JSON");
                return true;
            }
            int timeEnd = prefixEnd - 1;
            int timeStart = start;
            int arrow = indexOf(line, start, timeEnd, " -> ");
            if (arrow >= 0) {
                String url = new String(line, start, arrow - start, StandardCharsets.US_ASCII);
                if (!isDepthUrl(url)) {
                    return false; // another REST call (exchangeInfo ...)
                }
                String symbol = queryParameter(url, "symbol");
                if (symbol == null) {
                    m.bad("REST depth URL without a symbol parameter: " + url);
                    return true;
                }
                if (!parser.isSymbol(symbol)) {
                    return false;
                }
                rest = true;
                timeStart = arrow + 4;
            }
            try {
                m.time = receiveTime(line, timeStart, timeEnd);
                m.ownTime = true;
            } catch (NumberFormatException e) {
                m.bad(e.getMessage());
                return true;
            }
        }
        if (!parser.parse(line, brace, end - brace, rest, m)) {
            return false;
        }
        if (m.kind != Message.Kind.BAD && !m.ownTime) {
            long t = m.eventTime != Message.NO_TIME ? m.eventTime : m.tradeTime;
            if (t != Message.NO_TIME) {
                m.time = t;
                m.ownTime = true;
            }
        }
        return true;
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

    /**
     * Epoch seconds with a fraction ({@code 1633998512.0633569}) to epoch nanoseconds, exactly.
     *
     * @throws NumberFormatException if it is not such a number or is finer than nanoseconds.
     */
    static long receiveTime(byte[] text, int start, int end) {
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
                    if (++digits > 11) {
                        throw badTime(text, start, end);
                    }
                    seconds = seconds * 10 + (c - '0');
                } else {
                    fraction++;
                    if (fraction > 9) {
                        if (c != '0') {
                            throw new NumberFormatException("receive time '" + ascii(text, start, end)
                                    + "' is finer than nanoseconds");
                        }
                    } else {
                        nanos = nanos * 10 + (c - '0');
                    }
                }
            } else if (c == '.' && fraction < 0 && digits > 0) {
                fraction = 0;
            } else {
                throw badTime(text, start, end);
            }
        }
        if (digits == 0) {
            throw badTime(text, start, end);
        }
        for (int f = Math.max(fraction, 0); f < 9; f++) {
            nanos *= 10;
        }
        return seconds * 1_000_000_000L + nanos;
    }

    private static NumberFormatException badTime(byte[] text, int start, int end) {
        return new NumberFormatException("bad receive time '" + ascii(text, start, end)
                + "': expected epoch seconds such as 1633998512.0633569");
    }

    private static String ascii(byte[] text, int start, int end) {
        return new String(text, start, Math.min(end - start, 64), StandardCharsets.UTF_8);
    }

    private int skipBlanks(int from) {
        int i = from;
        while (i < lineLength && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
            i++;
        }
        // a UTF-8 byte-order mark at the start of the file
        if (lineNumber == 1 && i + 2 < lineLength && line[i] == (byte) 0xEF && line[i + 1] == (byte) 0xBB
                && line[i + 2] == (byte) 0xBF) {
            i += 3;
        }
        return i;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, int from, int to, String needle) {
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

    /** Reads the next line (without its terminator) into {@link #line}; false at the end of the input. */
    private boolean readLine() throws IOException {
        if (replayLine) {
            replayLine = false;
            return true;
        }
        lineLength = 0;
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            int newline = indexOf(buffer, position, limit, (byte) '\n');
            int end = newline >= 0 ? newline : limit;
            int chunk = end - position;
            if (!tooLong) {
                if ((long) lineLength + chunk > MAX_LINE) {
                    tooLong = true;
                } else {
                    if (lineLength + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.max(lineLength + chunk, Math.min(line.length * 2, MAX_LINE)));
                    }
                    System.arraycopy(buffer, position, line, lineLength, chunk);
                    lineLength += chunk;
                }
            }
            consumed += chunk;
            position = end;
            if (newline >= 0) {
                position++;
                consumed++;
                break;
            }
        }
        lineNumber++;
        lineTooLong = tooLong;
        if (tooLong) {
            lineLength = 0; // the line is skipped and reported as bad input
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        return true;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
