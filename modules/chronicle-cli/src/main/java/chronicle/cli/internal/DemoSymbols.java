package chronicle.cli.internal;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import chronicle.bus.api.SymbolMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the demo feed's symbols, and their registration in the bus root's registry: the feed's events
 * carry the ids the registry gives these names (or the ids a symbol map pins).
 */
final class DemoSymbols {

    /** The demo feed's venue unless told otherwise. */
    static final String VENUE = "demo";

    private static final List<String> NAMES = List.of("BTC-USD", "ETH-USD", "SOL-USD", "XRP-USD", "ADA-USD",
            "DOGE-USD", "DOT-USD", "LTC-USD");

    private DemoSymbols() {
    }

    /**
     * @param count how many symbols.
     * @return their names: BTC-USD, ETH-USD, SOL-USD, XRP-USD, ADA-USD, DOGE-USD, DOT-USD, LTC-USD, then SYN9-USD,
     *         SYN10-USD, ...
     */
    static List<String> names(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(i < NAMES.size() ? NAMES.get(i) : "SYN" + (i + 1) + "-USD");
        }
        return names;
    }

    /**
     * @param registry the bus root's registry.
     * @param venue    a venue name, or the id of a registered venue.
     * @return the name to register the symbols under.
     */
    static String venueName(MarketRegistry registry, String venue) {
        boolean id = !venue.isEmpty() && venue.chars().allMatch(Character::isDigit);
        return id && !registry.venues().containsKey(venue) ? registry.venueName(venue) : venue;
    }

    /**
     * Registers the symbols of a venue.
     *
     * @param registry the bus root's registry.
     * @param venue    the venue's name.
     * @param symbols  the symbols' names.
     * @param pins     pinned ids.
     * @return the ids, one per symbol, in order.
     */
    static List<MarketIds.Ids> register(MarketRegistry registry, String venue, List<String> symbols, SymbolMap pins) {
        List<MarketIds.Ids> ids = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            ids.add(registry.assign(venue, symbol, pins));
        }
        return ids;
    }
}
