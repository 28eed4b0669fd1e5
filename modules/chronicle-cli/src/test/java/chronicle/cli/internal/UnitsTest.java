package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class UnitsTest {

    @Test
    void shouldParseTimesAsIsoUtcOffsetsDatesOrEpochNanos() {
        long t = 1_795_341_600_000_000_000L; // 2026-11-22T10:00:00Z
        assertEquals(t, Units.parseTime("2026-11-22T10:00:00Z"));
        assertEquals(t + 123_456_789, Units.parseTime("2026-11-22T10:00:00.123456789Z"));
        assertEquals(t, Units.parseTime("2026-11-22T11:00:00+01:00"));
        assertEquals(t - 10 * 3_600_000_000_000L, Units.parseTime("2026-11-22"));
        assertEquals(t, Units.parseTime(Long.toString(t)));
        assertThrows(IllegalArgumentException.class, () -> Units.parseTime("2026-11-22T10:00:00"));
        assertThrows(IllegalArgumentException.class, () -> Units.parseTime("99999999999999999999"));
        assertEquals("2026-11-22T10:00:00.000000001Z", Units.time(t + 1));
        assertEquals("1969-12-31T23:59:59.999999999Z", Units.time(-1));
        assertEquals("-", Units.time(Long.MIN_VALUE));
    }

    @Test
    void shouldParseDurationsWithUnitsOrIso() {
        assertEquals(Duration.ofDays(7), Units.parseDuration("7d"));
        assertEquals(Duration.ofHours(12), Units.parseDuration("12h"));
        assertEquals(Duration.ofMinutes(90), Units.parseDuration("1h30m"));
        assertEquals(Duration.ofMillis(500), Units.parseDuration("500ms"));
        assertEquals(Duration.ofDays(14), Units.parseDuration("2w"));
        assertEquals(Duration.ofHours(12), Units.parseDuration("PT12H"));
        assertEquals(Duration.ofDays(7), Units.parseDuration("P7D"));
        for (String bad : new String[] {"", "7", "d", "7 d", "7x", "h7", "1h 30m", "P"}) {
            assertThrows(IllegalArgumentException.class, () -> Units.parseDuration(bad), bad);
        }
        assertEquals("1h30m", Units.duration(Duration.ofMinutes(90)));
        assertEquals("7d", Units.duration(Duration.ofDays(7)));
        assertEquals("0s", Units.duration(Duration.ZERO));
    }

    @Test
    void shouldParseSizesInBinaryAndDecimalUnits() {
        assertEquals(4096, Units.parseSize("4096"));
        assertEquals(10L << 30, Units.parseSize("10GiB"));
        assertEquals(512L << 20, Units.parseSize("512mib"));
        assertEquals(3L << 29, Units.parseSize("1.5G"));
        assertEquals(2_000_000, Units.parseSize("2MB"));
        assertEquals(64 << 10, Units.parseSize("64 KiB"));
        for (String bad : new String[] {"", "GiB", "1.5", "10 GB extra", "1XB", "-1", "99999999999TiB"}) {
            assertThrows(IllegalArgumentException.class, () -> Units.parseSize(bad), bad);
        }
        assertEquals("128.0 MiB", Units.bytes(128L << 20));
        assertEquals("1000 B", Units.bytes(1000));
    }
}
