package chronicle.bus.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One move of a {@link TieringRule}: sealed segments older than {@code after} (since they were sealed) move to the
 * tier {@code to}, compressed on the way with {@code compress} when given (a seekable compressor: {@code zstd}), in
 * independent frames of {@code frame} original bytes (the compressor's default when not given).
 *
 * <p>Smaller frames make one random record cheaper to read (one frame is decompressed for it) and cost a little
 * compression; see docs/OPERATIONS.md.
 *
 * @param to         the target tier's name in {@code "tiers"}.
 * @param after      the age at which a segment moves.
 * @param compress   the seekable compressor's name, or null to keep the segment as it is.
 * @param frameBytes original bytes per compressed frame, or null for the compressor's default; only with
 *                   {@code compress}.
 */
public record TierMove(String to, Duration after, String compress, Integer frameBytes) {

    /** The smallest frame a move may ask for. */
    public static final int MIN_FRAME_BYTES = 4 << 10;
    /** The largest frame a move may ask for: a reader holds whole frames in memory. */
    public static final int MAX_FRAME_BYTES = 64 << 20;

    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(KiB|MiB)");

    /** Checks the fields. */
    public TierMove {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a move needs \"to\": the name of a tier in \"tiers\"");
        }
        if (after == null || after.isNegative()) {
            throw new IllegalArgumentException("a move needs \"after\": an age such as \"30m\", \"2h\" or \"7d\"");
        }
        if (frameBytes != null) {
            if (compress == null) {
                throw new IllegalArgumentException("\"frame\" of a move to \"" + to + "\" needs \"compress\": "
                        + "frames are those of a compressed segment");
            }
            if (frameBytes < MIN_FRAME_BYTES || frameBytes > MAX_FRAME_BYTES) {
                throw new IllegalArgumentException("\"frame\" of a move to \"" + to + "\" is " + frameBytes
                        + " bytes: give 4KiB to 64MiB, for example \"256KiB\"");
            }
        }
    }

    /**
     * A move with the compressor's default frame size.
     *
     * @param to       the target tier.
     * @param after    the age, as {@link #parseAge} reads it.
     * @param compress the compressor's name, or null.
     * @return the move.
     */
    public static TierMove of(String to, String after, String compress) {
        return new TierMove(to, parseAge(after), compress, null);
    }

    /**
     * Reads a move's JSON object.
     *
     * @param to       the target tier.
     * @param after    the age: a whole number and a unit, {@code s}, {@code m}, {@code h} or {@code d}.
     * @param compress the compressor's name, or null.
     * @param frame    the frame size: a whole number and {@code KiB} or {@code MiB}, or null for the default.
     * @return the move.
     * @throws IllegalArgumentException if the age or the frame size is not of its form.
     */
    @JsonCreator
    public static TierMove of(@JsonProperty("to") String to, @JsonProperty("after") String after,
                              @JsonProperty("compress") String compress, @JsonProperty("frame") String frame) {
        return new TierMove(to, parseAge(after), compress, parseFrame(to, frame));
    }

    private static Integer parseFrame(String to, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SIZE.matcher(text.trim());
        long n = m.matches() ? Long.parseLong(m.group(1)) << (m.group(2).equals("KiB") ? 10 : 20) : -1;
        if (n < 0 || n > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("\"frame\" of a move to \"" + to + "\" is \"" + text + "\": give 4KiB "
                    + "to 64MiB, for example \"256KiB\" or \"1MiB\"");
        }
        return (int) n;
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
