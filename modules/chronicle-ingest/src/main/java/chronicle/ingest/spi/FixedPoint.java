package chronicle.ingest.spi;

/**
 * Exact decimal text (ASCII bytes) to fixed-point mantissas, for vendor parsers: no allocation, no floating point
 * and no exceptions. A parse returns the mantissa, or one of two status values that no mantissa takes
 * ({@link #NOT_A_NUMBER}, {@link #OUT_OF_RANGE}); the caller turns a status into its {@code file:line: reason}
 * once ({@link #isValid}).
 *
 * <p>Accepted text is what {@code java.math.BigDecimal} accepts of ASCII, so the result is the one
 * {@code chronicle.protocol.api.Decimals.parse} gives: an optional sign, digits with an optional point
 * ({@code 672}, {@code 0.3521}, {@code .5}, {@code 5.}), an optional exponent ({@code 1e-8}, {@code 2E+3}). A value
 * with more decimals than the exponent allows is out of range, never rounded.
 *
 * <p>The two status values are {@code Long.MIN_VALUE} and {@code Long.MIN_VALUE + 1}: the mantissa
 * {@code -Long.MAX_VALUE} is therefore reported as out of range.
 */
public final class FixedPoint {

    /** The text is not a number. */
    public static final long NOT_A_NUMBER = Long.MIN_VALUE;
    /** The text is a number, but not a mantissa at the exponent asked for: too many decimals, or too large. */
    public static final long OUT_OF_RANGE = Long.MIN_VALUE + 1;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private FixedPoint() {
    }

    /**
     * @param value a result of {@link #decimal} or {@link #integer}.
     * @return whether it is a number rather than a status.
     */
    public static boolean isValid(long value) {
        return value > OUT_OF_RANGE;
    }

    /**
     * Parses decimal text into a mantissa at a given exponent, exactly.
     *
     * @param text     the bytes.
     * @param offset   where the number begins.
     * @param length   its length.
     * @param exponent the exponent of the result: value = mantissa x 10^exponent.
     * @return the mantissa, or {@link #NOT_A_NUMBER} or {@link #OUT_OF_RANGE}.
     */
    public static long decimal(byte[] text, int offset, int length, int exponent) {
        long plain = plainDecimal(text, offset, length, exponent);
        if (plain >= 0) {
            return plain;
        }
        int end = offset + length;
        int i = offset;
        if (length <= 0) {
            return NOT_A_NUMBER;
        }
        boolean negative = text[i] == '-';
        if (negative || text[i] == '+') {
            i++;
        }
        long significand = 0;       // the digits up to the last non-zero one
        int trailingZeros = 0;      // zeros after it, not yet multiplied in
        int decimals = 0;           // digits after the point
        boolean point = false;
        boolean digits = false;
        boolean overflow = false;
        long power = 0;             // the exponent written after e / E
        for (; i < end; i++) {
            int c = text[i];
            if (c >= '0' && c <= '9') {
                digits = true;
                if (point) {
                    decimals++;
                }
                if (c == '0') {
                    if (significand != 0) {
                        trailingZeros++;
                    }
                } else {
                    significand = appendDigit(significand, trailingZeros, c - '0');
                    overflow |= significand < 0;
                    trailingZeros = 0;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else if ((c == 'e' || c == 'E') && digits) {
                power = exponentPart(text, i + 1, end);
                if (power == NOT_A_NUMBER) {
                    return NOT_A_NUMBER;
                }
                break;
            } else {
                return NOT_A_NUMBER;
            }
        }
        if (!digits) {
            return NOT_A_NUMBER;
        }
        if (significand == 0) {
            return 0;
        }
        if (overflow) {
            return OUT_OF_RANGE;
        }
        long shift = trailingZeros + power - decimals - exponent;
        if (shift < 0 || shift >= POWERS_OF_TEN.length) {
            return OUT_OF_RANGE; // non-zero digits below the exponent, or at least 10^19
        }
        long scale = POWERS_OF_TEN[(int) shift];
        if (significand > Long.MAX_VALUE / scale) {
            return OUT_OF_RANGE;
        }
        long mantissa = significand * scale;
        if (negative) {
            return mantissa == Long.MAX_VALUE ? OUT_OF_RANGE : -mantissa;
        }
        return mantissa;
    }

    /**
     * The common case, quickly: digits with at most one point, no sign, no exponent, no more decimals than the
     * exponent allows and a mantissa below 10^18, which needs no overflow checks (a vendor's prices and sizes).
     *
     * @return the mantissa, or -1 if the text is not such a number (the general parse decides).
     */
    private static long plainDecimal(byte[] text, int offset, int length, int exponent) {
        if (length == 0 || length > 19 || exponent > 0) {
            return -1;
        }
        int end = offset + length;
        long value = 0;
        int point = -1;
        for (int i = offset; i < end; i++) {
            int digit = text[i] - '0';
            if (digit >= 0 && digit <= 9) {
                value = value * 10 + digit;
            } else if (text[i] == '.' && point < 0) {
                point = i;
            } else {
                return -1;
            }
        }
        int decimals = point < 0 ? 0 : end - point - 1;
        int digits = point < 0 ? length : length - 1;
        int shift = -exponent - decimals;
        if (digits == 0 || shift < 0 || digits + shift > 18) {
            return -1;
        }
        return value * POWERS_OF_TEN[shift];
    }

    /**
     * Parses a plain integer: an optional minus sign and 1 to 19 digits.
     *
     * @param text   the bytes.
     * @param offset where the number begins.
     * @param length its length.
     * @return the integer, or {@link #NOT_A_NUMBER} or {@link #OUT_OF_RANGE}.
     */
    public static long integer(byte[] text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = length > 0 && text[i] == '-';
        if (negative) {
            i++;
        }
        if (i == end) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        boolean overflow = false;
        for (; i < end; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_A_NUMBER;
            }
            value = appendDigit(value, 0, d);
            overflow |= value < 0;
        }
        if (overflow || (negative && value == Long.MAX_VALUE)) {
            return OUT_OF_RANGE;
        }
        return negative ? -value : value;
    }

    /**
     * @return {@code value} followed by {@code zeros} zeros and the digit, or -1 if that exceeds a long (and stays
     * -1 for every later digit: the caller only needs to know that it overflowed).
     */
    private static long appendDigit(long value, int zeros, int digit) {
        if (value < 0) {
            return -1;
        }
        long v = value;
        for (int z = 0; z <= zeros; z++) {
            if (v > (Long.MAX_VALUE - (z == zeros ? digit : 0)) / 10) {
                return -1;
            }
            v = v * 10 + (z == zeros ? digit : 0);
        }
        return v;
    }

    /**
     * @return the exponent after e / E (an optional sign and digits), or {@link #NOT_A_NUMBER} if it is none or,
     * as for BigDecimal, beyond an int.
     */
    private static long exponentPart(byte[] text, int from, int end) {
        int i = from;
        boolean negative = i < end && text[i] == '-';
        if (negative || (i < end && text[i] == '+')) {
            i++;
        }
        if (i == end) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (; i < end; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_A_NUMBER;
            }
            value = value * 10 + d;
            if (value > Integer.MAX_VALUE + 1L) {
                return NOT_A_NUMBER;
            }
        }
        long exponent = negative ? -value : value;
        return exponent > Integer.MAX_VALUE ? NOT_A_NUMBER : exponent;
    }
}
