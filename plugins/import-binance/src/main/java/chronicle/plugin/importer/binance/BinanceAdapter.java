package chronicle.plugin.importer.binance;

import chronicle.ingest.api.binance.BinanceMessageParser;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.LineReader;
import chronicle.ingest.spi.VendorAdapter;
import chronicle.protocol.api.StreamKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binance depth captures: REST depth snapshots and websocket depth diffs, in the cryptofeed capture format
 * ({@code BINANCE.http.*}, {@code BINANCE.ws.*}) or as plain JSON lines (combined-stream envelopes, bare events,
 * bare REST snapshots), in any number of inputs merged by time.
 *
 * <ul>
 *   <li>stream {@code book}: REST snapshots become {@code L2_SNAPSHOT} records, {@code depthUpdate} events
 *       {@code L2_DIFF} records (absolute sizes, 0 deletes), synchronised by Binance's update-id rules (spot
 *       {@code U}/{@code u}; futures {@code pu}); a break becomes a SEQUENCE_BREAK gap marker and the book is
 *       resynchronised from the next REST snapshot;</li>
 *   <li>stream {@code trades}: {@code aggTrade} (and raw {@code trade}) events become {@code TRADE} records;</li>
 *   <li>stream {@code quotes}: {@code bookTicker} events become {@code BBO} records.</li>
 * </ul>
 * Only the request's symbol is imported (compared case-insensitively). A bare REST snapshot line carries no symbol
 * and is taken as the request's: a plain file of bare snapshots must hold that symbol's only (cryptofeed http lines
 * name theirs in the URL).
 *
 * <p><b>Time and order.</b> Each input is read as a time-ordered stream and the inputs are merged by time (see
 * {@code InputFile} for where a line's time comes from). Diffs received before a symbol's first REST snapshot are
 * dropped, not buffered: the merge keeps receive order, and a buffered diff would have to be written after a later
 * snapshot. If a diff received before the snapshot was needed, the first diff after it does not bridge the snapshot
 * and the loss becomes a gap marker.
 *
 * <p><b>Fixed point.</b> Prices and sizes use one exponent each, the same for every symbol: {@value #PRICE_EXPONENT}
 * and {@value #SIZE_EXPONENT}. Binance prints every spot price and quantity with exactly 8 decimals (futures with
 * fewer), so 10^-8 represents every value exactly, needs no look at the data before the first record is written
 * (trades and quotes have no snapshot to look at) and cannot be undercut by a later message with more decimals than
 * the first snapshot showed. The cost is range: mantissas are longs, so prices and sizes up to about 9.2 x 10^10;
 * a larger value, or one with more than 8 decimals, is bad input, never rounded. Text is converted exactly (the
 * results of {@code Decimals.parse}); no floating point.
 *
 * <p><b>Header.</b> Venue and market ids from the request; ingest time = journal time = the receive time of the
 * capture line (epoch seconds with fraction, converted exactly to ns), or where a plain JSON line has none, the
 * event time {@code E}; exchange time = {@code E} (for trades the trade time {@code T}; for spot REST snapshots and
 * spot bookTickers, which have neither, the receive time); first/last update id = {@code U}/{@code u}
 * (snapshots: lastUpdateId; trades: the trade id; quotes: {@code u}); previous update id = {@code pu} (futures) or
 * null; sequence: a counter of the records of this import, from 0.
 *
 * <p><b>Bad input</b>: a line that is neither a capture line nor a JSON object, malformed JSON (a line cut short,
 * garbage) or a bad receive time, whatever its symbol; and in the requested symbol and stream's messages a bad
 * number, a missing field, time going backwards, an unknown aggressor side ...: {@code file:line: reason}, thrown
 * under {@code OnError.FAIL}; under {@code OnError.GAP} the line is skipped with a BAD_INPUT gap marker (a skipped
 * diff then also breaks the update-id chain, which writes its own SEQUENCE_BREAK marker). A deleted depth message
 * breaks the chain the same way.
 *
 * <p><b>Rows</b> ({@code rows()}): every line but blank lines and cryptofeed connection lines; {@code otherRows()}:
 * the well-formed lines of other symbols, of streams not asked for, and other REST calls.
 */
public final class BinanceAdapter implements VendorAdapter {

    /** Decimal exponent of every price mantissa. */
    public static final int PRICE_EXPONENT = BinanceMessageParser.PRICE_EXPONENT;
    /** Decimal exponent of every size mantissa. */
    public static final int SIZE_EXPONENT = BinanceMessageParser.SIZE_EXPONENT;

    /** Public for the service loader. */
    public BinanceAdapter() {
    }

    @Override
    public String name() {
        return "binance";
    }

    @Override
    public String description() {
        return "Binance depth captures (cryptofeed BINANCE.http/ws files or JSON lines): book, trades, quotes";
    }

    @Override
    public ImportSource open(ImportRequest request) throws IOException {
        if (request.inputs() == null || request.inputs().isEmpty()) {
            throw new IllegalArgumentException("binance: no input files");
        }
        if (request.symbol() == null || request.symbol().isBlank()) {
            throw new IllegalArgumentException("binance: a symbol is required (for example NKNUSDT): captures hold"
                    + " many symbols");
        }
        StreamKind stream = streamOf(request.stream());
        List<InputFile> inputs = new ArrayList<>(request.inputs().size());
        try {
            for (Path path : request.inputs()) {
                BinanceMessageParser parser = new BinanceMessageParser(request.symbol().strip(), stream,
                        PRICE_EXPONENT, SIZE_EXPONENT);
                InputFile input = new InputFile(LineReader.open(request, path), parser);
                inputs.add(input);
                input.sniff();
            }
        } catch (IOException | RuntimeException e) {
            for (InputFile input : inputs) {
                try {
                    input.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new BinanceSource(request, List.copyOf(inputs), PRICE_EXPONENT, SIZE_EXPONENT);
    }

    private static StreamKind streamOf(String stream) {
        if (stream == null || stream.isBlank()) {
            return StreamKind.BOOK;
        }
        return switch (stream.strip().toLowerCase(Locale.ROOT)) {
            case "book" -> StreamKind.BOOK;
            case "trades" -> StreamKind.TRADES;
            case "quotes" -> StreamKind.QUOTES;
            default -> throw new IllegalArgumentException("binance: stream '" + stream
                    + "' is not one of book, trades, quotes");
        };
    }
}
