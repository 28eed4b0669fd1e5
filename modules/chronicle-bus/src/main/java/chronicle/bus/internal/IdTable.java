package chronicle.bus.internal;

import chronicle.bus.api.ConfigException;
import chronicle.bus.api.MarketName;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Venue and market ids by name, checked: every id is at least 1, no id belongs to two names, and every market's
 * venue has an id. A registry file and a symbol map share these rules. Market ids are unique across venues (an id
 * names one market of the whole root), as they always were. Immutable.
 *
 * @param venues  venue name to id, sorted.
 * @param markets {@code venue/symbol} to id, sorted.
 */
public record IdTable(Map<String, Integer> venues, Map<String, Long> markets) {

    /** The table of a root nothing was registered in. */
    public static final IdTable EMPTY = new IdTable(Map.of(), Map.of());

    /** Copies both maps, sorted and unmodifiable. */
    public IdTable {
        venues = Collections.unmodifiableMap(new TreeMap<>(venues));
        markets = Collections.unmodifiableMap(new TreeMap<>(markets));
    }

    /**
     * Checks a table read from a file.
     *
     * @param file           the file, for messages.
     * @param venues         venue name to id (null values possible).
     * @param markets        {@code venue/symbol} to id (null values possible).
     * @param marketsField   the JSON field of the markets ({@code markets} or {@code symbols}).
     * @param venuesRequired whether every market's venue must be in {@code venues} (a symbol map may pin a
     *                       market of a venue it does not pin).
     * @return the table.
     * @throws ConfigException for the first bad entry, naming its JSON path.
     */
    public static IdTable checked(Path file, Map<String, Integer> venues, Map<String, Long> markets,
                                  String marketsField, boolean venuesRequired) {
        Map<String, Integer> v = venues == null ? Map.of() : venues;
        Map<String, Long> m = markets == null ? Map.of() : markets;
        Map<Long, String> seen = new HashMap<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(v).entrySet()) {
            String path = "$.venues." + e.getKey();
            checkName(file, path, "venue", e.getKey(), e.getKey().contains("/") ? "/" : null);
            checkId(file, path, e.getValue());
            String other = seen.put(e.getValue().longValue(), e.getKey());
            if (other != null) {
                throw new ConfigException(file, path, "venue id " + e.getValue() + " is already venue \"" + other
                        + "\"'s", "give each venue its own id");
            }
        }
        seen.clear();
        for (Map.Entry<String, Long> e : new TreeMap<>(m).entrySet()) {
            String path = "$." + marketsField + "." + e.getKey();
            MarketName name = split(e.getKey());
            if (name == null) {
                throw new ConfigException(file, path, "\"" + e.getKey() + "\" is not venue/symbol",
                        "write the key as venue/symbol, e.g. \"kraken/XBT/USD\"");
            }
            checkName(file, path, "symbol", name.symbol(), null);
            checkId(file, path, e.getValue());
            if (venuesRequired && !v.containsKey(name.venue())) {
                throw new ConfigException(file, path, "venue \"" + name.venue() + "\" has no id",
                        "add it under \"venues\"");
            }
            String other = seen.put(e.getValue(), e.getKey());
            if (other != null) {
                throw new ConfigException(file, path, "market id " + e.getValue() + " is already market \"" + other
                        + "\"'s", "give each market its own id");
            }
        }
        return new IdTable(v, m);
    }

    private static void checkName(Path file, String path, String what, String name, String forbidden) {
        try {
            chronicle.bus.api.Names.encode(what, name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, path, e.getMessage(), "rename it");
        }
        if (forbidden != null) {
            throw new ConfigException(file, path, what + " name \"" + name + "\" contains \"" + forbidden + "\"",
                    "rename it (a / separates the venue from the symbol)");
        }
    }

    private static void checkId(Path file, String path, Number id) {
        if (id == null || id.longValue() < 1) {
            throw new ConfigException(file, path, (id == null ? "no id" : "id " + id + " is below 1"),
                    "write a whole number from 1");
        }
    }

    /**
     * @param key {@code venue/symbol}; the venue is what comes before the first {@code /}.
     * @return the name, or null if either part is empty.
     */
    public static MarketName split(String key) {
        int slash = key.indexOf('/');
        return slash <= 0 || slash == key.length() - 1 ? null
                : new MarketName(key.substring(0, slash), key.substring(slash + 1));
    }

    /** @param venueId a venue id. @return its name, or null. */
    public String venueName(int venueId) {
        for (Map.Entry<String, Integer> e : venues.entrySet()) {
            if (e.getValue() == venueId) {
                return e.getKey();
            }
        }
        return null;
    }

    /** @param marketId a market id. @return its {@code venue/symbol} key, or null. */
    public String marketKey(long marketId) {
        for (Map.Entry<String, Long> e : markets.entrySet()) {
            if (e.getValue() == marketId) {
                return e.getKey();
            }
        }
        return null;
    }

    /** @return the highest venue id (0 if none). */
    public int maxVenueId() {
        return venues.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** @return the highest market id (0 if none). */
    public long maxMarketId() {
        return markets.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** @param venue a name. @param id its id. @return this table with the venue added. */
    public IdTable withVenue(String venue, int id) {
        Map<String, Integer> v = new TreeMap<>(venues);
        v.put(venue, id);
        return new IdTable(v, markets);
    }

    /** @param key {@code venue/symbol}. @param id its id. @return this table with the market added. */
    public IdTable withMarket(String key, long id) {
        Map<String, Long> m = new TreeMap<>(markets);
        m.put(key, id);
        return new IdTable(venues, m);
    }
}
