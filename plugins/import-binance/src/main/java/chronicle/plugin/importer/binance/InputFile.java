package chronicle.plugin.importer.binance;

import chronicle.ingest.api.binance.BinanceMessage;
import chronicle.ingest.api.binance.BinanceMessageParser;
import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.LineReader;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * One input file, read line by line ({@link CaptureLine} tells each line's framing, {@link BinanceMessageParser} its JSON)
 * into {@link BinanceMessage}s of the requested symbol and stream, each with a time.
 *
 * <p>The time of a message: its receive time when the line has one; else its event time {@code E} (else {@code T});
 * else (a bare REST snapshot, a spot bookTicker) the time of the previous message of this file; at the start of a
 * file, the time of the next message of the file that has one (looking ahead at most {@link #MAX_LOOKAHEAD}
 * messages). A message with no time at all ("floating": the file has none) is placed by update id
 * ({@link BinanceSource}). Times of the imported messages of one file must not go backwards.
 *
 * <p>Rows: every line but blank lines and cryptofeed connection lines; rows of other symbols, of streams not asked
 * for, and other REST calls are counted as {@link #otherRows()}.
 *
 * <p>Memory: one line buffer (as long as the longest line) and at most {@link #MAX_LOOKAHEAD} messages.
 */
final class InputFile implements Closeable {

    /** Messages held while looking for the time of messages at the start of a file that have none. */
    static final int MAX_LOOKAHEAD = 256;

    private final LineReader in;
    private final BinanceMessageParser parser;
    private final CaptureLine capture = new CaptureLine();
    private final ArrayDeque<BinanceMessage> queue = new ArrayDeque<>();
    private final ArrayDeque<BinanceMessage> pool = new ArrayDeque<>();
    private boolean replayLine;
    private long lastTime = BinanceMessage.NO_TIME;
    private long rows;
    private long otherRows;

    InputFile(LineReader in, BinanceMessageParser parser) {
        this.in = in;
        this.parser = parser;
    }

    Path path() {
        return in.file();
    }

    /** @return data rows read so far. */
    long rows() {
        return rows;
    }

    /** @return of those, the rows of other symbols, streams or REST calls. */
    long otherRows() {
        return otherRows;
    }

    /** @return bytes read so far, of {@link #size()}. */
    long bytesRead() {
        return in.bytesRead();
    }

    long size() {
        return in.size();
    }

    /**
     * Checks that the file looks like a Binance capture: its first non-blank line is a cryptofeed line or a JSON
     * object. The line is read again by the first {@link #peek()}.
     *
     * @throws ImportException if it does not.
     * @throws IOException     if reading fails.
     */
    void sniff() throws IOException {
        while (in.next()) {
            if (in.isBlank()) {
                continue;
            }
            replayLine = true;
            byte[] line = in.bytes();
            int start = in.start();
            while (line[start] == ' ' || line[start] == '\t') {
                start++;
            }
            if (line[start] == '{' || CaptureLine.indexOf(line, start, in.end(), (byte) '{') > start
                    || CaptureLine.indexOf(line, start, in.end(), " <-> ") >= 0) {
                return;
            }
            throw in.error("not a Binance capture: expected '<receive seconds>: <json>',"
                    + " '<url> -> <receive seconds>: <json>' (cryptofeed) or a JSON object per line");
        }
    }

    /**
     * @return the next message of this file, with its time assigned if it can be, or null at the end.
     * @throws IOException if reading fails, or {@link ImportException} if the time of messages cannot be found.
     */
    BinanceMessage peek() throws IOException {
        BinanceMessage head = queue.peekFirst();
        if (head != null) {
            return head;
        }
        head = produce();
        if (head == null) {
            return null;
        }
        queue.addLast(head);
        if (head.time == BinanceMessage.NO_TIME) {
            // at the start of the file and without a time: take the next time of this file
            long found = BinanceMessage.NO_TIME;
            while (found == BinanceMessage.NO_TIME) {
                if (queue.size() >= MAX_LOOKAHEAD) {
                    throw new ImportException(path(), head.line, "no receive time and no event time on "
                            + MAX_LOOKAHEAD + " messages in a row: cannot place them in time");
                }
                BinanceMessage next = produce();
                if (next == null) {
                    break;
                }
                queue.addLast(next);
                found = next.time;
            }
            if (found != BinanceMessage.NO_TIME) {
                for (BinanceMessage m : queue) {
                    if (m.time == BinanceMessage.NO_TIME) {
                        m.time = found;
                    }
                }
            }
        }
        return queue.peekFirst();
    }

    /** @return the message {@link #peek()} returned, now owned by the caller until {@link #recycle}. */
    BinanceMessage poll() {
        return queue.pollFirst();
    }

    /** @param m a message of this file that is done with. */
    void recycle(BinanceMessage m) {
        if (pool.size() < 4) {
            pool.addLast(m);
        }
    }

    private BinanceMessage obtain() {
        BinanceMessage m = pool.pollFirst();
        if (m == null) {
            m = new BinanceMessage();
        }
        m.reset();
        return m;
    }

    /** The next message of interest, with its time rules applied; null at the end of the file. */
    private BinanceMessage produce() throws IOException {
        BinanceMessage m = obtain();
        while (true) {
            if (!replayLine && !in.next()) {
                recycle(m);
                return null;
            }
            replayLine = false;
            if (lineToMessage(m)) {
                break;
            }
            m.reset();
        }
        m.line = in.lineNumber();
        if (m.kind != BinanceMessage.Kind.BAD) {
            if (m.ownTime) {
                if (lastTime != BinanceMessage.NO_TIME && m.time < lastTime) {
                    m.bad("timestamp goes backwards: " + seconds(m.time) + " after " + seconds(lastTime));
                    m.time = lastTime;
                    m.ownTime = false;
                } else {
                    lastTime = m.time;
                }
            } else if (lastTime != BinanceMessage.NO_TIME) {
                m.time = lastTime;
            }
        } else if (lastTime != BinanceMessage.NO_TIME && (!m.ownTime || m.time < lastTime)) {
            m.time = lastTime; // a bad line keeps its own receive time only if that is plausible
        }
        return m;
    }

    private static String seconds(long nanos) {
        return nanos / 1_000_000_000L + "." + String.format("%09d", nanos % 1_000_000_000L);
    }

    /** @return false if the line is of no interest (counting it as a row of another symbol or stream if it is one). */
    private boolean lineToMessage(BinanceMessage m) {
        if (in.tooLong()) {
            rows++;
            m.bad("line longer than " + (in.maxLine() >> 20) + " MiB");
            return true;
        }
        int framing = capture.read(in.bytes(), in.start(), in.end(), parser);
        if (framing == CaptureLine.NOT_A_ROW) {
            return false;
        }
        rows++;
        switch (framing) {
            case CaptureLine.OTHER -> {
                otherRows++;
                return false;
            }
            case CaptureLine.BAD -> {
                m.bad(capture.reason);
                return true;
            }
            default -> {
                // JSON to parse
            }
        }
        if (capture.receiveTime != BinanceMessage.NO_TIME) {
            m.time = capture.receiveTime;
            m.ownTime = true;
        }
        if (!parser.parse(in.bytes(), capture.jsonStart, capture.jsonEnd - capture.jsonStart, capture.rest, m)) {
            otherRows++;
            return false;
        }
        if (m.kind != BinanceMessage.Kind.BAD && !m.ownTime) {
            long t = m.eventTime != BinanceMessage.NO_TIME ? m.eventTime : m.tradeTime;
            if (t != BinanceMessage.NO_TIME) {
                m.time = t;
                m.ownTime = true;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
