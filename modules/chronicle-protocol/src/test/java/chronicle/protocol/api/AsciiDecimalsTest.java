package chronicle.protocol.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class AsciiDecimalsTest {

    static long parse(String s) {
        byte[] b = ("x," + s + ",y").getBytes(StandardCharsets.US_ASCII);
        return AsciiDecimals.parse(b, 2, s.length(), -8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "100.5", "0.12345678", "0.50000000", "0.500000000000", "-1.5", "1e-8",
        "2.5E3", "92233720368.54775807", ".5", "5."})
    void shouldAgreeWithDecimals(String text) {
        assertEquals(Decimals.parse(text, -8), parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0.123456789", "abc", "1.2.3", "92233720368.54775808", "-", "1e-9"})
    void shouldReject(String text) {
        assertThrows(NumberFormatException.class, () -> parse(text));
    }

    @Test
    void shouldParseIntegers() {
        byte[] b = "1700000000000500".getBytes(StandardCharsets.US_ASCII);
        assertEquals(1_700_000_000_000_500L, AsciiDecimals.parseLong(b, 0, b.length));
        assertThrows(NumberFormatException.class, () -> AsciiDecimals.parseLong("12a".getBytes(), 0, 3));
    }
}
