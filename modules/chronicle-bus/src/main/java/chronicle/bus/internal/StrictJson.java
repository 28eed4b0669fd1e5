package chronicle.bus.internal;

import chronicle.bus.api.ConfigException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Reads JSON files the way every configuration file of the platform is read: unknown fields, duplicate keys, wrong
 * types (a fraction where a whole number belongs, too) and null primitives are {@link ConfigException}s naming the
 * file, the JSON path, the line and the fix.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private StrictJson() {
    }

    /**
     * @param file the file the bytes came from, for messages.
     * @param json its content.
     * @param type what it holds.
     * @param <T>  the type.
     * @return the value (null if the document is {@code null}).
     * @throws ConfigException naming the file, the JSON path and the fix.
     */
    public static <T> T read(Path file, byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
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
            String typeName = typeName(e.getTargetType());
            throw new ConfigException(file, path(e), "wrong type, expected " + article(typeName) + at(e),
                    "write " + article(typeName) + " here");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, "$", "not valid JSON" + at(e) + ": " + e.getOriginalMessage(),
                    "correct the JSON syntax");
        } catch (IOException e) {
            throw new ConfigException(file, "$", "cannot read: " + e.getMessage(), "check the file");
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
