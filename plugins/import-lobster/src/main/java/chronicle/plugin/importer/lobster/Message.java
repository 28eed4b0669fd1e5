package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.Fields;
import chronicle.ingest.spi.FixedPoint;
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
    private static final String TIME = " (seconds after midnight, up to 9 decimals)";

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
     * Parses and checks a line; when it is bad this message is left in an unspecified state.
     *
     * @param f            the line, split.
     * @param previousTime the time of the previous good line, or -1.
     * @param previousLine the number of that line (for the reason).
     * @return null for a good line, else what is wrong with it.
     */
    String parse(Fields f, long previousTime, long previousLine) {
        int columns = f.count();
        if (columns < COLUMN_COUNT) {
            return "missing column: " + columns + " of " + COLUMN_COUNT + " columns (" + COLUMNS + ")";
        }
        if (columns > COLUMN_COUNT) {
            return "too many columns: " + columns + ", a message has " + COLUMN_COUNT + " (" + COLUMNS + ")";
        }
        time = Csv.nanos(f, 0, MAX_SECONDS);
        if (time < 0) {
            return Csv.badNumber(f, 0, "time", TIME);
        }
        long typeCode = f.integer(1);
        orderId = f.integer(2);
        size = f.integer(3);
        price = f.integer(4);
        long direction = f.integer(5);
        String bad = badNumbers(f, typeCode, direction);
        if (bad != null) {
            return bad;
        }
        if (typeCode < ADD || typeCode > HALT) {
            return "unknown type " + typeCode + " in column 2: LOBSTER types are 1 (new order), 2 (partial cancel), "
                    + "3 (deletion), 4 (visible execution), 5 (hidden execution), 6 (cross trade), 7 (halt)";
        }
        type = (int) typeCode;
        if (direction == 1) {
            side = Side.BID;
        } else if (direction == -1) {
            side = Side.ASK;
        } else {
            return "unknown direction " + direction + " in column 6: 1 buy or -1 sell";
        }
        bad = outOfRange(f);
        if (bad != null) {
            return bad;
        }
        if (time < previousTime) {
            return "time goes backwards: " + Csv.seconds(time) + " is before " + Csv.seconds(previousTime)
                    + " of line " + previousLine;
        }
        return null;
    }

    /** @return the reason for the first column that is not an integer, or null. */
    private String badNumbers(Fields f, long typeCode, long direction) {
        if (!FixedPoint.isValid(typeCode)) {
            return Csv.badNumber(f, 1, "type", "");
        }
        if (!FixedPoint.isValid(orderId)) {
            return Csv.badNumber(f, 2, "order id", "");
        }
        if (!FixedPoint.isValid(size)) {
            return Csv.badNumber(f, 3, "size", "");
        }
        if (!FixedPoint.isValid(price)) {
            return Csv.badNumber(f, 4, "price", "");
        }
        if (!FixedPoint.isValid(direction)) {
            return Csv.badNumber(f, 5, "direction", "");
        }
        return null;
    }

    /** @return the reason for a size, price or order id out of range for the type, or null. */
    private String outOfRange(Fields f) {
        if (type == HALT) {
            if (price < -1 || price > 1) {
                return Csv.badNumber(f, 4, "price", " (a halt message has -1 halt, 0 quoting resumes, 1 trading"
                        + " resumes)");
            }
            return null;
        }
        if (size <= 0) {
            return Csv.badNumber(f, 3, "size", " (must be positive)");
        }
        if (price <= 0) {
            return Csv.badNumber(f, 4, "price", " (must be positive)");
        }
        if (orderId < 0 && type <= EXECUTE_VISIBLE) {
            return Csv.badNumber(f, 2, "order id", " (must not be negative)");
        }
        return null;
    }
}
