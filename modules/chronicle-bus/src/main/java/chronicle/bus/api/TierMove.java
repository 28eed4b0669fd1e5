package chronicle.bus.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One move of a {@link TieringRule}: sealed segments older than {@code after} (since they were sealed) move to the
 * tier {@code to}, compressed on the way with {@code compress} when given (a seekable compressor: {@code zstd}).
 *
 * @param to       the target tier's name in {@code "tiers"}.
 * @param after    the age at which a segment moves.
 * @param compress the seekable compressor's name, or null to keep the segment as it is.
 */
public record TierMove(String to, Duration after, String compress) {

    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    /** Checks the fields. */
    public TierMove {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a move needs \"to\": the name of a tier in \"tiers\"");
        }
        if (after == null || after.isNegative()) {
            throw new IllegalArgumentException("a move needs \"after\": an age such as \"30m\", \"2h\" or \"7d\"");
        }
    }

    /**
     * Reads a move's JSON object.
     *
     * @param to       the target tier.
     * @param after    the age: a whole number and a unit, {@code s}, {@code m}, {@code h} or {@code d}.
     * @param compress the compressor's name, or null.
     * @return the move.
     * @throws IllegalArgumentException if the age is not of that form.
     */
    @JsonCreator
    public static TierMove of(@JsonProperty("to") String to, @JsonProperty("after") String after,
                              @JsonProperty("compress") String compress) {
        return new TierMove(to, parseAge(after), compress);
    }

    /**
     * Parses an age.
     *
     * @param text for example {@code "2h"}.
     * @return the duration.
     * @throws IllegalArgumentException naming the text and the form it must have.
     */
    public static Duration parseAge(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = AGE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an age: write a whole number and s, m, h or "
                    + "d, for example \"2h\" or \"7d\"");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
