package chronicle.plugin.importer.binance;

import chronicle.protocol.api.Decimals;

import java.nio.CharBuffer;

/**
 * Exact decimal text to fixed-point mantissas without allocating: the plain forms Binance prints
 * ({@code "0.35210000"}, {@code "672"}, {@code "-1.5"}) are parsed here digit by digit; anything else (an exponent,
 * a plus sign) goes to {@link Decimals#parse}, so the result is always what {@code Decimals.parse} gives. No
 * floating point anywhere.
 */
final class FixedPoint {

    private FixedPoint() {
    }

    /**
     * @param text     the characters.
     * @param offset   where the number begins.
     * @param length   its length.
     * @param exponent the exponent of the result (at most 0).
     * @return the mantissa: value x 10^-exponent, exactly.
     * @throws NumberFormatException if the text is not a number, has more decimals than the exponent allows, or
     *                               does not fit a long.
     */
    static long parse(char[] text, int offset, int length, int exponent) {
        if (length == 0) {
            throw new NumberFormatException("empty number");
        }
        int scale = -exponent;
        int i = offset;
        int end = offset + length;
        boolean negative = text[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int decimals = -1; // digits seen after the point; -1 before the point
        boolean digits = false;
        for (; i < end; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9') {
                digits = true;
                if (decimals >= 0) {
                    decimals++;
                    if (decimals > scale) {
                        if (c != '0') {
                            throw tooPrecise(text, offset, length, exponent);
                        }
                        continue; // a trailing zero past the exponent changes nothing
                    }
                }
                mantissa = accumulate(mantissa, c - '0', text, offset, length, exponent);
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Decimals.parse(CharBuffer.wrap(text, offset, length), exponent);
            }
        }
        if (!digits || scale < 0) {
            return Decimals.parse(CharBuffer.wrap(text, offset, length), exponent);
        }
        for (int d = Math.max(decimals, 0); d < scale; d++) {
            mantissa = accumulate(mantissa, 0, text, offset, length, exponent);
        }
        return negative ? -mantissa : mantissa;
    }

    private static long accumulate(long mantissa, int digit, char[] text, int offset, int length, int exponent) {
        if (mantissa > (Long.MAX_VALUE - digit) / 10) {
            throw tooPrecise(text, offset, length, exponent);
        }
        return mantissa * 10 + digit;
    }

    private static NumberFormatException tooPrecise(char[] text, int offset, int length, int exponent) {
        return new NumberFormatException("'" + new String(text, offset, length) + "' does not fit a mantissa at 10^"
                + exponent + " (too many decimals or too large)");
    }
}
