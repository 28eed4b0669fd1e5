package chronicle.plugin.importer.lobster;

import chronicle.protocol.api.Decimals;
import chronicle.protocol.api.Side;

/**
 * The visible book before the first message: row 1 of the orderbook file (the book after message 1) with message
 * 1's effect undone. Levels best first on each side; a side may end up with one level more than the file shows.
 */
final class OpeningBook {

    private static final String LEVEL_COLUMNS = "ask price, ask size, bid price, bid size";

    long[] bidPrices;
    long[] bidSizes;
    int bidCount;
    long[] askPrices;
    long[] askSizes;
    int askCount;

    /**
     * Reads an orderbook row: N levels of ask price, ask size, bid price, bid size; size 0 is an empty level.
     *
     * @param row the row.
     * @throws Csv.BadInput naming what is wrong.
     */
    void parse(String row) throws Csv.BadInput {
        int columns = Csv.columns(row, new int[0], new int[0]);
        if (columns % 4 != 0) {
            throw new Csv.BadInput("missing column: " + columns + (columns == 1 ? " column" : " columns")
                    + ", an orderbook row has 4 per level (" + LEVEL_COLUMNS + ")");
        }
        int[] starts = new int[columns];
        int[] ends = new int[columns];
        Csv.columns(row, starts, ends);
        int levels = columns / 4;
        bidPrices = new long[levels + 1];
        bidSizes = new long[levels + 1];
        askPrices = new long[levels + 1];
        askSizes = new long[levels + 1];
        for (int level = 0; level < levels; level++) {
            int c = level * 4;
            long askPrice = Csv.parseLong(row, starts[c], ends[c], c + 1, "ask price " + (level + 1));
            long askSize = Csv.parseLong(row, starts[c + 1], ends[c + 1], c + 2, "ask size " + (level + 1));
            long bidPrice = Csv.parseLong(row, starts[c + 2], ends[c + 2], c + 3, "bid price " + (level + 1));
            long bidSize = Csv.parseLong(row, starts[c + 3], ends[c + 3], c + 4, "bid size " + (level + 1));
            askCount = level(row, starts, ends, c, Side.ASK, level, askPrice, askSize, askPrices, askSizes, askCount);
            bidCount = level(row, starts, ends, c + 2, Side.BID, level, bidPrice, bidSize, bidPrices, bidSizes,
                    bidCount);
        }
    }

    private static int level(String row, int[] starts, int[] ends, int c, Side side, int level, long price,
                             long size, long[] prices, long[] sizes, int count) throws Csv.BadInput {
        String name = side.label() + " ";
        if (size < 0) {
            throw Csv.badNumber(row, starts[c + 1], ends[c + 1], c + 2, name + "size " + (level + 1),
                    " (must not be negative)");
        }
        if (size == 0) {
            return count; // an empty level (9999999999 / -9999999999)
        }
        if (count < level) {
            throw new Csv.BadInput(side.label() + " level " + (level + 1) + " follows an empty level");
        }
        if (price <= 0) {
            throw Csv.badNumber(row, starts[c], ends[c], c + 1, name + "price " + (level + 1), " (must be positive)");
        }
        if (count > 0 && (side == Side.BID ? price >= prices[count - 1] : price <= prices[count - 1])) {
            throw new Csv.BadInput(side.label() + " level " + (level + 1) + " (" + Decimals.toString(price, -4)
                    + ") is not worse than the level before it");
        }
        prices[count] = price;
        sizes[count] = size;
        return count + 1;
    }

    /**
     * Undoes message 1 on row 1: takes a new order off its level, puts a cancelled, deleted or executed size back.
     *
     * @param message message 1.
     * @throws Csv.BadInput if row 1 does not show message 1's new order.
     */
    void undo(Message message) throws Csv.BadInput {
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
                    throw new Csv.BadInput("row 1 (the book after message 1) shows no " + where + ", where message 1 "
                            + "adds " + message.size + ": is it the orderbook file of this message file?");
                }
                if (sizes[at] < message.size) {
                    throw new Csv.BadInput("row 1 (the book after message 1) shows " + sizes[at] + " at the " + where
                            + ", less than the " + message.size + " message 1 adds: is it the orderbook file of "
                            + "this message file?");
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
    }
}
