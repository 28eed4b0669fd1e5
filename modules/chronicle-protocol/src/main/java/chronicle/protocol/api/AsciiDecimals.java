package chronicle.protocol.api;

import java.nio.charset.StandardCharsets;

/**
 * Exact decimal text (ASCII bytes) to fixed-point mantissas without allocating, for vendor parsers: the plain forms
 * ({@code "0.3521"}, {@code "672"}, {@code "-1.5"}) are parsed digit by digit; anything else (an exponent such as
 * {@code 1e-8}, a plus sign) goes to {@link Decimals#parse}, so the result is always what {@code Decimals.parse}
 * gives. No floating point anywhere.
 */
public final class AsciiDecimals {

    private AsciiDecimals() {
    }

    /**
     * @param text     the bytes.
     * @param offset   where the number begins.
     * @param length   its length.
     * @param exponent the exponent of the result (at most 0).
     * @return the mantissa: value x 10^-exponent, exactly.
     * @throws NumberFormatException if the text is not a number, has more decimals than the exponent allows, or
     *                               does not fit a long.
     */
    public static long parse(byte[] text, int offset, int length, int exponent) {
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
            int c = text[i];
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
                return slow(text, offset, length, exponent);
            }
        }
        if (!digits || scale < 0) {
            return slow(text, offset, length, exponent);
        }
        for (int d = Math.max(decimals, 0); d < scale; d++) {
            mantissa = accumulate(mantissa, 0, text, offset, length, exponent);
        }
        return negative ? -mantissa : mantissa;
    }

    /**
     * @param text   the bytes.
     * @param offset where the number begins.
     * @param length its length.
     * @return the non-negative integer.
     * @throws NumberFormatException if the text is not digits only or does not fit a long.
     */
    public static long parseLong(byte[] text, int offset, int length) {
        if (length == 0 || length > 18) {
            if (length == 0) {
                throw new NumberFormatException("empty number");
            }
            return Long.parseLong(new String(text, offset, length, StandardCharsets.ISO_8859_1));
        }
        long value = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not an integer");
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static long slow(byte[] text, int offset, int length, int exponent) {
        try {
            return Decimals.parse(new String(text, offset, length, StandardCharsets.ISO_8859_1), exponent);
        } catch (NumberFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NumberFormatException("not a number");
        }
    }

    private static long accumulate(long mantissa, int digit, byte[] text, int offset, int length, int exponent) {
        if (mantissa > (Long.MAX_VALUE - digit) / 10) {
            throw tooPrecise(text, offset, length, exponent);
        }
        return mantissa * 10 + digit;
    }

    private static NumberFormatException tooPrecise(byte[] text, int offset, int length, int exponent) {
        return new NumberFormatException("'" + new String(text, offset, length, StandardCharsets.ISO_8859_1)
                + "' does not fit a mantissa at 10^" + exponent + " (too many decimals or too large)");
    }
}
