package chronicle.bus.api;

import chronicle.bus.internal.RegistryStore;

import java.nio.file.Path;
import java.util.Map;

/**
 * The numeric ids a root gives venues and markets, which every event header carries, kept in
 * {@code <root>/ids.json}: {@code {"version":1,"venues":{"binance":1},"markets":{"binance/BTCUSDT":1}}} (files
 * without {@code version} read as version 1). The static methods here are shorthands for {@link MarketRegistry},
 * which holds the rules: ids are given on first use and never change, and the file is rewritten atomically under a
 * lock, so processes may assign at once.
 */
public final class MarketIds {

    /**
     * The file's content.
     *
     * @param venues  venue name to id.
     * @param markets {@code venue/symbol} to id.
     */
    public record Table(Map<String, Integer> venues, Map<String, Long> markets) {
    }

    /**
     * A venue's and a market's ids.
     *
     * @param venueId  the venue's id.
     * @param marketId the market's id.
     */
    public record Ids(int venueId, long marketId) {
    }

    private MarketIds() {
    }

    /**
     * The ids of a venue and symbol, given now if they have none ({@link MarketRegistry#assign(String, String)}).
     *
     * @param archiveRoot the root.
     * @param venue       the venue's name.
     * @param symbol      the symbol as the vendor spells it.
     * @return their ids.
     */
    public static Ids assign(Path archiveRoot, String venue, String symbol) {
        return MarketRegistry.open(archiveRoot).assign(venue, symbol);
    }

    /**
     * @param file an {@code ids.json}.
     * @return its table (empty if the file does not exist).
     * @throws ConfigException if the file is not a valid registry, naming the field.
     */
    public static Table read(Path file) {
        var table = RegistryStore.read(file);
        return new Table(table.venues(), table.markets());
    }
}
