package chronicle.protocol.api;

import java.math.BigDecimal;

/** Exact decimal text of fixed-point mantissas: no floating point anywhere on the way. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * @param mantissa the integer.
     * @param exponent the decimal exponent (value = mantissa x 10^exponent).
     * @return the exact value as plain text, without trailing zeros after the point ("101.25", "3", "0.0001").
     */
    public static String toString(long mantissa, int exponent) {
        BigDecimal value = BigDecimal.valueOf(mantissa, -exponent).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    /**
     * Parses decimal text into a mantissa at a given exponent, exactly.
     *
     * @param text     for example "101.25".
     * @param exponent the exponent of the result (e.g. -2 gives 10125).
     * @return the mantissa.
     * @throws NumberFormatException if the text is not a number or has more decimals than the exponent allows.
     */
    public static long parse(CharSequence text, int exponent) {
        BigDecimal value = new BigDecimal(text.toString());
        try {
            return value.movePointRight(-exponent).longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("'" + text + "' does not fit a mantissa at 10^" + exponent
                    + " (too many decimals or too large)");
        }
    }
}
