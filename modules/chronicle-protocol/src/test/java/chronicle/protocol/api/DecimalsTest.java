package chronicle.protocol.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class DecimalsTest {

    @Test
    void shouldRenderExactly() {
        assertEquals("101.25", Decimals.toString(10125, -2));
        assertEquals("3", Decimals.toString(3000, -3));
        assertEquals("0.0001", Decimals.toString(1, -4));
        assertEquals("-5.5", Decimals.toString(-55, -1));
        assertEquals("1200", Decimals.toString(12, 2));
        assertEquals("0", Decimals.toString(0, -8));
    }

    @Test
    void shouldParseBackWhatItRendersForRandomValues() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long mantissa = random.nextLong() >> random.nextInt(40);
            int exponent = -random.nextInt(12);
            String text = Decimals.toString(mantissa, exponent);
            assertEquals(0, new BigDecimal(text).compareTo(BigDecimal.valueOf(mantissa, -exponent)));
            assertEquals(mantissa, Decimals.parse(text, exponent));
        }
    }

    @Test
    void shouldRefuseTooManyDecimals() {
        assertEquals(10125, Decimals.parse("101.25", -2));
        assertEquals(1012500, Decimals.parse("101.25", -4));
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Decimals.parse("101.255", -2));
        assertEquals("'101.255' does not fit a mantissa at 10^-2 (too many decimals or too large)", e.getMessage());
        assertThrows(NumberFormatException.class, () -> Decimals.parse("abc", -2));
    }
}
