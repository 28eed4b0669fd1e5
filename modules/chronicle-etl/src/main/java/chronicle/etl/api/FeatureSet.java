package chronicle.etl.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The features an extract computes, as the user lists them after {@code --features}:
 * {@code mid,spread,microprice,imbalance,levels:N,trades}.
 *
 * @param book   book features in the order given: {@code mid}, {@code spread}, {@code microprice}, {@code imbalance}.
 * @param levels price levels per side as columns ({@code bid_px_1, bid_sz_1, ...}); 0 for none.
 * @param trades whether the separate trades table is written.
 */
public record FeatureSet(List<String> book, int levels, boolean trades) {

    /** The book features there are, in column order. */
    public static final List<String> BOOK_FEATURES = List.of("mid", "spread", "microprice", "imbalance");

    /** The most levels a user may ask for: wider tables belong in an L2 dump, not a feature extract. */
    public static final int MAX_LEVELS = 50;

    /**
     * Copies the list.
     *
     * @param book   book features.
     * @param levels levels per side.
     * @param trades whether trades are written.
     */
    public FeatureSet {
        book = List.copyOf(book);
    }

    /** @return true if a book table is written (any book feature or level). */
    public boolean hasBookTable() {
        return !book.isEmpty() || levels > 0;
    }

    /**
     * Reads {@code --features}.
     *
     * @param text a comma-separated list.
     * @return the features, or a one-line problem naming the bad entry and the fix.
     */
    public static Parsed parse(String text) {
        Set<String> book = new LinkedHashSet<>();
        int levels = 0;
        boolean trades = false;
        for (String raw : text.split(",", -1)) {
            String entry = raw.strip();
            if (BOOK_FEATURES.contains(entry)) {
                book.add(entry);
            } else if (entry.equals("trades")) {
                trades = true;
            } else if (entry.startsWith("levels:")) {
                Optional<Integer> n = positive(entry.substring("levels:".length()));
                if (n.isEmpty() || n.get() > MAX_LEVELS) {
                    return Parsed.problem("--features: '" + entry + "' needs a level count from 1 to " + MAX_LEVELS
                            + ", for example levels:5");
                }
                levels = n.get();
            } else {
                return Parsed.problem("--features: unknown feature '" + entry + "'; choose from mid, spread, "
                        + "microprice, imbalance, levels:N, trades");
            }
        }
        List<String> ordered = BOOK_FEATURES.stream().filter(book::contains).toList();
        return new Parsed(new FeatureSet(ordered, levels, trades), null);
    }

    private static Optional<Integer> positive(String digits) {
        try {
            int n = Integer.parseInt(digits);
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The outcome of {@link #parse}: features or a problem.
     *
     * @param features the features (null if there is a problem).
     * @param problem  one line naming the option and the fix (null if the text was good).
     */
    public record Parsed(FeatureSet features, String problem) {
        static Parsed problem(String message) {
            return new Parsed(null, message);
        }
    }
}
