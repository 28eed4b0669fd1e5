package chronicle.etl.internal.refine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The symbols a refinery takes: patterns where {@code *} is any characters and {@code ?} one (a symbol may hold
 * {@code /}, as Kraken's {@code XBT/USD}, which a file-name glob would treat as a separator).
 */
public final class SymbolPatterns {

    private final List<Pattern> patterns;

    /** @param patterns the patterns; none for every symbol. */
    public SymbolPatterns(List<String> patterns) {
        this.patterns = patterns.stream().map(SymbolPatterns::compile).toList();
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("((?<=[*?])|(?=[*?]))")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * @param symbol a symbol's name.
     * @return whether this refinery takes it.
     */
    public boolean accepts(String symbol) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (Pattern p : patterns) {
            if (p.matcher(symbol).matches()) {
                return true;
            }
        }
        return false;
    }
}
