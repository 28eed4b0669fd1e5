package chronicle.ingest.spi;

import chronicle.protocol.api.Decimals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FixedPoint}: exact, status values instead of exceptions, and the same results as {@code Decimals.parse}. */
@Timeout(30)
class FixedPointTest {

    private static long decimal(String text, int exponent) {
        byte[] bytes = ("##" + text + "##").getBytes(StandardCharsets.ISO_8859_1);
        return FixedPoint.decimal(bytes, 2, bytes.length - 4, exponent);
    }

    private static long integer(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return FixedPoint.integer(bytes, 0, bytes.length);
    }

    @ParameterizedTest
    @CsvSource({"0.3521,-8,35210000", "672,-8,67200000000", "-1.5,-2,-150", ".5,-1,5", "5.,0,5", "1e-8,-8,1",
        "2E+3,0,2000", "+7,0,7", "0.000,-2,0", "-0,0,0", "1.00000000000000000000,-8,100000000",
        "100,2,1", "0e99,-8,0", "9223372036854775807,0,9223372036854775807"})
    void shouldParseExactly(String text, int exponent, long mantissa) {
        assertEquals(mantissa, decimal(text, exponent));
    }

    @ParameterizedTest
    @CsvSource({"'',-8", "abc,-8", "1.2.3,-8", "-,0", "e5,0", "1e,0", "1e+,0", "10x.5,-8", "'1 ',0", "--1,0", "+-1,0",
        "1.5e,0", ".,0", "0e99999999999,0", "1e2147483648,0"})
    void shouldTellTextThatIsNotANumber(String text, int exponent) {
        assertEquals(FixedPoint.NOT_A_NUMBER, decimal(text, exponent));
        assertFalse(FixedPoint.isValid(decimal(text, exponent)));
    }

    @ParameterizedTest
    @CsvSource({"0.123456789,-8", "99999999999999,-8", "9223372036854775808,0", "-9223372036854775807,0",
        "1e30,0", "1.5,0", "150,2", "1e2147483647,0"})
    void shouldTellNumbersThatDoNotFitTheExponent(String text, int exponent) {
        assertEquals(FixedPoint.OUT_OF_RANGE, decimal(text, exponent));
    }

    @Test
    void shouldAgreeWithDecimalsParseOnRandomText() {
        SplittableRandom random = new SplittableRandom(25);
        for (int n = 0; n < 200_000; n++) {
            String text = randomNumberLike(random);
            int exponent = -random.nextInt(10);
            long expected;
            try {
                expected = Decimals.parse(text, exponent);
                if (expected == -Long.MAX_VALUE) {
                    expected = FixedPoint.OUT_OF_RANGE; // the one mantissa that is a status
                }
            } catch (NumberFormatException e) {
                expected = Long.MIN_VALUE; // either status
            }
            long actual = decimal(text, exponent);
            if (expected == Long.MIN_VALUE) {
                assertFalse(FixedPoint.isValid(actual), text + " at 10^" + exponent + " gave " + actual);
            } else {
                assertEquals(expected, actual, text + " at 10^" + exponent);
            }
        }
    }

    /**
     * Text shaped like a number (sign, digits, point, digits, an exponent of at most 2 digits: BigDecimal takes
     * very long over huge exponents), with one character in ten replaced by one of the grammar's.
     */
    private static String randomNumberLike(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append(random.nextBoolean() ? '-' : '+');
        }
        digits(text, random, random.nextInt(random.nextBoolean() ? 4 : 21));
        if (random.nextBoolean()) {
            text.append('.');
            digits(text, random, random.nextInt(12));
        }
        if (random.nextInt(5) == 0) {
            text.append(random.nextBoolean() ? 'e' : 'E');
            if (random.nextBoolean()) {
                text.append(random.nextBoolean() ? '-' : '+');
            }
            digits(text, random, random.nextInt(3));
        }
        String grammar = "0123456789.-+x "; // no e: an exponent of many digits takes BigDecimal very long
        for (int i = 0; i < text.length(); i++) {
            if (random.nextInt(10) == 0) {
                text.setCharAt(i, grammar.charAt(random.nextInt(grammar.length())));
            }
        }
        return text.toString();
    }

    private static void digits(StringBuilder text, SplittableRandom random, int count) {
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(3) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
        }
    }

    @Test
    void shouldParsePlainIntegers() {
        assertEquals(1700000000001000L, integer("1700000000001000"));
        assertEquals(-1, integer("-1"));
        assertEquals(Long.MAX_VALUE, integer("9223372036854775807"));
        assertEquals(FixedPoint.OUT_OF_RANGE, integer("9223372036854775808"));
        assertEquals(FixedPoint.NOT_A_NUMBER, integer(""));
        assertEquals(FixedPoint.NOT_A_NUMBER, integer("-"));
        assertEquals(FixedPoint.NOT_A_NUMBER, integer("1.5"));
        assertEquals(FixedPoint.NOT_A_NUMBER, integer("+1"));
        assertTrue(FixedPoint.isValid(integer("0")));
    }
}
