package chronicle.cli.internal.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class FiguresTest {

    @Test
    void shouldPrintMoneyToTheCentAndSmallAmountsToFourDigits() {
        assertEquals("-1,234.50", Figures.money(-1234.5));
        assertEquals("3.14", Figures.money(3.14159));
        assertEquals("0.003457", Figures.money(0.00345678));
        assertEquals("0.00", Figures.money(0));
        assertEquals("+12.00", Figures.signedMoney(12));
        assertEquals("-0.5", Figures.signedMoney(-0.5));
        assertEquals("n/a", Figures.money(Double.NaN));
    }

    @Test
    void shouldPrintTimesInUtcAndDurationsInTwoUnits() {
        long nanos = Instant.parse("2026-03-02T14:30:00.250Z").toEpochMilli() * 1_000_000L + 999;

        assertEquals("2026-03-02 14:30:00.250 UTC", Figures.utc(nanos));
        assertEquals("6 h 30 min", Figures.duration(23_400_000_000_000L));
        assertEquals("2 d 1 h", Figures.duration(176_400_000_000_000L));
        assertEquals("12 s 250 ms", Figures.duration(12_250_000_000L));
    }

    @Test
    void shouldPrintLatenciesInTheirNaturalUnit() {
        assertEquals("2.35 µs", Figures.latency(2.345));
        assertEquals("42.5 µs", Figures.latency(42.5));
        assertEquals("250 µs", Figures.latency(250));
        assertEquals("1.25 ms", Figures.latency(1250));
        assertEquals("45.0 %", Figures.percent(0.45));
        assertEquals("1,000", Figures.count(1000));
        assertEquals("1 fill", Figures.count(1, "fill", "fills"));
        assertEquals("0 fills", Figures.count(0, "fill", "fills"));
        assertEquals("1,024 fills", Figures.count(1024, "fill", "fills"));
        assertEquals("n/a", Figures.ratio(Double.POSITIVE_INFINITY));
    }
}
