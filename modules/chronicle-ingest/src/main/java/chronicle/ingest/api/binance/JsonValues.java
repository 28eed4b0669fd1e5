package chronicle.ingest.api.binance;

import chronicle.ingest.spi.FixedPoint;

/**
 * Reads the value at a {@link JsonScanner}'s current token as a number of a Binance message: integers, epoch
 * milliseconds, decimals (given as strings, Binance's way, or as JSON numbers) straight to mantissas, in place,
 * without allocating. A bad value is not an exception: it reads as 0 and the first problem of the message is kept
 * ({@link #error()}) for the caller to report once; only that reason allocates. A value the scanner could not read
 * ({@link JsonScanner#FAILED}) reads as 0 with no problem kept: the scanner's syntax error is the message's reason.
 * <b>Not thread-safe.</b>
 */
final class JsonValues {

    private String error;

    /** Forgets the problem of the previous message. */
    void reset() {
        error = null;
    }

    /** @return the first problem since {@link #reset()}, or null. */
    String error() {
        return error;
    }

    /**
     * Remembers a problem of the message, unless one came before it.
     *
     * @param reason what is wrong.
     */
    void fail(String reason) {
        if (error == null) {
            error = reason;
        }
    }

    /**
     * @param s    at the value.
     * @param name the field, for the reason.
     * @return the integer, or 0 (a problem kept).
     */
    long integer(JsonScanner s, String name) {
        int token = s.token();
        if (token != JsonScanner.INTEGER) {
            if (token != JsonScanner.FAILED) {
                fail("bad number: field '" + name + "' is " + describe(s) + ", not an integer");
                s.skipChildren();
            }
            return 0;
        }
        byte[] text = s.textBytes();
        int from = s.textOffset();
        int to = from + s.textLength();
        boolean negative = text[from] == '-';
        if (to - from <= 18) { // cannot overflow: the common case, quickly
            long value = 0;
            for (int i = negative ? from + 1 : from; i < to; i++) {
                value = value * 10 + text[i] - '0';
            }
            return negative ? -value : value;
        }
        // accumulated as a negative number, which reaches Long.MIN_VALUE
        long value = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            int digit = text[i] - '0';
            if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
                fail("bad number: field '" + name + "' (" + s.tokenText() + ") does not fit 64 bits");
                return 0;
            }
            value = value * 10 - digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            fail("bad number: field '" + name + "' (" + s.tokenText() + ") does not fit 64 bits");
            return 0;
        }
        return negative ? value : -value;
    }

    /**
     * @param s    at the value.
     * @param name the field, for the reason.
     * @return epoch milliseconds as nanoseconds, or {@link BinanceMessage#NO_TIME} (a problem kept).
     */
    long millis(JsonScanner s, String name) {
        long ms = integer(s, name);
        if (ms < 0 || ms > Long.MAX_VALUE / 1_000_000L) {
            fail("bad number: field '" + name + "' (" + ms + ") is not epoch milliseconds");
            return BinanceMessage.NO_TIME;
        }
        return ms * 1_000_000L;
    }

    /**
     * A decimal given as a string or a JSON number, to a mantissa; negative is bad input.
     *
     * @param s        at the value.
     * @param name     the field, for the reason.
     * @param part     what of the field it is (" price", " size" of a level), or null.
     * @param exponent the mantissa's exponent.
     * @return the mantissa, or 0 (a problem kept).
     */
    long decimal(JsonScanner s, String name, String part, int exponent) {
        int token = s.token();
        if (token != JsonScanner.STRING && token != JsonScanner.INTEGER && token != JsonScanner.DECIMAL) {
            if (token != JsonScanner.FAILED) {
                fail("bad number: field '" + label(name, part) + "' is " + describe(s) + ", not a decimal");
                s.skipChildren();
            }
            return 0;
        }
        s.prepareText();
        long mantissa = FixedPoint.decimal(s.textBytes(), s.textOffset(), s.textLength(), exponent);
        if (mantissa == FixedPoint.NOT_A_NUMBER) {
            fail("bad number: " + label(name, part) + " '" + s.tokenText() + "' is not a decimal");
            return 0;
        }
        if (mantissa == FixedPoint.OUT_OF_RANGE) {
            fail("bad number: " + label(name, part) + " '" + s.tokenText() + "' has more decimals than 10^"
                    + exponent + " or is too large");
            return 0;
        }
        if (mantissa < 0) {
            fail("bad number: " + label(name, part) + " '" + s.tokenText() + "' is negative");
            return 0;
        }
        return mantissa;
    }

    private static String label(String name, String part) {
        return part == null ? name : name + part;
    }

    /**
     * @param s at a value.
     * @return the value for a reason: "an array", "an object" or its text in quotes.
     */
    static String describe(JsonScanner s) {
        return switch (s.token()) {
            case JsonScanner.ARRAY -> "an array";
            case JsonScanner.OBJECT -> "an object";
            default -> "'" + s.tokenText() + "'";
        };
    }
}
