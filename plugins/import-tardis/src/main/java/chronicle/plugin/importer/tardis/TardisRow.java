package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.Fields;
import chronicle.ingest.spi.FixedPoint;
import chronicle.ingest.spi.LevelBuffer;
import chronicle.ingest.spi.LineReader;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.Side;

import java.nio.charset.StandardCharsets;

/**
 * One data row of a Tardis file, parsed in place from its fields: a row of the requested symbol, another symbol's
 * row, or a bad row with its reason. A flyweight, reused for every row. <b>Not thread-safe.</b>
 *
 * <p>A row counts as another symbol's only when it is well-formed: ended by a line end, as many columns as the
 * header, plain ASCII text. Anything else is bad input whatever its symbol column says, so that a damaged row
 * is never skipped silently as someone else's.
 */
final class TardisRow {

    /** {@link #parse} result: a good row of the requested symbol. */
    static final int GOOD = 0;
    /** {@link #parse} result: a well-formed row of another symbol. */
    static final int OTHER_SYMBOL = 1;
    /** {@link #parse} result: bad input; {@link #reason} says why. */
    static final int BAD = 2;

    private static final long MAX_MICROS = Long.MAX_VALUE / 1000;
    private static final int MAX_ID_DIGITS = 18;
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] BID = ascii("bid");
    private static final byte[] ASK = ascii("ask");
    private static final byte[] BUY = ascii("buy");
    private static final byte[] SELL = ascii("sell");
    private static final byte[] UNKNOWN = ascii("unknown");

    private final byte[] symbol;
    /** local_timestamp of the last row of the symbol whose time was good (micros), or -1: time must not go back. */
    private long lastLocalTimestamp = -1;

    /** Why the row is bad. */
    String reason;
    /** Whether the row's local_timestamp could be read (it may still be bad: going backwards). */
    boolean timeKnown;
    /** Whether the row's message is known: its local_timestamp and is_snapshot are good. */
    boolean keyKnown;
    long localTimestamp;
    long timestamp;
    boolean snapshot;
    Side side;
    long price;
    long size;
    long tradeId;
    long askSize;
    long askPrice;
    long bidPrice;
    long bidSize;
    /** book_snapshot_N: the levels of the row that hold something. */
    final LevelBuffer levels = new LevelBuffer();

    /**
     * @param symbol the requested symbol, as its bytes.
     */
    TardisRow(String symbol) {
        this.symbol = symbol.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the local_timestamp of the last good row (micros), or -1. */
    long lastLocalTimestamp() {
        return lastLocalTimestamp;
    }

    /**
     * Parses the current line.
     *
     * @param in     the file, at the line.
     * @param f      splits it.
     * @param header the file's layout.
     * @return {@link #GOOD}, {@link #OTHER_SYMBOL} or {@link #BAD}.
     */
    int parse(LineReader in, Fields f, TardisHeader header) {
        reason = null;
        timeKnown = false;
        keyKnown = false;
        int columns = f.split(in);
        if (malformed(in, f, header, columns)) {
            return BAD;
        }
        if (!f.is(header.symbol, symbol)) {
            return OTHER_SYMBOL;
        }
        long lts = micros(f, header.localTimestamp);
        if (lts < 0) {
            return bad(badNumber(f, header, header.localTimestamp));
        }
        localTimestamp = lts;
        timeKnown = true;
        if (lts < lastLocalTimestamp) {
            return bad("local_timestamp " + lts + " is before the previous row's " + lastLocalTimestamp
                    + " (time goes backwards)");
        }
        if (header.format == Format.INCREMENTAL_BOOK_L2) {
            if (f.is(header.isSnapshot, TRUE)) {
                snapshot = true;
            } else if (f.is(header.isSnapshot, FALSE)) {
                snapshot = false;
            } else {
                return bad("bad is_snapshot '" + f.excerpt(header.isSnapshot) + "' (expected true or false)");
            }
        }
        lastLocalTimestamp = lts;
        keyKnown = true;
        timestamp = micros(f, header.timestamp);
        if (timestamp < 0) {
            return bad(badNumber(f, header, header.timestamp));
        }
        return switch (header.format) {
            case INCREMENTAL_BOOK_L2 -> level(f, header);
            case TRADES -> trade(f, header);
            case QUOTES -> quote(f, header);
            case BOOK_SNAPSHOT -> snapshotLevels(f, header);
        };
    }

    /** A row that is not a well-formed row of the file: bad whatever its symbol. */
    private boolean malformed(LineReader in, Fields f, TardisHeader header, int columns) {
        if (!in.terminated()) {
            reason = "the last line has no line end: the file is cut short (a complete Tardis file ends with a"
                    + " newline; re-download it, or add the newline if the line is whole)";
        } else if (in.tooLong()) {
            reason = "line longer than " + (in.maxLine() >> 20) + " MiB";
        } else if (in.length() == 0) {
            reason = "empty line (a row has " + header.columns() + " columns)";
        } else if (columns < header.columns()) {
            reason = "missing column '" + header.name(columns) + "' (" + columns + " of " + header.columns()
                    + " columns)";
        } else if (columns > header.columns()) {
            reason = columns + " columns, the header has " + header.columns();
        } else if (f.firstNonText() >= 0) {
            reason = "column " + header.name(f.firstNonText()) + " holds bytes that are not text ('"
                    + f.excerpt(f.firstNonText()) + "'): a damaged row";
        }
        return reason != null;
    }

    private int level(Fields f, TardisHeader header) {
        if (f.is(header.side, BID)) {
            side = Side.BID;
        } else if (f.is(header.side, ASK)) {
            side = Side.ASK;
        } else {
            return bad("unknown side '" + f.excerpt(header.side) + "' (expected bid or ask)");
        }
        return priceAndSize(f, header, header.price, header.amount);
    }

    private int trade(Fields f, TardisHeader header) {
        if (f.is(header.side, BUY)) {
            side = Side.BID;
        } else if (f.is(header.side, SELL)) {
            side = Side.ASK;
        } else if (f.is(header.side, UNKNOWN)) {
            side = Side.UNKNOWN;
        } else {
            return bad("unknown side '" + f.excerpt(header.side) + "' (expected buy, sell or unknown)");
        }
        tradeId = tradeId(f, header.id);
        return priceAndSize(f, header, header.price, header.amount);
    }

    private int quote(Fields f, TardisHeader header) {
        askSize = optional(f, header.askAmount, TardisAdapter.SIZE_EXPONENT);
        askPrice = optional(f, header.askPrice, TardisAdapter.PRICE_EXPONENT);
        bidPrice = optional(f, header.bidPrice, TardisAdapter.PRICE_EXPONENT);
        bidSize = optional(f, header.bidAmount, TardisAdapter.SIZE_EXPONENT);
        int badColumn = !FixedPoint.isValid(askSize) ? header.askAmount
                : !FixedPoint.isValid(askPrice) ? header.askPrice
                : !FixedPoint.isValid(bidPrice) ? header.bidPrice
                : !FixedPoint.isValid(bidSize) ? header.bidAmount : -1;
        if (badColumn >= 0) {
            return bad(badNumber(f, header, badColumn));
        }
        if (askSize < 0 || bidSize < 0) {
            int negative = askSize < 0 ? header.askAmount : header.bidAmount;
            return bad("negative " + header.name(negative) + " '" + f.excerpt(negative) + "'");
        }
        return GOOD;
    }

    private int snapshotLevels(Fields f, TardisHeader header) {
        levels.clear();
        for (int p = 0; p < header.levelPrice.length; p++) {
            int pc = header.levelPrice[p];
            int ac = header.levelAmount[p];
            boolean noPrice = f.length(pc) == 0;
            boolean noAmount = f.length(ac) == 0;
            if (noPrice && noAmount) {
                continue; // an empty level
            }
            if (noPrice || noAmount) {
                return bad("level " + header.levelName[p] + " has " + (noPrice ? "an amount but no price"
                        : "a price but no amount"));
            }
            if (priceAndSize(f, header, pc, ac) == BAD) {
                return BAD;
            }
            if (size != 0) {
                levels.add(header.levelSide[p], price, size);
            }
        }
        return GOOD;
    }

    private int priceAndSize(Fields f, TardisHeader header, int priceColumn, int sizeColumn) {
        price = f.decimal(priceColumn, TardisAdapter.PRICE_EXPONENT);
        if (!FixedPoint.isValid(price)) {
            return bad(badNumber(f, header, priceColumn));
        }
        size = f.decimal(sizeColumn, TardisAdapter.SIZE_EXPONENT);
        if (!FixedPoint.isValid(size)) {
            return bad(badNumber(f, header, sizeColumn));
        }
        if (size < 0) {
            return bad("negative " + header.name(sizeColumn) + " '" + f.excerpt(sizeColumn) + "'");
        }
        return GOOD;
    }

    /** @return microseconds since the epoch, or -1 if the field is not such a number. */
    private static long micros(Fields f, int column) {
        long v = f.integer(column);
        return v < 0 || v > MAX_MICROS ? -1 : v;
    }

    /** @return the number in the field, 0 if it is empty, or a {@link FixedPoint} status. */
    private static long optional(Fields f, int column, int exponent) {
        return f.length(column) == 0 ? 0 : f.decimal(column, exponent);
    }

    /** @return a numeric trade id; any other id (some venues' are not numbers) is null. */
    private static long tradeId(Fields f, int column) {
        int length = f.length(column);
        if (length == 0 || length > MAX_ID_DIGITS) {
            return EventHeader.NULL_ID;
        }
        long v = f.integer(column);
        return v < 0 ? EventHeader.NULL_ID : v;
    }

    private int bad(String why) {
        reason = why;
        return BAD;
    }

    private static String badNumber(Fields f, TardisHeader header, int column) {
        return "bad number '" + f.excerpt(column) + "' in column " + header.name(column)
                + (f.length(column) == 0 ? " (empty)" : " (a plain decimal with at most "
                + (-TardisAdapter.PRICE_EXPONENT) + " decimals expected)");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
