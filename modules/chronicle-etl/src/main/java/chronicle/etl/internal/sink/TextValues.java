package chronicle.etl.internal.sink;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Exact text forms of extract values, shared by the text sinks.
 */
final class TextValues {

    /** {@code 2026-11-22T10:00:00.123456789Z}: always nine fraction digits, so text sorts as time does. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private TextValues() {
    }

    static void appendTimestamp(StringBuilder s, long epochNanos) {
        TIMESTAMP.formatTo(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)), s);
    }

    /** Appends {@code unscaled x 10^-scale} with exactly {@code scale} fraction digits (the column's type). */
    static void appendDecimal(StringBuilder s, long unscaled, int scale) {
        if (scale == 0) {
            s.append(unscaled);
            return;
        }
        if (unscaled < 0) {
            s.append('-');
        }
        String digits = unscaled == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(unscaled));
        int integerDigits = digits.length() - scale;
        if (integerDigits <= 0) {
            s.append("0.");
            s.repeat('0', -integerDigits);
            s.append(digits);
        } else {
            s.append(digits, 0, integerDigits).append('.').append(digits, integerDigits, digits.length());
        }
    }

    /** Appends text, quoted per RFC 4180 only when it holds a comma, a quote or a line break. */
    static void appendCsvText(StringBuilder s, String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (!quote) {
            s.append(text);
            return;
        }
        s.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
