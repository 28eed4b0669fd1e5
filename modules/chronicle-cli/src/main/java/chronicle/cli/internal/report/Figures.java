package chronicle.cli.internal.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and times as the report prints them: thousands separators, money to the cent from one unit up and to four
 * significant digits below (crypto fees are fractions of a cent), times in UTC. Anything not finite
 * prints as {@code n/a}.
 */
final class Figures {

    /** What a value that is not a number prints as. */
    static final String NOT_AVAILABLE = "n/a";

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Figures() {
    }

    /**
     * @param value an amount of money.
     * @return it with two decimals from 1 up (and for zero), else to four significant digits.
     */
    static String money(double value) {
        if (!Double.isFinite(value)) {
            return NOT_AVAILABLE;
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1 || value == 0) {
            return String.format(Locale.ROOT, "%,.2f", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * @param value an amount of money that may be a gain or a loss.
     * @return {@link #money(double)} with a leading {@code +} for a gain.
     */
    static String signedMoney(double value) {
        return (value > 0 ? "+" : "") + money(value);
    }

    /**
     * @param count a count.
     * @return it with thousands separators.
     */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /**
     * @param count    a count.
     * @param singular what one of them is called ({@code fill}).
     * @param plural   what more of them, or none, are called ({@code fills}).
     * @return the count with thousands separators and the right noun ({@code 1 fill}, {@code 1,024 fills}).
     */
    static String count(long count, String singular, String plural) {
        return count(count) + " " + (count == 1 ? singular : plural);
    }

    /**
     * @param fraction a fraction (0.25).
     * @return it as a percentage with one decimal ({@code 25.0 %}).
     */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", fraction * 100) : NOT_AVAILABLE;
    }

    /**
     * @param value a ratio.
     * @return it with two decimals.
     */
    static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : NOT_AVAILABLE;
    }

    /**
     * @param epochNanos an event time.
     * @return it in UTC to the millisecond ({@code 2026-03-02 14:30:00.250 UTC}).
     */
    static String utc(long epochNanos) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
        return UTC.format(instant) + " UTC";
    }

    /**
     * @param nanos a length of time.
     * @return it in the two largest units that matter ({@code 6 h 30 min}, {@code 12 s 250 ms}).
     */
    static String duration(long nanos) {
        Duration d = Duration.ofNanos(Math.max(0, nanos));
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return d.toSeconds() + " s " + d.toMillisPart() + " ms";
    }

    /**
     * @param micros a latency in microseconds.
     * @return it in microseconds below a millisecond, else in milliseconds, three significant digits or more.
     */
    static String latency(double micros) {
        if (!Double.isFinite(micros)) {
            return NOT_AVAILABLE;
        }
        if (micros >= 1_000) {
            return String.format(Locale.ROOT, "%,.2f ms", micros / 1_000);
        }
        return String.format(Locale.ROOT, micros >= 100 ? "%.0f µs" : micros >= 10 ? "%.1f µs" : "%.2f µs", micros);
    }
}
