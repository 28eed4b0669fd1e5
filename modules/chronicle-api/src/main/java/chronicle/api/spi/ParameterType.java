package chronicle.api.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** The type of a strategy parameter, and how its text is read. */
public enum ParameterType {
    /** A whole number ({@code long}). */
    INTEGER("a whole number, for example 10"),
    /** A number ({@code double}). */
    NUMBER("a number, for example 0.5"),
    /** An exact decimal ({@link BigDecimal}), for prices and quantities. */
    DECIMAL("a decimal number, for example 0.01"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** A duration: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}, or ISO-8601 ({@code PT2S}). */
    DURATION("a duration, for example 500ms, 2s, 1m"),
    /** Any text. */
    TEXT("text");

    private final String expected;

    ParameterType(String expected) {
        this.expected = expected;
    }

    /** @return what a valid value looks like, for error messages. */
    public String expected() {
        return expected;
    }

    /**
     * Reads a value.
     *
     * @param text the text the user typed.
     * @return the value ({@code Long}, {@code Double}, {@code BigDecimal}, {@code Boolean}, {@code Duration} or
     *         {@code String}).
     * @throws IllegalArgumentException if the text is not of this type.
     */
    public Object parse(String text) {
        String t = text.strip();
        try {
            return switch (this) {
                case INTEGER -> Long.parseLong(t);
                case NUMBER -> {
                    double d = Double.parseDouble(t);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    yield d;
                }
                case DECIMAL -> new BigDecimal(t);
                case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException();
                };
                case DURATION -> duration(t);
                case TEXT -> text;
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + expected);
        }
    }

    private static Duration duration(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pt")) {
            return Duration.parse(t);
        }
        int unit = 0;
        while (unit < lower.length() && (Character.isDigit(lower.charAt(unit)) || lower.charAt(unit) == '.')) {
            unit++;
        }
        BigDecimal amount = new BigDecimal(lower.substring(0, unit));
        long nanosPerUnit = switch (lower.substring(unit)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException();
        };
        return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValueExact());
    }
}
