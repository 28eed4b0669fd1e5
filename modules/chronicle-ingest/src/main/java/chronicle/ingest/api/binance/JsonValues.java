package chronicle.ingest.api.binance;

import chronicle.ingest.spi.FixedPoint;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads the value at a Jackson parser's current token as a number of a Binance message: integers, epoch
 * milliseconds, decimals (given as strings, Binance's way, or as JSON numbers) straight to mantissas without
 * allocating. A bad value is not an exception: it reads as 0 and the first problem of the message is kept
 * ({@link #error()}) for the caller to report once. <b>Not thread-safe.</b>
 */
final class JsonValues {

    private byte[] scratch = new byte[32];
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
     * @param p    at the value.
     * @param name the field, for the reason.
     * @return the integer, or 0 (a problem kept).
     */
    long integer(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            fail("bad number: field '" + name + "' is " + describe(p) + ", not an integer");
            p.skipChildren();
            return 0;
        }
        if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
            fail("bad number: field '" + name + "' (" + p.getText() + ") does not fit 64 bits");
            return 0;
        }
        return p.getLongValue();
    }

    /**
     * @param p    at the value.
     * @param name the field, for the reason.
     * @return epoch milliseconds as nanoseconds, or {@link BinanceMessage#NO_TIME} (a problem kept).
     */
    long millis(JsonParser p, String name) throws IOException {
        long ms = integer(p, name);
        if (ms < 0 || ms > Long.MAX_VALUE / 1_000_000L) {
            fail("bad number: field '" + name + "' (" + ms + ") is not epoch milliseconds");
            return BinanceMessage.NO_TIME;
        }
        return ms * 1_000_000L;
    }

    /**
     * A decimal given as a string or a JSON number, to a mantissa; negative is bad input.
     *
     * @param p        at the value.
     * @param name     the field, for the reason.
     * @param exponent the mantissa's exponent.
     * @return the mantissa, or 0 (a problem kept).
     */
    long decimal(JsonParser p, String name, int exponent) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            fail("bad number: field '" + name + "' is " + describe(p) + ", not a decimal");
            p.skipChildren();
            return 0;
        }
        char[] text = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        long mantissa = parse(text, offset, length, exponent);
        if (mantissa == FixedPoint.NOT_A_NUMBER) {
            fail("bad number: " + name + " '" + new String(text, offset, length) + "' is not a decimal");
            return 0;
        }
        if (mantissa == FixedPoint.OUT_OF_RANGE) {
            fail("bad number: " + name + " '" + new String(text, offset, length) + "' has more decimals than 10^"
                    + exponent + " or is too large");
            return 0;
        }
        if (mantissa < 0) {
            fail("bad number: " + name + " '" + new String(text, offset, length) + "' is negative");
            return 0;
        }
        return mantissa;
    }

    /** Jackson hands out characters, the shared parser reads ASCII bytes: anything else is not a number. */
    private long parse(char[] text, int offset, int length, int exponent) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            char c = text[offset + i];
            if (c > 127) {
                return FixedPoint.NOT_A_NUMBER;
            }
            scratch[i] = (byte) c;
        }
        return FixedPoint.decimal(scratch, 0, length, exponent);
    }

    /**
     * @param p at a value.
     * @return the value for a message: "an array", "an object" or its text in quotes.
     */
    static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            return "an array";
        }
        if (t == JsonToken.START_OBJECT) {
            return "an object";
        }
        return "'" + p.getText() + "'";
    }
}
