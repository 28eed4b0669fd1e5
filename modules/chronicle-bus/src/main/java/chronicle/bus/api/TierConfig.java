package chronicle.bus.api;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One storage tier of {@code config/chronicle.json}: the backend that stores it and that backend's settings, for
 * example {@code { "backend": "nfs", "root": "/mnt/research/chronicle" }}. Which settings a backend takes is the
 * backend's to say (it refuses unknown ones when the tier is opened); here every value must be a string, a number
 * or a boolean. Credentials never belong here (the S3 backend takes them from the standard provider chain).
 *
 * @param backend  the backend's plug-in name: {@code local}, {@code nfs}, {@code s3} or an installed one.
 * @param settings the other fields, each value as its JSON text ({@code "\"/mnt/w\""}, {@code "16"}, {@code "true"}),
 *                 so that a backend can tell a string from a number.
 */
public record TierConfig(String backend, Map<String, String> settings) {

    /** Copies the settings. */
    public TierConfig {
        settings = Map.copyOf(settings);
    }

    /**
     * Reads a tier's JSON object.
     *
     * @param fields its fields.
     * @return the tier.
     * @throws IllegalArgumentException if {@code backend} is missing or a value is not a scalar.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TierConfig of(Map<String, Object> fields) {
        Object backend = fields.get("backend");
        if (!(backend instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("a tier needs \"backend\": \"local\", \"nfs\" or \"s3\"");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getKey().equals("backend")) {
                continue;
            }
            Object value = field.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("setting \"" + field.getKey() + "\" must be a string, a number "
                        + "or a boolean");
            }
            settings.put(field.getKey(), value instanceof String text ? quoted(text) : String.valueOf(value));
        }
        return new TierConfig(name, settings);
    }

    /** A string as JSON text: quoted, with quotes, backslashes and control characters escaped. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
