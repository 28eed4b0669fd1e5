package chronicle.cli.internal;

import chronicle.bus.api.MarketName;
import chronicle.bus.api.MarketRegistry;
import chronicle.bus.api.UnknownMarketException;

import java.nio.file.Path;
import java.util.Map;

/**
 * The names of a market under an archive root, for commands whose {@code --venue} and {@code --symbol} name
 * directories (tail of an archived day, archive pack, manifest, raw-archiver): a registered name or id gives the
 * registered name; an unregistered name is taken as given (days written without a registry still have names);
 * an unregistered number is refused with the registered names.
 */
final class ArchivedNames {

    private ArchivedNames() {
    }

    /**
     * @param root   the archive root.
     * @param venue  a venue name or id.
     * @param symbol a symbol or market id.
     * @return the market's names.
     * @throws UnknownMarketException for an unregistered id.
     */
    static MarketName of(Path root, String venue, String symbol) {
        MarketRegistry registry = MarketRegistry.open(root);
        try {
            return registry.name(venue, symbol);
        } catch (UnknownMarketException e) {
            if (isNumber(venue) || isNumber(symbol)) {
                throw e;
            }
            return new MarketName(venue, symbol);
        }
    }

    /**
     * @param root  the archive root.
     * @param venue a venue name or id.
     * @return the venue's name.
     * @throws UnknownMarketException for an unregistered id.
     */
    static String venue(Path root, String venue) {
        if (!isNumber(venue)) {
            return venue;
        }
        MarketRegistry registry = MarketRegistry.open(root);
        return registry.venues().containsKey(venue) ? venue : registry.venueName(venue);
    }

    /**
     * @param root   the archive root.
     * @param symbol a symbol, or a registered market id (of any venue).
     * @return the symbol's name.
     * @throws UnknownMarketException for an unregistered id.
     */
    static String symbol(Path root, String symbol) {
        if (!isNumber(symbol)) {
            return symbol;
        }
        MarketRegistry registry = MarketRegistry.open(root);
        if (registry.markets().keySet().stream().anyMatch(k -> MarketName.ofKey(k).symbol().equals(symbol))) {
            return symbol;
        }
        for (Map.Entry<String, Long> e : registry.markets().entrySet()) {
            if (e.getValue() == Long.parseLong(symbol)) {
                return MarketName.ofKey(e.getKey()).symbol();
            }
        }
        throw new UnknownMarketException(registry.file() + ": no market id " + symbol + " (registered: "
                + String.join(", ", registry.markets().keySet()) + ")");
    }

    /**
     * @param root   the archive root.
     * @param venue  as the user typed it.
     * @param symbol as the user typed it.
     * @return {@code "; <why the names are unknown>"} if the registry does not hold them, else empty.
     */
    static String unknownHint(Path root, String venue, String symbol) {
        try {
            MarketRegistry.open(root).name(venue, symbol);
            return "";
        } catch (UnknownMarketException e) {
            return "; " + e.getMessage();
        }
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
