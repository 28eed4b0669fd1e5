package chronicle.bus.api;

import java.util.List;

/**
 * One rule of {@code "tiering"} in {@code config/chronicle.json}: which archived streams it covers and where their
 * sealed segments move as they age. The first rule that matches a stream applies; {@code "*"} (or an omitted
 * field) matches every name.
 *
 * @param venue  a venue name or {@code *}.
 * @param symbol a symbol name or {@code *}.
 * @param stream a stream name ({@code book}, {@code trades}, ...) or {@code *}.
 * @param moves  the moves in order of age, each to another tier than the one before.
 */
public record TieringRule(String venue, String symbol, String stream, List<TierMove> moves) {

    /** Fills in the wildcards and checks the moves. */
    public TieringRule {
        venue = venue == null ? "*" : venue;
        symbol = symbol == null ? "*" : symbol;
        stream = stream == null ? "*" : stream;
        if (moves == null || moves.isEmpty()) {
            throw new IllegalArgumentException("a rule needs \"moves\": [ { \"to\": \"warm\", \"after\": \"2h\" } ]");
        }
        moves = List.copyOf(moves);
        for (int i = 1; i < moves.size(); i++) {
            if (moves.get(i).after().compareTo(moves.get(i - 1).after()) < 0) {
                throw new IllegalArgumentException("moves must be in order of \"after\": move " + i + " ("
                        + moves.get(i).after() + ") comes before move " + (i - 1));
            }
            if (moves.get(i).to().equals(moves.get(i - 1).to())) {
                throw new IllegalArgumentException("moves " + (i - 1) + " and " + i + " both go to \""
                        + moves.get(i).to() + "\"");
            }
        }
    }

    /**
     * @param venue  a venue name.
     * @param symbol a symbol name.
     * @param stream a stream name.
     * @return whether this rule covers the stream.
     */
    public boolean matches(String venue, String symbol, String stream) {
        return matches(this.venue, venue) && matches(this.symbol, symbol) && matches(this.stream, stream);
    }

    private static boolean matches(String pattern, String name) {
        return pattern.equals("*") || pattern.equals(name);
    }
}
