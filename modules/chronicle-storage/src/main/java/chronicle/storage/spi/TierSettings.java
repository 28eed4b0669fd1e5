package chronicle.storage.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the settings a {@link TierBackend#open} receives (every value as its JSON text), with one-line errors that
 * name the setting as the user writes it: {@code tiers.<tier>.<setting>}.
 *
 * @param tier     the tier's name, for messages.
 * @param settings setting name to JSON text.
 */
public record TierSettings(String tier, Map<String, String> settings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the map. */
    public TierSettings {
        settings = Map.copyOf(settings);
    }

    /**
     * Refuses settings the backend does not read.
     *
     * @param backend the backend, for its name and its {@link TierBackend#settings()}.
     * @throws IOException naming the first unknown setting and the known ones.
     */
    public void checkKnown(TierBackend backend) throws IOException {
        for (String name : new TreeSet<>(settings.keySet())) {
            if (!backend.settings().containsKey(name)) {
                throw new IOException("tier \"" + tier + "\": setting " + path(name) + " is unknown to backend \""
                        + backend.name() + "\" (known: " + String.join(", ", new TreeSet<>(
                        backend.settings().keySet())) + ")");
            }
        }
    }

    /**
     * The configuration path of a setting, for messages.
     *
     * @param name the setting.
     * @return for example {@code tiers.warm.root}.
     */
    public String path(String name) {
        return "tiers." + tier + "." + name;
    }

    /**
     * A required string setting.
     *
     * @param name the setting.
     * @return its text.
     * @throws IOException naming the setting if it is missing, empty or not a string.
     */
    public String requiredText(String name) throws IOException {
        String raw = settings.get(name);
        if (raw == null) {
            throw new IOException("tier \"" + tier + "\": setting " + path(name) + " is missing");
        }
        JsonNode node = parse(name, raw);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IOException("tier \"" + tier + "\": setting " + path(name) + " must be a non-empty string, "
                    + "not " + raw);
        }
        return node.asText();
    }

    /**
     * An optional whole-number setting.
     *
     * @param name     the setting.
     * @param fallback its value when absent.
     * @param min      the least value allowed.
     * @return its value.
     * @throws IOException naming the setting if it is not a whole number of at least {@code min}.
     */
    public long number(String name, long fallback, long min) throws IOException {
        String raw = settings.get(name);
        if (raw == null) {
            return fallback;
        }
        JsonNode node = parse(name, raw);
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.asLong() < min) {
            throw new IOException("tier \"" + tier + "\": setting " + path(name) + " must be a whole number of at "
                    + "least " + min + ", not " + raw);
        }
        return node.asLong();
    }

    /**
     * An optional boolean setting.
     *
     * @param name     the setting.
     * @param fallback its value when absent.
     * @return its value.
     * @throws IOException naming the setting if it is not {@code true} or {@code false}.
     */
    public boolean flag(String name, boolean fallback) throws IOException {
        String raw = settings.get(name);
        if (raw == null) {
            return fallback;
        }
        JsonNode node = parse(name, raw);
        if (!node.isBoolean()) {
            throw new IOException("tier \"" + tier + "\": setting " + path(name) + " must be true or false, not "
                    + raw);
        }
        return node.asBoolean();
    }

    private JsonNode parse(String name, String raw) throws IOException {
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new IOException("tier \"" + tier + "\": setting " + path(name) + " is not valid JSON: " + raw, e);
        }
    }
}
