package chronicle.ingest.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Fields}: splitting in place, comparing, numbers as statuses, text that is not text. */
@Timeout(30)
class FieldsTest {

    private static Fields split(String line) {
        Fields f = new Fields((byte) ',');
        byte[] bytes = ("[" + line + "]").getBytes(StandardCharsets.ISO_8859_1);
        f.split(bytes, 1, bytes.length - 1);
        return f;
    }

    @Test
    void shouldSplitInPlace() {
        Fields f = split("kraken,XBT/USD,,100.5," + "c".repeat(3) + ",1,2,3,4,5,6,7,8,9,10,11,12,13,14");
        assertEquals(19, f.count(), "more fields than the arrays first hold");
        assertTrue(f.is(1, "XBT/USD".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(f.is(1, "XBT/US".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0, f.length(2));
        assertEquals(10050, f.decimal(3, -2));
        assertEquals(FixedPoint.NOT_A_NUMBER, f.decimal(2, -2), "empty");
        assertEquals(FixedPoint.NOT_A_NUMBER, f.integer(4));
        assertEquals(14, f.integer(18));
        assertEquals(-1, f.firstNonText());
        assertEquals(1, split("").count());
        assertEquals(2, split(",").count());
    }

    @Test
    void shouldFindTheFirstFieldThatIsNotText() {
        assertEquals(2, split("a,b,c\u0000,d\u00e9").firstNonText());
        assertEquals(0, split("\u00e9").firstNonText());
        assertEquals("c?", split("a,b,c\u0000").excerpt(2));
    }
}
