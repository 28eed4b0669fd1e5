package chronicle.cli.internal;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and printing of the units the journal commands use: times (ISO-8601 UTC or epoch nanoseconds),
 * durations ({@code 7d}, {@code 12h30m} or ISO-8601 {@code PT12H}) and sizes ({@code 10GiB}, {@code 512MB}).
 */
final class Units {

    private static final DateTimeFormatter NANOS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Units() {
    }

    /**
     * @param epochNanos a record timestamp.
     * @return it as ISO-8601 UTC with nine fraction digits, or "-" for {@link Long#MIN_VALUE} (none).
     */
    static String time(long epochNanos) {
        if (epochNanos == Long.MIN_VALUE) {
            return "-";
        }
        return NANOS.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)));
    }

    /**
     * @param epochMillis a wall-clock time.
     * @return it as ISO-8601 UTC (millisecond precision), or "-" for 0 or less (unknown).
     */
    static String millisTime(long epochMillis) {
        return epochMillis <= 0 ? "-" : Instant.ofEpochMilli(epochMillis).toString();
    }

    /**
     * @param bytes a size.
     * @return it in binary units with one decimal ("128.0 MiB"), or plain bytes below 1 KiB.
     */
    static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, BINARY[unit]);
    }

    /**
     * @param duration a duration.
     * @return it as days, hours, minutes, seconds and milliseconds ("7d", "1h30m", "500ms"), "0s" for zero.
     */
    static String duration(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration d = duration.abs();
        long[] values = {d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart()};
        String[] units = {"d", "h", "m", "s", "ms"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                text.append(values[i]).append(units[i]);
            }
        }
        return text.length() == (duration.isNegative() ? 1 : 0) ? d.toNanos() + "ns" : text.toString();
    }

    /**
     * @param text epoch nanoseconds (digits), an ISO-8601 instant or offset date-time
     *             ({@code 2026-11-22T10:00:00Z}, {@code 2026-11-22T11:00:00+01:00}) or a date (midnight UTC).
     * @return epoch nanoseconds.
     * @throws IllegalArgumentException naming the accepted forms.
     */
    static long parseTime(String text) {
        String t = text.strip();
        if (t.matches("-?\\d+")) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is out of range for epoch nanoseconds");
            }
        }
        try {
            Instant instant;
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                instant = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (t.endsWith("Z") || t.endsWith("z")) {
                instant = Instant.parse(t.toUpperCase(Locale.ROOT));
            } else {
                instant = OffsetDateTime.parse(t).toInstant();
            }
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: use ISO-8601 with a zone "
                    + "(2026-11-22T10:00:00Z, 2026-11-22T11:00:00+01:00), a date (2026-11-22, midnight UTC) or "
                    + "epoch nanoseconds");
        }
    }

    /**
     * @param text {@code 500ms}, {@code 45s}, {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}, combinations
     *             such as {@code 1h30m}, or ISO-8601 ({@code PT12H}, {@code P7D}).
     * @return the duration.
     * @throws IllegalArgumentException naming the accepted forms.
     */
    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            Matcher m = DURATION_PART.matcher(t);
            Duration total = Duration.ZERO;
            int end = 0;
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(7 * n);
                });
                end = m.end();
            }
            if (end == 0 || end != t.length()) {
                throw new IllegalArgumentException();
            }
            return total;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use a number with a unit (500ms, "
                    + "45s, 30m, 12h, 7d, 2w, or combined: 1h30m) or ISO-8601 (PT12H, P7D)");
        }
    }

    /**
     * @param text a byte count with an optional unit: B; KiB, MiB, GiB, TiB or K, M, G, T (powers of 1024);
     *             KB, MB, GB, TB (powers of 1000). Case-insensitive; a fraction is allowed ({@code 1.5GiB}).
     * @return bytes.
     * @throws IllegalArgumentException naming the accepted forms.
     */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        long multiplier = -1;
        if (m.matches()) {
            multiplier = switch (m.group(2)) {
                case "", "b" -> 1L;
                case "k", "kib" -> 1L << 10;
                case "m", "mib" -> 1L << 20;
                case "g", "gib" -> 1L << 30;
                case "t", "tib" -> 1L << 40;
                case "kb" -> 1_000L;
                case "mb" -> 1_000_000L;
                case "gb" -> 1_000_000_000L;
                case "tb" -> 1_000_000_000_000L;
                default -> -1L;
            };
        }
        if (multiplier < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a size: use bytes with an optional unit "
                    + "(4096, 64KiB, 512MiB, 10GiB, 1.5G; KB/MB/GB are powers of 1000)");
        }
        try {
            return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(multiplier)).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of bytes, or is too large");
        }
    }

    /** Picocli converter for {@link #parseTime}. */
    static final class TimeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return parseTime(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Picocli converter for {@link #parseDuration}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Picocli converter for {@link #parseSize}. */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return parseSize(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
