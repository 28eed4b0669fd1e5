package chronicle.api.spi;

import java.util.Objects;

/**
 * One parameter of a strategy ({@link StrategyFactory#parameters()}).
 *
 * @param name         what the user types before {@code =} (lower case, no spaces).
 * @param type         its type.
 * @param defaultValue its value when not given, as text a user could type (checked against the type).
 * @param description  one line for {@code chronicle strategies} and {@code --help}.
 */
public record Parameter(String name, ParameterType type, String defaultValue, String description) {

    /**
     * @throws IllegalArgumentException if the name is blank or the default is not of the type.
     */
    public Parameter {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank() || name.contains("=") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be one word without '='");
        }
        Objects.requireNonNull(defaultValue, "defaultValue");
        type.parse(defaultValue);
        description = description == null ? "" : description;
    }
}
