package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.ImportException;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.VendorAdapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports LOBSTER files (lobsterdata.com, reconstructed from NASDAQ TotalView-ITCH) as order-by-order (L3) book
 * events: vendor {@code lobster}.
 *
 * <h2>Inputs</h2>
 * The first input is the <b>message file</b> {@code TICKER_YYYY-MM-DD_START_END_message_N.csv} (any installed
 * compressor's extension may follow); the optional second input is the matching <b>orderbook file</b>. Without a
 * second input the orderbook file is looked for beside the message file under LOBSTER's naming (the last
 * {@code _message_} of the name replaced by {@code _orderbook_}); if there is none, the import has no opening book
 * (see below). Only the {@code book} stream exists ({@code --stream book}, the default).
 *
 * <p>Message file, no header row, one message per line: time (seconds after midnight, up to 9 decimals), type
 * (1 to 7), order id, size, price (dollars x 10000), direction (1 buy, -1 sell; for executions the side of the
 * resting order). Orderbook file: row k is the book after message k, {@code N} levels of ask price, ask size, bid
 * price, bid size; an empty level is {@code 9999999999 / -9999999999} with size 0.
 *
 * <h2>Records</h2>
 * One record per message line: {@code MessageType.L3_EVENTS}, {@code EventType.DIFF}, {@code BookMode.L3}, stream
 * {@code BOOK}, price exponent -4 (LOBSTER prices are dollars x 10000, so the mantissa is the file's number), size
 * exponent 0 (shares), flags 0, venue and market ids of the {@link ImportRequest}. The header's sequence, first and
 * last update id are the line number k (1-based); the previous update id is k - 1, so replay checks that the lines
 * chain and sees a skipped line ({@code --on-error gap}) as a gap. One L3 event per message:
 * <table>
 *   <caption>LOBSTER type to L3 action</caption>
 *   <tr><th>type</th><th>L3 event</th></tr>
 *   <tr><td>1 new limit order</td><td>{@code ADD} id, side, price, size</td></tr>
 *   <tr><td>2 partial cancel</td><td>{@code CANCEL}, size = the cancelled amount</td></tr>
 *   <tr><td>3 deletion</td><td>{@code DELETE}</td></tr>
 *   <tr><td>4 visible execution</td><td>{@code EXECUTE_VISIBLE}, size = executed amount, trade id 0</td></tr>
 *   <tr><td>5 hidden execution</td><td>{@code EXECUTE_HIDDEN} (the visible book does not change)</td></tr>
 *   <tr><td>6 cross trade</td><td>{@code TRADE} (the visible book does not change)</td></tr>
 *   <tr><td>7 trading halt</td><td>{@code HALT}, side {@code UNKNOWN}, price 0, size 1 for a halt (LOBSTER price
 *       -1), 0 for a resume (price 0 quoting resumes, 1 trading resumes: the protocol cannot tell them apart)</td></tr>
 * </table>
 * For types 2 to 4 the order id may be replaced by a synthetic level order's id: see <i>Reconciliation</i>.
 *
 * <h2>Time</h2>
 * LOBSTER times are seconds after midnight, <em>exchange local time</em> (NASDAQ, {@code America/New_York}). The
 * trading date comes from the message file's name (an import without one fails: LOBSTER's times are meaningless
 * without it). A message's time in epoch nanoseconds is the instant of local midnight of that date in
 * {@code America/New_York} (so 04:00 UTC in summer, 05:00 UTC in winter) plus the message's time, exactly, parsed
 * as decimal digits (no floating point). Seconds are counted as elapsed time since midnight; on the two days a year
 * where that differs from wall-clock time (DST switches, on Sundays) NASDAQ does not trade. The exchange, ingest
 * and journal timestamps are all that time: LOBSTER has no receive time. Time must not go backwards (equal times
 * are normal: one ITCH message executing several orders becomes several lines with the same time).
 *
 * <h2>Opening book</h2>
 * LOBSTER has no opening snapshot: orders resting before the first message are unknown to the message file. When
 * the orderbook file is present its row 1 (the book <em>after</em> message 1) is read, and message 1's effect is
 * undone on it to get the visible book <em>before</em> message 1: a new order (type 1) is taken off its level (the
 * level must show at least its size, else the files do not match: bad input at orderbook line 1); a cancel,
 * deletion or visible execution (2 to 4) is put back (on a level that row 1 no longer shows, the level is
 * re-created with that size); 5 to 7 change nothing. Every level obtained is kept, even where there are N + 1 on a
 * side (a level deleted by message 1 pushes row 1's last level one deeper; its size is still known exactly). Only
 * row 1 is parsed: memory stays bounded.
 *
 * <p>That book is written first, as one record (sequence and update id 0, the time of message 1, flags
 * {@code SYNTHETIC}, {@code EventType.SNAPSHOT}) of L3 events: a {@code CLEAR}, then one {@code ADD} per level of
 * a <b>synthetic level order</b> holding the level's whole size, with ids -1, -2, ... in the order written: the bid
 * levels best first, then the ask levels best first. Real LOBSTER order ids are never negative (a negative id of
 * types 1 to 4 is bad input), so the two never collide.
 *
 * <h2>Reconciliation of orders that rested before the start</h2>
 * The adapter remembers every order id it has seen added (type 1), with its remaining size, and forgets it when a
 * deletion, or cancels and executions adding up to its size, remove it (replay does the same with its book). A
 * cancel, deletion or visible execution (types 2 to 4) of an id it does not know refers to an order that rested
 * before the first message; it becomes an action on the synthetic level order of the same side and price, if that
 * one still has size left:
 * <ul>
 *   <li>type 2, partial cancel of s: {@code CANCEL} of s on the synthetic order;</li>
 *   <li>type 3, deletion of an order of s: {@code CANCEL} of s on the synthetic order (not a {@code DELETE}: the
 *       synthetic order stands for all the orders that rested at that price, and the others stay);</li>
 *   <li>type 4, visible execution of s: {@code EXECUTE_VISIBLE} of s on the synthetic order.</li>
 * </ul>
 * The size is the vendor's, untouched; the synthetic order's remaining size goes down by it, and at zero or below it
 * is spent (replay removes it), so later messages at that price are no longer mapped. Pre-existing orders sit at
 * the front of their level's queue, as the synthetic order, added first, does. Because the deletions of
 * pre-existing orders state their full remaining size, the partial cancels, executions and deletion of one such
 * order take exactly its size off the synthetic order, and a level whose pre-existing orders all leave has no
 * synthetic size left.
 *
 * <p>An unknown id with no synthetic size at its price (there is no orderbook file, the price was deeper than the
 * visible levels at the start, or the order was added while its level was out of view: LOBSTER's message file omits
 * the changes to levels deeper than its N visible ones) keeps its vendor id; replay finds no such order and leaves
 * the book as it is, which is as good as the message file allows. For the same reason, a level that was ever deeper
 * than N may differ from the orderbook file when it comes back into view (the adapter does not read the orderbook
 * file past row 1). Such an id may also belong to an order added out of view at a price that does hold synthetic
 * size; it is then taken off the synthetic order, which can only happen at a price that was out of view.
 *
 * <h2>Bad input</h2>
 * A bad number, a missing (or extra) column (an empty line, garbage, a line cut short), an unknown type, an unknown
 * direction, a negative order id, a size or price out of range, time going backwards, an orderbook row 1 that does
 * not match message 1, or an orderbook file whose rows do not pair with the message lines (see below): under
 * {@code OnError.FAIL} an {@link ImportException} {@code file:line: reason}; under {@code OnError.GAP} the line is
 * skipped, and {@code EventSink.gap} is called with reason {@code BAD_INPUT}, the line number as first and last
 * missing id, and the note {@code file:line: reason}. A skipped line leaves its tracked orders as they were. A
 * skipped message 1 cannot be undone, so the opening book is then row 1 as it is: the book <em>after</em> message
 * 1, written after the gap marker with update id 1, so that message 2 chains to it. A bad orderbook row 1 gives no
 * opening book (a gap marker under {@code OnError.GAP}, without update ids).
 *
 * <h2>Missing lines</h2>
 * LOBSTER messages carry no sequence number, but LOBSTER writes exactly one orderbook row per message. The orderbook
 * file is read alongside the message file (its rows after row 1 only counted), so a message file that goes on after
 * the orderbook file ends (bad input at that message line), or ends while the orderbook file goes on (bad input at
 * the orderbook row without a message: a message line was deleted), is found. Under {@code OnError.GAP} the gap
 * marker has no update ids, and the pairing is not checked further. Without an orderbook file, or when its row 1 is
 * bad, a deleted message line cannot be found. A last line without a line end is read like any other: a line cut
 * short fails its own checks.
 *
 * <h2>Memory and progress</h2>
 * Both files are read line by line through {@link ImportRequest#opener()}. Memory holds the ids of the orders added
 * and not yet removed (including orders removed out of view, which the message file never reports), at most N + 1
 * synthetic orders per side, one record and two line buffers. {@code rows()} counts message lines;
 * {@code bytesRead()} and {@code totalBytes()} are those of the message file.
 *
 * <p><b>Thread safety:</b> the adapter is stateless and may be shared; each source is used by one thread.
 */
public final class LobsterAdapter implements VendorAdapter {

    /** The exchange's time zone: LOBSTER times are seconds after local midnight. */
    static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

    private static final Pattern DATE = Pattern.compile("_(\\d{4}-\\d{2}-\\d{2})_");
    private static final String MESSAGE = "_message_";
    private static final String ORDERBOOK = "_orderbook_";

    /** A provider needs a public no-argument constructor. */
    public LobsterAdapter() {
    }

    @Override
    public String name() {
        return "lobster";
    }

    @Override
    public String description() {
        return "LOBSTER message files (and orderbook files for the opening book) as L3 order-by-order events";
    }

    @Override
    public ImportSource open(ImportRequest request) throws IOException {
        List<Path> inputs = request.inputs();
        if (inputs == null || inputs.isEmpty()) {
            throw new ImportException(Path.of("lobster"), 0,
                    "no input: give the message file, and optionally its orderbook file");
        }
        Path messages = inputs.getFirst();
        if (inputs.size() > 2) {
            throw new ImportException(inputs.get(2), 0,
                    "lobster takes two inputs at most: the message file, then its orderbook file");
        }
        String name = messages.getFileName() == null ? messages.toString() : messages.getFileName().toString();
        if (name.contains(ORDERBOOK) && !name.contains(MESSAGE)) {
            throw new ImportException(messages, 0,
                    "an orderbook file: give the message file first, then (optionally) its orderbook file");
        }
        String stream = request.stream();
        if (stream != null && !stream.isBlank() && !stream.equals("book")) {
            throw new ImportException(messages, 0, "lobster imports the book stream only (order-by-order events), "
                    + "not '" + stream + "': use --stream book");
        }
        LocalDate date = tradingDate(messages, name);
        Path orderbook = inputs.size() == 2 ? inputs.get(1) : sibling(messages, name);
        return new LobsterSource(request, messages, orderbook, date);
    }

    /** The trading date in a LOBSTER file name, {@code TICKER_YYYY-MM-DD_...}. */
    static LocalDate tradingDate(Path file, String name) throws ImportException {
        Matcher m = DATE.matcher(name);
        if (!m.find()) {
            throw new ImportException(file, 0, "no trading date in the file name: LOBSTER times are seconds after "
                    + "midnight of the day its names carry (TICKER_YYYY-MM-DD_START_END_message_N.csv); rename the "
                    + "file so");
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (DateTimeException e) {
            throw new ImportException(file, 0, "bad trading date in the file name: " + m.group(1));
        }
    }

    /** The orderbook file beside a message file by LOBSTER's naming, or null if there is none. */
    private static Path sibling(Path messages, String name) {
        int at = name.lastIndexOf(MESSAGE);
        if (at < 0) {
            return null;
        }
        Path candidate = messages.resolveSibling(name.substring(0, at) + ORDERBOOK
                + name.substring(at + MESSAGE.length()));
        return Files.isRegularFile(candidate) ? candidate : null;
    }
}
