package chronicle.feed.binance.api;

import chronicle.core.api.QueueWriter;
import chronicle.feed.binance.internal.QueueSink;
import chronicle.feed.binance.internal.SymbolBook;
import chronicle.ingest.api.binance.BinanceMessage;
import chronicle.ingest.api.binance.BinanceRecords;
import chronicle.ingest.api.binance.BookSync;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.StreamKind;

import java.util.List;

/**
 * The feed's hot path: one combined-stream message (or one REST snapshot) in, its records appended to the raw
 * queue. Parsing ({@code BinanceMessageParser}), synchronisation ({@code BookSync}) and records
 * ({@code BinanceRecords}) are the Binance import's own, so the feed's queue holds what an import of the same messages
 * holds.
 *
 * <p><b>Synchronisation.</b> {@link #startBooks(long)} (a new connection) asks for every symbol's snapshot; until it
 * comes, the symbol's diffs are held. The snapshot is appended as a snapshot record, then the held diffs go through the
 * rules: stale ones are dropped, the first newer one must bridge the snapshot. A break (a diff that does not bridge or
 * chain: a lost frame, a stale snapshot) appends one SEQUENCE_BREAK gap marker and asks for a new snapshot, holding
 * diffs again. A lost connection ({@link #connectionLost(long, String)}) appends one RECONNECT gap marker per symbol
 * (messages of any of its streams may be lost), and forgets the books. Trades and book tickers are appended as they come.
 *
 * <p>Returns status codes, never throws for bad input. Allocates nothing per message in steady state (holding diffs
 * during a resynchronisation copies them). <b>Not thread-safe:</b> the feed calls it under one lock.
 */
public final class BinanceNormalizer {

    /** Status: records were appended. */
    public static final int APPENDED = 1;
    /** Status: a diff was held until its book's snapshot comes. */
    public static final int HELD = 2;
    /** Status: nothing to append (another stream, a stale diff, a subscription reply). */
    public static final int IGNORED = 0;
    /** Status: the message is bad input ({@link #lastProblem()} says why); nothing was appended. */
    public static final int BAD = -1;

    /** Asks for a symbol's REST snapshot; the answer comes back through {@link #onSnapshot}. */
    @FunctionalInterface
    public interface SnapshotRequests {
        /** @param symbol the symbol's index in the feed's list. */
        void request(int symbol);
    }

    private static final byte[] STREAM_PREFIX = "{\"stream\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final SymbolBook[] books;
    private final QueueSink.Shared queue;
    private final BinanceRecords records = new BinanceRecords();
    private final SnapshotRequests requests;
    private long bad;
    private String lastProblem;

    /**
     * @param writer    the raw queue's writer.
     * @param symbols   the symbols, upper case.
     * @param venueId   the venue's id in the bus registry.
     * @param marketIds each symbol's market id, in order.
     * @param requests  where snapshot requests go.
     */
    public BinanceNormalizer(QueueWriter writer, List<String> symbols, int venueId, long[] marketIds,
                             SnapshotRequests requests) {
        this.queue = new QueueSink.Shared(writer);
        this.requests = requests;
        this.books = new SymbolBook[symbols.size()];
        for (int i = 0; i < books.length; i++) {
            books[i] = new SymbolBook(symbols.get(i), venueId, marketIds[i], queue);
        }
    }

    /**
     * A new connection: every book holds its diffs and asks for a snapshot.
     *
     * @param nanos now, epoch ns.
     */
    public void startBooks(long nanos) {
        for (int i = 0; i < books.length; i++) {
            books[i].sync().reset();
            books[i].snapshotPending(true); // diffs that came before this call stay held: the snapshot may need them
            requests.request(i);
        }
    }

    /**
     * An open connection was lost: one RECONNECT gap marker per symbol, and every book forgotten until
     * {@link #startBooks(long)}.
     *
     * @param nanos when, epoch ns.
     * @param why   the cause, for the gap marker's note.
     */
    public void connectionLost(long nanos, String why) {
        for (SymbolBook book : books) {
            // whatever the book's state, messages of every stream may have been lost with the connection
            book.sink().gap(nanos, EventHeader.NULL_ID, EventHeader.NULL_ID, GapReason.RECONNECT,
                    book.symbol() + ": connection lost (" + why + "); the book restarts from a new snapshot");
            book.sync().reset();
            book.takeHeld();
            book.snapshotPending(false);
        }
    }

    /**
     * One combined-stream message ({@code {"stream":"<symbol>@<channel>","data":{...}}}).
     *
     * @param json         its bytes (UTF-8; Binance's are ASCII).
     * @param length       its length.
     * @param receiveNanos when it arrived, epoch ns.
     * @return {@link #APPENDED}, {@link #HELD}, {@link #IGNORED} or {@link #BAD}.
     */
    public int onMessage(byte[] json, int length, long receiveNanos) {
        if (!startsWithStream(json, length)) {
            return IGNORED; // a subscription reply or another kind of message
        }
        int symbolStart = STREAM_PREFIX.length;
        int at = indexOf(json, symbolStart, length, (byte) '@');
        if (at < 0) {
            return IGNORED;
        }
        SymbolBook book = book(json, symbolStart, at);
        StreamKind stream = channel(json, at + 1, length);
        if (book == null || stream == null) {
            return IGNORED;
        }
        BinanceMessage m = book.message();
        m.reset();
        if (!book.parser(stream).parse(json, 0, length, false, m)) {
            return IGNORED;
        }
        m.time = receiveNanos;
        return switch (m.kind) {
            case DIFF -> diff(book, m, json, length, receiveNanos);
            case TRADE -> {
                records.trade(book.header(), m, book.sink());
                yield APPENDED;
            }
            case QUOTE -> {
                records.quote(book.header(), m, book.sink());
                yield APPENDED;
            }
            case BAD -> bad(book, m);
            default -> IGNORED;
        };
    }

    /**
     * A REST depth snapshot of one symbol: appended, then the held diffs follow the rules.
     *
     * @param symbol       the symbol's index.
     * @param json         the reply's bytes.
     * @param length       its length.
     * @param receiveNanos when it arrived, epoch ns.
     * @return {@link #APPENDED}, {@link #IGNORED} (a snapshot older than the book, or none was awaited) or
     *         {@link #BAD}.
     */
    public int onSnapshot(int symbol, byte[] json, int length, long receiveNanos) {
        SymbolBook book = books[symbol];
        if (!book.snapshotPending()) {
            return IGNORED; // a late answer to a request of an earlier connection
        }
        BinanceMessage m = book.message();
        m.reset();
        book.parser(StreamKind.BOOK).parse(json, 0, length, true, m);
        if (m.kind != BinanceMessage.Kind.SNAPSHOT) {
            return bad(book, m);
        }
        m.time = receiveNanos;
        book.snapshotPending(false);
        int status = IGNORED;
        if (book.sync().onSnapshot(m.id) == BookSync.Decision.SNAPSHOT) {
            records.snapshot(book.header(), m, book.sink());
            status = APPENDED;
        }
        for (SymbolBook.HeldDiff held : book.takeHeld()) {
            onMessage(held.json(), held.json().length, held.receiveNanos());
        }
        return status;
    }

    private int diff(SymbolBook book, BinanceMessage m, byte[] json, int length, long receiveNanos) {
        if (book.snapshotPending()) {
            book.hold(json, length, receiveNanos);
            return HELD;
        }
        return switch (book.sync().onDiff(m.firstId, m.lastId, m.prevId)) {
            case APPLY -> {
                records.diff(book.header(), m, book.sink());
                yield APPENDED;
            }
            case BREAK -> {
                BookSync sync = book.sync();
                book.sink().gap(receiveNanos, sync.breakFrom(), sync.breakTo(), GapReason.SEQUENCE_BREAK,
                        book.symbol() + ": " + sync.describeBreak(m.firstId, m.lastId, m.prevId)
                                + "; resynchronising from a new REST snapshot");
                book.snapshotPending(true);
                requests.request(indexOf(book));
                yield APPENDED;
            }
            case BEFORE_SNAPSHOT, AFTER_BREAK -> {
                book.hold(json, length, receiveNanos); // no snapshot asked for yet (no connection started the books)
                yield HELD;
            }
            default -> IGNORED;
        };
    }

    private int bad(SymbolBook book, BinanceMessage m) {
        bad++;
        lastProblem = book.symbol() + ": " + m.reason;
        return BAD;
    }

    private int indexOf(SymbolBook book) {
        for (int i = 0; i < books.length; i++) {
            if (books[i] == book) {
                return i;
            }
        }
        throw new IllegalStateException("not a book of this feed");
    }

    private SymbolBook book(byte[] json, int from, int to) {
        for (SymbolBook book : books) {
            if (book.named(json, from, to)) {
                return book;
            }
        }
        return null;
    }

    /** The channel after {@code <symbol>@}: depth (diffs; not the partial depth5/10/20), trade/aggTrade, bookTicker. */
    private static StreamKind channel(byte[] json, int from, int length) {
        int end = from;
        while (end < length && json[end] != '@' && json[end] != '"') {
            end++;
        }
        int n = end - from;
        if (n == 5 && startsWith(json, from, "depth")) {
            return StreamKind.BOOK;
        }
        if ((n == 5 && startsWith(json, from, "trade")) || (n == 8 && startsWith(json, from, "aggTrade"))) {
            return StreamKind.TRADES;
        }
        if (n == 10 && startsWith(json, from, "bookTicker")) {
            return StreamKind.QUOTES;
        }
        return null;
    }

    private static boolean startsWith(byte[] json, int from, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (json[from + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithStream(byte[] json, int length) {
        if (length < STREAM_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < STREAM_PREFIX.length; i++) {
            if (json[i] != STREAM_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** @return records appended (gap markers included). */
    public long appended() {
        return queue.appended();
    }

    /** @return gap markers appended. */
    public long gaps() {
        return queue.gaps();
    }

    /** @return appends the queue refused (a full disk, a record too large): each is also {@link #lastProblem()}. */
    public long failures() {
        return queue.failures();
    }

    /** @return bad messages skipped. */
    public long badMessages() {
        return bad;
    }

    /** @return the last bad message's reason, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    /** @return whether every book is in step with the venue (for tests and status lines). */
    public boolean allSynced() {
        for (SymbolBook book : books) {
            if (book.snapshotPending() || book.sync().state() != BookSync.State.SYNCED) {
                return false;
            }
        }
        return true;
    }
}
