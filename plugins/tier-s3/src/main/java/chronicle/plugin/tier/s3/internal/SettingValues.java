package chronicle.plugin.tier.s3.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of one tier's settings: strings (with or without their JSON quotes), booleans, sizes such as
 * {@code 16MiB} and durations such as {@code 500ms} or {@code 30s}. Every error is one line naming the setting as
 * {@code tiers.<tier>.<name>} and what it accepts.
 */
final class SettingValues {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

    private final String tier;
    private final Map<String, String> values;

    /**
     * @param tier   the tier's name, for messages.
     * @param values setting name to its text.
     */
    SettingValues(String tier, Map<String, String> values) {
        this.tier = tier;
        this.values = values;
    }

    /** @param name a setting. @return {@code tiers.<tier>.<name>}, as messages name it. */
    String path(String name) {
        return "tiers." + tier + "." + name;
    }

    /** @param name a setting. @return its text without JSON quotes, or empty when absent or blank. */
    Optional<String> string(String name) {
        String raw = values.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        String text = unquote(raw.strip()).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * @param name    a required setting.
     * @param example a value to show in the message when it is missing.
     * @return its text.
     * @throws IllegalArgumentException if it is absent or blank.
     */
    String required(String name, String example) {
        return string(name).orElseThrow(() -> new IllegalArgumentException(
                path(name) + " is required (for example \"" + name + "\": \"" + example + "\")"));
    }

    boolean bool(String name, boolean otherwise) {
        return string(name).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(path(name) + " is \"" + text + "\": use true or false");
        }).orElse(otherwise);
    }

    long size(String name, long otherwise, long min, long max) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return otherwise;
        }
        Matcher m = SIZE.matcher(text.get());
        long value;
        if (!m.matches() || (value = scaled(m.group(1), unitOf(m.group(2)))) < 0) {
            throw new IllegalArgumentException(path(name) + " is \"" + text.get()
                    + "\": use bytes or a size such as 16MiB (units B, KiB, MiB, GiB)");
        }
        return inRange(name, text.get(), value, min, max, SettingValues::bytes);
    }

    int integer(String name, int otherwise, int min, int max) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return otherwise;
        }
        long value;
        try {
            value = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path(name) + " is \"" + text.get() + "\": use a whole number from "
                    + min + " to " + max);
        }
        return (int) inRange(name, text.get(), value, min, max, Long::toString);
    }

    Duration duration(String name, Duration otherwise, Duration min, Duration max) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return otherwise;
        }
        Duration value = parseDuration(text.get());
        if (value == null) {
            throw new IllegalArgumentException(path(name) + " is \"" + text.get()
                    + "\": use a duration such as 500ms, 30s, 5m or 1h");
        }
        long millis = inRange(name, text.get(), value.toMillis(), min.toMillis(), max.toMillis(), ms -> ms + "ms");
        return Duration.ofMillis(millis);
    }

    /** @param name a setting. @param allowed its values. @return the value given, or empty. */
    Optional<String> oneOf(String name, java.util.List<String> allowed) {
        return string(name).map(text -> allowed.stream().filter(a -> a.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(path(name) + " is \"" + text + "\": use one of "
                        + String.join(", ", allowed))));
    }

    /** @param bytes a size. @return it in the largest whole binary unit, for messages and defaults. */
    static String bytes(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MiB";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KiB";
        }
        return bytes + "B";
    }

    private long inRange(String name, String text, long value, long min, long max,
                         java.util.function.LongFunction<String> format) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(path(name) + " is " + text + ": it must be from " + format.apply(min)
                    + " to " + format.apply(max));
        }
        return value;
    }

    private static long unitOf(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> 1;
        };
    }

    private static long scaled(String digits, long unit) {
        try {
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }

    private static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = scaled(m.group(1), 1);
            return n < 0 ? null : switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The SPI passes each value as its JSON text, so a string may still wear its quotes; numbers and booleans
     * do not. Only the escapes a bucket name, prefix or URL could contain need undoing.
     */
    private static String unquote(String text) {
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            return text;
        }
        String body = text.substring(1, text.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                if (next == 'u' && i + 4 < body.length()) {
                    out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
