package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.Fields;
import chronicle.ingest.spi.FixedPoint;
import chronicle.protocol.api.Decimals;
import chronicle.protocol.api.Side;

/**
 * The visible book before the first message: row 1 of the orderbook file (the book after message 1) with message
 * 1's effect undone. Levels best first on each side; a side may end up with one level more than the file shows.
 */
final class OpeningBook {

    private static final String LEVEL_COLUMNS = "ask price, ask size, bid price, bid size";
    private static final String[] LEVEL_NAMES = {"ask price ", "ask size ", "bid price ", "bid size "};

    long[] bidPrices;
    long[] bidSizes;
    int bidCount;
    long[] askPrices;
    long[] askSizes;
    int askCount;

    /**
     * Reads an orderbook row: N levels of ask price, ask size, bid price, bid size; size 0 is an empty level.
     *
     * @param row the row, split.
     * @return null, or what is wrong with the row.
     */
    String parse(Fields row) {
        int columns = row.count();
        if (columns % 4 != 0) {
            return "missing column: " + columns + (columns == 1 ? " column" : " columns")
                    + ", an orderbook row has 4 per level (" + LEVEL_COLUMNS + ")";
        }
        int levels = columns / 4;
        bidPrices = new long[levels + 1];
        bidSizes = new long[levels + 1];
        askPrices = new long[levels + 1];
        askSizes = new long[levels + 1];
        for (int level = 0; level < levels; level++) {
            int c = level * 4;
            for (int k = 0; k < LEVEL_NAMES.length; k++) {
                if (!FixedPoint.isValid(row.integer(c + k))) {
                    return Csv.badNumber(row, c + k, LEVEL_NAMES[k] + (level + 1), "");
                }
            }
            String bad = level(row, c, Side.ASK, level, row.integer(c), row.integer(c + 1));
            if (bad == null) {
                bad = level(row, c + 2, Side.BID, level, row.integer(c + 2), row.integer(c + 3));
            }
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /** Adds a level of a side; null, or what is wrong with it. */
    private String level(Fields row, int c, Side side, int level, long price, long size) {
        boolean bid = side == Side.BID;
        long[] prices = bid ? bidPrices : askPrices;
        long[] sizes = bid ? bidSizes : askSizes;
        int count = bid ? bidCount : askCount;
        String name = side.label() + " ";
        if (size < 0) {
            return Csv.badNumber(row, c + 1, name + "size " + (level + 1), " (must not be negative)");
        }
        if (size == 0) {
            return null; // an empty level (9999999999 / -9999999999)
        }
        if (count < level) {
            return side.label() + " level " + (level + 1) + " follows an empty level";
        }
        if (price <= 0) {
            return Csv.badNumber(row, c, name + "price " + (level + 1), " (must be positive)");
        }
        if (count > 0 && (bid ? price >= prices[count - 1] : price <= prices[count - 1])) {
            return side.label() + " level " + (level + 1) + " (" + Decimals.toString(price, -4)
                    + ") is not worse than the level before it";
        }
        prices[count] = price;
        sizes[count] = size;
        if (bid) {
            bidCount = count + 1;
        } else {
            askCount = count + 1;
        }
        return null;
    }

    /**
     * Undoes message 1 on row 1: takes a new order off its level, puts a cancelled, deleted or executed size back.
     *
     * @param message message 1.
     * @return null, or why row 1 cannot be the book after message 1 (it does not show message 1's new order).
     */
    String undo(Message message) {
        boolean bid = message.side == Side.BID;
        long[] prices = bid ? bidPrices : askPrices;
        long[] sizes = bid ? bidSizes : askSizes;
        int count = bid ? bidCount : askCount;
        int at = 0;
        while (at < count && (bid ? prices[at] > message.price : prices[at] < message.price)) {
            at++;
        }
        boolean found = at < count && prices[at] == message.price;
        String where = message.side.label() + " level " + Decimals.toString(message.price, -4);
        switch (message.type) {
            case Message.ADD -> {
                if (!found) {
                    return "row 1 (the book after message 1) shows no " + where + ", where message 1 adds "
                            + message.size + ": is it the orderbook file of this message file?";
                }
                if (sizes[at] < message.size) {
                    return "row 1 (the book after message 1) shows " + sizes[at] + " at the " + where + ", less than"
                            + " the " + message.size + " message 1 adds: is it the orderbook file of this message"
                            + " file?";
                }
                sizes[at] -= message.size;
                if (sizes[at] == 0) {
                    System.arraycopy(prices, at + 1, prices, at, count - at - 1);
                    System.arraycopy(sizes, at + 1, sizes, at, count - at - 1);
                    count--;
                }
            }
            case Message.CANCEL, Message.DELETE, Message.EXECUTE_VISIBLE -> {
                if (found) {
                    sizes[at] += message.size;
                } else {
                    System.arraycopy(prices, at, prices, at + 1, count - at);
                    System.arraycopy(sizes, at, sizes, at + 1, count - at);
                    prices[at] = message.price;
                    sizes[at] = message.size;
                    count++;
                }
            }
            default -> {
                // hidden executions, cross trades and halts leave the visible book as it is
            }
        }
        if (bid) {
            bidCount = count;
        } else {
            askCount = count;
        }
        return null;
    }
}
