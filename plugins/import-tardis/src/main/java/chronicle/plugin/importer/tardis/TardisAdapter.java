package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.VendorAdapter;
import chronicle.protocol.api.StreamKind;

import java.io.IOException;
import java.util.Locale;

/**
 * Tardis.dev CSV files ({@code exchange,symbol,timestamp,local_timestamp,...}, header row first, timestamps in
 * microseconds since the epoch), the format told from the header row:
 * <ul>
 *   <li>{@code incremental_book_L2} ({@code is_snapshot,side,price,amount}; absolute level sizes, 0 deletes), stream
 *       {@code book}: the rows of one message share {@code local_timestamp} and become ONE {@code L2_DIFF} record
 *       (a message: consecutive rows of the symbol with the same {@code local_timestamp} and {@code is_snapshot});
 *       a snapshot block ({@code is_snapshot=true}) becomes ONE {@code L2_SNAPSHOT} record that replaces the book; diff messages before the first snapshot block are dropped;</li>
 *   <li>{@code book_snapshot_25} / {@code book_snapshot_5} ({@code asks[i].price,asks[i].amount,bids[i].price,...}),
 *       stream {@code book}: each row one {@code L2_SNAPSHOT} of the levels it lists (empty levels skipped);</li>
 *   <li>{@code trades} ({@code id,side,price,amount}), stream {@code trades}: {@code TRADE} records, side
 *       buy/sell/unknown is the aggressor; a numeric id is the trade id, any other id is null;</li>
 *   <li>{@code quotes} ({@code ask_amount,ask_price,bid_price,bid_amount}), stream {@code quotes}: {@code BBO}
 *       records (an empty side is 0).</li>
 * </ul>
 * Only rows whose {@code symbol} equals the request's symbol exactly (for example {@code XBT/USD}) are imported.
 * Several inputs are read one after the other, in the order given.
 *
 * <p><b>Header.</b> Venue and market ids from the request; exchange time = {@code timestamp} x 1000, ingest time =
 * journal time = {@code local_timestamp} x 1000 (ns); prices and sizes fixed point at 10^{@value #PRICE_EXPONENT}
 * (more decimals are bad input, never rounded; no floating point); sequence: a counter of the records of this
 * import, from 0; update ids: null (Tardis has none: gap checks are the pipeline's).
 *
 * <p><b>Bad input</b>: a malformed row, whatever its symbol column says (more or fewer columns than the header, an
 * empty line, control or non-ASCII bytes, a last line without a line end: the file is cut short, a line over 256
 * MiB); and in the requested symbol's rows a bad number, {@code local_timestamp} going backwards, an unknown side.
 * It is {@code file:line: reason}, thrown under {@code OnError.FAIL}; under {@code OnError.GAP} the row (for
 * incremental_book_L2: its whole message, and a row whose message cannot be told joins the message being read) is
 * skipped with one BAD_INPUT gap marker; a skipped snapshot block also drops the diffs up to the next one. Only a
 * well-formed row is another symbol's: a damaged row is never skipped silently.
 *
 * <p><b>Rows</b> ({@code rows()}): every line after the header; {@code otherRows()}: the well-formed rows of other
 * symbols. Tardis rows carry no sequence number, so a row deleted from a file cannot be found; the counts are
 * there to compare with the vendor's.
 *
 * <p><b>Memory</b> is bounded: a read buffer (the longest line) and a level buffer (the largest message).
 */
public final class TardisAdapter implements VendorAdapter {

    /** Decimal exponent of every price mantissa. */
    public static final int PRICE_EXPONENT = -8;
    /** Decimal exponent of every size mantissa. */
    public static final int SIZE_EXPONENT = -8;

    /** Public for the service loader. */
    public TardisAdapter() {
    }

    @Override
    public String name() {
        return "tardis";
    }

    @Override
    public String description() {
        return "Tardis.dev CSV: incremental_book_L2, book_snapshot_25/5 (book), trades, quotes";
    }

    @Override
    public ImportSource open(ImportRequest request) throws IOException {
        if (request.inputs() == null || request.inputs().isEmpty()) {
            throw new IllegalArgumentException("tardis: no input files");
        }
        if (request.symbol() == null || request.symbol().isBlank()) {
            throw new IllegalArgumentException("tardis: a symbol is required (for example XBT/USD): Tardis files"
                    + " may hold many symbols");
        }
        TardisSource source = new TardisSource(request, streamOf(request.stream()));
        try {
            source.start();
        } catch (IOException | RuntimeException e) {
            try {
                source.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return source;
    }

    /** @return the requested stream, or null to take the first file's. */
    private static StreamKind streamOf(String stream) {
        if (stream == null || stream.isBlank()) {
            return null;
        }
        return switch (stream.strip().toLowerCase(Locale.ROOT)) {
            case "book" -> StreamKind.BOOK;
            case "trades" -> StreamKind.TRADES;
            case "quotes" -> StreamKind.QUOTES;
            default -> throw new IllegalArgumentException("tardis: stream '" + stream
                    + "' is not one of book, trades, quotes");
        };
    }
}
