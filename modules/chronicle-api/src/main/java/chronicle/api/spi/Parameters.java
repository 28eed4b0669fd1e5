package chronicle.api.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A strategy's parameter values, checked: every declared parameter has a value of its type (given or defaulted),
 * and nothing undeclared was given.
 */
public final class Parameters {

    private final Map<String, Object> values;
    private final Map<String, String> texts;

    private Parameters(Map<String, Object> values, Map<String, String> texts) {
        this.values = values;
        this.texts = texts;
    }

    /**
     * Checks {@code key=value} settings against a strategy's parameters.
     *
     * @param strategy the strategy's name, for messages.
     * @param declared its parameters.
     * @param given    what the user typed, each {@code key=value}.
     * @return the values.
     * @throws IllegalArgumentException one line naming the parameter and the fix: an unknown name (with the known
     *                                  ones), a value of the wrong type (with what is expected), a setting without
     *                                  {@code =}, or the same parameter twice.
     */
    public static Parameters parse(String strategy, List<Parameter> declared, List<String> given) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        declared.forEach(p -> byName.put(p.name(), p));
        Map<String, String> texts = new LinkedHashMap<>();
        for (String setting : given) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param '" + setting + "': write it as key=value");
            }
            String key = setting.substring(0, eq).strip();
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException("--param " + key + ": strategy '" + strategy
                        + "' has no such parameter (it has: " + (byName.isEmpty() ? "none"
                        : String.join(", ", byName.keySet())) + ")");
            }
            if (texts.put(key, setting.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("--param " + key + ": given twice; give it once");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> inOrder = new LinkedHashMap<>();
        for (Parameter p : declared) {
            String text = texts.getOrDefault(p.name(), p.defaultValue());
            try {
                values.put(p.name(), p.type().parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--param " + p.name() + ": " + e.getMessage()
                        + " (strategy '" + strategy + "')");
            }
            inOrder.put(p.name(), text);
        }
        return new Parameters(values, inOrder);
    }

    /** @param name a declared parameter. @return its value. */
    public long integer(String name) {
        return (Long) get(name, ParameterType.INTEGER);
    }

    /** @param name a declared parameter. @return its value. */
    public double number(String name) {
        return (Double) get(name, ParameterType.NUMBER);
    }

    /** @param name a declared parameter. @return its value. */
    public BigDecimal decimal(String name) {
        return (BigDecimal) get(name, ParameterType.DECIMAL);
    }

    /** @param name a declared parameter. @return its value. */
    public boolean bool(String name) {
        return (Boolean) get(name, ParameterType.BOOLEAN);
    }

    /** @param name a declared parameter. @return its value. */
    public Duration duration(String name) {
        return (Duration) get(name, ParameterType.DURATION);
    }

    /** @param name a declared parameter. @return its value. */
    public String text(String name) {
        return (String) get(name, ParameterType.TEXT);
    }

    /** @return every parameter as the text it was given or defaulted to, in declaration order (for reports). */
    public Map<String, String> asText() {
        return Collections.unmodifiableMap(texts);
    }

    @Override
    public String toString() {
        return texts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private Object get(String name, ParameterType type) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' (declared: " + values.keySet() + ")");
        }
        if (!type.parse(texts.get(name)).getClass().isInstance(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not of type " + type);
        }
        return value;
    }
}
