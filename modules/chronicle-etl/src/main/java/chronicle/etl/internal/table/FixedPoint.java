package chronicle.etl.internal.table;

import chronicle.etl.api.ExtractException;

import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact decimal arithmetic on protocol mantissas (value = mantissa x 10^exponent) for extract columns, whose
 * values are unscaled longs at a fixed scale.
 */
final class FixedPoint {

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FixedPoint() {
    }

    /**
     * @param exponent a protocol exponent.
     * @return the column scale that holds its values exactly (0 for a positive exponent).
     */
    static int scaleOf(int exponent) {
        return Math.max(0, -exponent);
    }

    /**
     * @param n 0 to 18.
     * @return 10^n.
     */
    static long pow10(int n) {
        return POW10[n];
    }

    /**
     * The mantissa as an unscaled value at a column's scale, exactly.
     *
     * @param mantissa the value's mantissa.
     * @param exponent its exponent.
     * @param scale    the column's scale.
     * @param column   the column, for the message.
     * @return the unscaled value.
     * @throws ExtractException if the value cannot be held exactly (a finer exponent than the column's, within one
     *                          file, or an overflow).
     */
    static long toScale(long mantissa, int exponent, int scale, String column) {
        int shift = exponent + scale;
        if (shift == 0) {
            return mantissa;
        }
        try {
            if (shift > 0) {
                return Math.multiplyExact(mantissa, POW10[Math.min(shift, 18)]);
            }
            if (-shift <= 18 && mantissa % POW10[-shift] == 0) {
                return mantissa / POW10[-shift];
            }
        } catch (ArithmeticException e) {
            // falls through to the message
        }
        throw new ExtractException(column + ": value " + mantissa + "e" + exponent + " cannot be held exactly at "
                + scale + " decimals (the market's exponent changed within one day)", false);
    }

    /**
     * {@code numerator x 10^extra / denominator}, rounded half to even, exactly (128-bit when a long overflows).
     *
     * @param numerator   the numerator.
     * @param denominator the denominator, not 0.
     * @param extra       decimal digits to shift the numerator by.
     * @return the rounded quotient.
     */
    static long divide(long numerator, long denominator, int extra) {
        try {
            long scaled = Math.multiplyExact(numerator, POW10[extra]);
            long q = scaled / denominator;
            long r = scaled % denominator;
            long twiceR = Math.multiplyExact(Math.abs(r), 2L);
            long absD = Math.abs(denominator);
            if (twiceR > absD || (twiceR == absD && (q & 1) != 0)) {
                q += (scaled < 0) == (denominator < 0) ? 1 : -1;
            }
            return q;
        } catch (ArithmeticException e) {
            return wide(BigInteger.valueOf(numerator), denominator, extra);
        }
    }

    /**
     * {@code (a x b + c x d) x 10^extra / denominator}, rounded half to even, exactly.
     *
     * @param a           first factor of the first product.
     * @param b           second factor of the first product.
     * @param c           first factor of the second product.
     * @param d           second factor of the second product.
     * @param denominator the denominator, not 0.
     * @param extra       decimal digits to shift by.
     * @return the rounded quotient.
     */
    static long weighted(long a, long b, long c, long d, long denominator, int extra) {
        try {
            return divide(Math.addExact(Math.multiplyExact(a, b), Math.multiplyExact(c, d)), denominator, extra);
        } catch (ArithmeticException e) {
            BigInteger sum = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                    .add(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
            return wide(sum, denominator, extra);
        }
    }

    private static long wide(BigInteger numerator, long denominator, int extra) {
        return new java.math.BigDecimal(numerator.multiply(BigInteger.valueOf(POW10[extra])))
                .divide(new java.math.BigDecimal(denominator), 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
