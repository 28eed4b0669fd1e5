package chronicle.storage.spi;

/**
 * The rules of object keys, shared by every {@link TierStore}: relative, {@code /}-separated, each part non-empty
 * and neither {@code .} nor {@code ..}, no backslash, no control character. Names inside keys are encoded
 * ({@code chronicle.bus.api.Names}), so a venue or symbol can never make a key leave its tier.
 */
public final class TierKeys {

    private TierKeys() {
    }

    /**
     * Checks a key.
     *
     * @param key the key.
     * @return the key.
     * @throws IllegalArgumentException naming the key and the rule it breaks.
     */
    public static String check(String key) {
        String problem = problem(key);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return key;
    }

    /**
     * Whether a key follows the rules, for keys found in a tier (a listing may hold objects other tools wrote).
     *
     * @param key the key.
     * @return true if {@link #check} accepts it.
     */
    public static boolean isValid(String key) {
        return problem(key) == null;
    }

    private static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return "empty object key";
        }
        if (key.startsWith("/")) {
            return "object key \"" + key + "\" is absolute; keys are relative";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return "object key \"" + key + "\" has a control character or a backslash at index " + i;
            }
        }
        for (String part : key.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return "object key \"" + key + "\" has an empty, . or .. part";
            }
        }
        return null;
    }
}
