package chronicle.protocol.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The allocation-free decimal parser gives exactly what {@link Decimals#parse} gives, and fails where it fails. */
@Timeout(30)
class AsciiDecimalsAgreementTest {

    private static Long decimals(String text, int exponent) {
        try {
            return Decimals.parse(text, exponent);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long fixed(String text, int exponent) {
        try {
            return AsciiDecimals.parse(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, text.length(), exponent);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Test
    void shouldAgreeWithDecimalsParse() {
        List<String> samples = List.of("0.35210000", "672.00000000", "0", "0.0", "00012.5", "1.", ".5", "-1.25",
                "0.00000001", "0.000000001", "0.000000010", "92233720368.54775807", "92233720368.54775808",
                "99999999999999", "1e-8", "1E2", "+5", "", "-", ".", "1..2", "1.2.3", "abc", "0x10", " 1", "1 ",
                "6.25100000", "0.000000000000", "123456789012345678901234567890");
        for (String text : samples) {
            for (int exponent : new int[] {-8, -2, 0}) {
                assertEquals(decimals(text, exponent), fixed(text, exponent), text + " at 10^" + exponent);
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int whole = random.nextInt(12);
            for (int d = 0; d < whole; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                text.append('.');
                int fraction = random.nextInt(11);
                for (int d = 0; d < fraction; d++) {
                    text.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
                }
            }
            String s = text.toString();
            assertEquals(decimals(s, -8), fixed(s, -8), s);
        }
    }

    @Test
    void shouldParseWithinALargerBuffer() {
        byte[] text = "xx0.35210000yy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(35_210_000L, AsciiDecimals.parse(text, 2, 10, -8));
        assertThrows(NumberFormatException.class, () -> AsciiDecimals.parse(text, 2, 0, -8));
    }
}
