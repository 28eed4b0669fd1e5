package chronicle.bus.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Reads {@link ChronicleConfig} strictly: unknown fields, wrong types and missing required values are
 * {@link ConfigException}s naming the file, the JSON path and the fix.
 *
 * <p>Where the file is found when no path is given: {@code $CHRONICLE_CONFIG}, else
 * {@code <java.home>/config/chronicle.json} (inside the runtime image), else {@code config/chronicle.json} in the
 * working directory.
 */
public final class ConfigLoader {

    /** The name of the archive root itself as a tier: segments that have not moved. */
    public static final String HOT_TIER = "hot";

    /** Environment variable naming the configuration file. */
    public static final String CONFIG_ENV = "CHRONICLE_CONFIG";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ConfigLoader() {
    }

    /**
     * The configuration file to use when the user named none.
     *
     * @return the first of {@code $CHRONICLE_CONFIG}, the image's {@code config/chronicle.json}, and
     *         {@code ./config/chronicle.json} that applies.
     */
    public static Path defaultLocation() {
        String env = System.getenv(CONFIG_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path inImage = Path.of(System.getProperty("java.home"), "config", "chronicle.json");
        return Files.isRegularFile(inImage) ? inImage : Path.of("config", "chronicle.json");
    }

    /**
     * Reads and validates a configuration file.
     *
     * @param file the JSON file.
     * @return the configuration, with every required value present.
     * @throws ConfigException if the file is missing, is not JSON, or has a bad value.
     */
    public static ChronicleConfig load(Path file) {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "$", "file not found",
                    "create it (see config/chronicle.json in the project) or pass --config <file>");
        } catch (IOException e) {
            throw new ConfigException(file, "$", "cannot read: " + e.getMessage(), "check the file's permissions");
        }
        ChronicleConfig config;
        try {
            config = MAPPER.readValue(json, ChronicleConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file, path(e), "unknown field \"" + e.getPropertyName() + "\"" + at(e),
                    "remove it or correct its spelling; known fields here: " + known(e.getKnownPropertyIds()));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(file, path(e), cause.getMessage() + at(e), "correct this value");
        } catch (InvalidFormatException e) {
            throw new ConfigException(file, path(e), "\"" + e.getValue() + "\" is not a valid "
                    + e.getTargetType().getSimpleName() + at(e), "write a " + e.getTargetType().getSimpleName());
        } catch (MismatchedInputException e) {
            String type = typeName(e.getTargetType());
            throw new ConfigException(file, path(e), "wrong type, expected " + article(type) + at(e),
                    "write " + article(type) + " here");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, "$", "not valid JSON" + at(e) + ": " + e.getOriginalMessage(),
                    "correct the JSON syntax");
        } catch (IOException e) {
            throw new ConfigException(file, "$", "cannot read: " + e.getMessage(), "check the file");
        }
        if (config == null) {
            throw new ConfigException(file, "$", "the file holds null", "write a JSON object");
        }
        require(file, config.busRoot(), "busRoot", "\"demo_bus\"");
        require(file, config.archiveRoot(), "archiveRoot", "\"demo_bus/archive\"");
        checkTiering(file, config);
        return config;
    }

    private static void checkTiering(Path file, ChronicleConfig config) {
        for (String tier : config.tiers().keySet()) {
            if (tier.equals(HOT_TIER) || tier.isBlank() || !tier.matches("[A-Za-z0-9_-]+")) {
                throw new ConfigException(file, "$.tiers." + tier, "\"" + tier + "\" cannot name a tier ("
                        + "\"" + HOT_TIER + "\" is the archive root itself; names are letters, digits, - and _)",
                        "rename the tier");
            }
        }
        for (int r = 0; r < config.tiering().size(); r++) {
            TieringRule rule = config.tiering().get(r);
            for (int m = 0; m < rule.moves().size(); m++) {
                String to = rule.moves().get(m).to();
                if (!config.tiers().containsKey(to)) {
                    throw new ConfigException(file, "$.tiering[" + r + "].moves[" + m + "].to",
                            "no tier named \"" + to + "\"", "define it under \"tiers\" or use one of "
                                    + (config.tiers().isEmpty() ? "(none defined)"
                                    : String.join(", ", new java.util.TreeSet<>(config.tiers().keySet()))));
                }
            }
        }
    }

    private static void require(Path file, Object value, String field, String example) {
        if (value == null) {
            throw new ConfigException(file, "$." + field, "missing required value",
                    "add \"" + field + "\": " + example);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String at(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return type == Path.class ? "path string" : type.getSimpleName();
    }

    private static String article(String type) {
        return ("AEIOU".indexOf(Character.toUpperCase(type.charAt(0))) >= 0 ? "an " : "a ") + type;
    }
}
