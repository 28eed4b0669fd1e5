package chronicle.plugin.importer.lobster;

import chronicle.protocol.api.Side;

/** One line of a LOBSTER message file, parsed and checked in place (a mutable flyweight, reused for every line). */
final class Message {

    static final int ADD = 1;
    static final int CANCEL = 2;
    static final int DELETE = 3;
    static final int EXECUTE_VISIBLE = 4;
    static final int EXECUTE_HIDDEN = 5;
    static final int CROSS_TRADE = 6;
    static final int HALT = 7;

    static final String COLUMNS = "time,type,order id,size,price,direction";
    private static final int COLUMN_COUNT = 6;
    /** Whole seconds accepted: a day of 25 hours (a DST switch) at most. */
    private static final long MAX_SECONDS = 25 * 3600;

    private final int[] starts = new int[COLUMN_COUNT];
    private final int[] ends = new int[COLUMN_COUNT];

    /** Nanoseconds after midnight. */
    long time;
    /** 1 to 7. */
    int type;
    long orderId;
    long size;
    /** Dollars x 10000, or for a halt -1, 0 or 1. */
    long price;
    Side side;

    /**
     * Parses and checks a line; on failure this message is left in an unspecified state.
     *
     * @param line         the line.
     * @param previousTime the time of the previous good line, or -1.
     * @param previousLine the number of that line (for the reason).
     * @throws Csv.BadInput naming what is wrong.
     */
    void parse(String line, long previousTime, long previousLine) throws Csv.BadInput {
        int columns = Csv.columns(line, starts, ends);
        if (columns < COLUMN_COUNT) {
            throw new Csv.BadInput("missing column: " + columns + " of " + COLUMN_COUNT + " columns (" + COLUMNS
                    + ")");
        }
        if (columns > COLUMN_COUNT) {
            throw new Csv.BadInput("too many columns: " + columns + ", a message has " + COLUMN_COUNT + " ("
                    + COLUMNS + ")");
        }
        time = Csv.parseNanos(line, starts[0], ends[0], MAX_SECONDS);
        long typeCode = Csv.parseLong(line, starts[1], ends[1], 2, "type");
        orderId = Csv.parseLong(line, starts[2], ends[2], 3, "order id");
        size = Csv.parseLong(line, starts[3], ends[3], 4, "size");
        price = Csv.parseLong(line, starts[4], ends[4], 5, "price");
        long direction = Csv.parseLong(line, starts[5], ends[5], 6, "direction");
        if (typeCode < ADD || typeCode > HALT) {
            throw new Csv.BadInput("unknown type " + typeCode + " in column 2: LOBSTER types are 1 (new order), "
                    + "2 (partial cancel), 3 (deletion), 4 (visible execution), 5 (hidden execution), "
                    + "6 (cross trade), 7 (halt)");
        }
        type = (int) typeCode;
        if (direction == 1) {
            side = Side.BID;
        } else if (direction == -1) {
            side = Side.ASK;
        } else {
            throw new Csv.BadInput("unknown direction " + direction + " in column 6: 1 buy or -1 sell");
        }
        if (type == HALT) {
            if (price < -1 || price > 1) {
                throw Csv.badNumber(line, starts[4], ends[4], 5, "price",
                        " (a halt message has -1 halt, 0 quoting resumes, 1 trading resumes)");
            }
        } else {
            if (size <= 0) {
                throw Csv.badNumber(line, starts[3], ends[3], 4, "size", " (must be positive)");
            }
            if (price <= 0) {
                throw Csv.badNumber(line, starts[4], ends[4], 5, "price", " (must be positive)");
            }
            if (orderId < 0 && type <= EXECUTE_VISIBLE) {
                throw Csv.badNumber(line, starts[2], ends[2], 3, "order id", " (must not be negative)");
            }
        }
        if (time < previousTime) {
            throw new Csv.BadInput("time goes backwards: " + Csv.seconds(time) + " is before "
                    + Csv.seconds(previousTime) + " of line " + previousLine);
        }
    }
}
