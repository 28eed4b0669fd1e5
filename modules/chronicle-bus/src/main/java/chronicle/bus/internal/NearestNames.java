package chronicle.bus.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Lists the names a user may have meant: all of them when they are few, else the nearest by edit distance. */
public final class NearestNames {

    private static final int LIST_ALL_UP_TO = 12;
    private static final int NEAREST = 5;

    private NearestNames() {
    }

    /**
     * @param names  the registered names.
     * @param wanted what the user typed.
     * @return e.g. {@code "registered: BTC-USD, ETH-USD"}, {@code "nearest: BTC-USD, BTC-EUR (of 40 registered)"}
     *         or {@code "none registered"}.
     */
    public static String describe(Collection<String> names, String wanted) {
        if (names.isEmpty()) {
            return "none registered";
        }
        List<String> sorted = names.stream().sorted().toList();
        if (sorted.size() <= LIST_ALL_UP_TO) {
            return "registered: " + String.join(", ", sorted);
        }
        String lower = wanted.toLowerCase(java.util.Locale.ROOT);
        List<String> nearest = sorted.stream()
                .sorted(Comparator.comparingInt((String n) -> distance(n.toLowerCase(java.util.Locale.ROOT), lower)))
                .limit(NEAREST).toList();
        return "nearest: " + String.join(", ", nearest) + " (of " + sorted.size() + " registered)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
