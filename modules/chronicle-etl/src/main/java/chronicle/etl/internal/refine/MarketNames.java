package chronicle.etl.internal.refine;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketName;
import chronicle.bus.api.MarketRegistry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the raw queue's markets, from its registry (asked once per market: the refinery keeps what it is
 * told). The sink's registry takes the names and ids of the raw registry's markets that the refinery takes when it
 * opens, in one durable write, so the clean root answers to the same names and the refinery's thread does not wait
 * on a disk sync for each new market in the middle of the stream; a market registered later, or one the registry
 * does not know (named by its ids, {@code venue-<id>} and {@code market-<id>}, and looked up again then), is added
 * when it is first seen.
 */
public final class MarketNames {

    private final Path source;
    private final MarketRegistry sink;
    private MarketRegistry registry;

    /**
     * @param source  the raw queue.
     * @param sink    the clean root.
     * @param symbols the symbols the refinery takes.
     * @throws chronicle.bus.api.ConfigException naming the sink's registry and both ids if a market's name or id
     *                                           means something else there.
     */
    public MarketNames(Path source, Path sink, SymbolPatterns symbols) {
        this.source = source;
        this.sink = MarketRegistry.open(sink);
        this.registry = MarketRegistry.forQueue(source);
        Map<MarketName, MarketIds.Ids> taken = new LinkedHashMap<>();
        for (Map.Entry<String, Long> market : registry.markets().entrySet()) {
            MarketName name = MarketName.ofKey(market.getKey());
            if (symbols.accepts(name.symbol())) {
                taken.put(name, registry.resolve(name.venue(), name.symbol()));
            }
        }
        if (!taken.isEmpty()) {
            this.sink.register(taken);
        }
    }

    /**
     * Names a market seen for the first time.
     *
     * @param venueId  venue id.
     * @param marketId market id.
     * @return its names.
     */
    MarketName of(int venueId, long marketId) {
        MarketName name = registry.nameOf(venueId, marketId).orElse(null);
        if (name == null) {
            registry = MarketRegistry.forQueue(source); // registered since this refinery started?
            name = registry.nameOf(venueId, marketId).orElse(new MarketName("venue-" + venueId, "market-" + marketId));
        }
        return name;
    }

    /**
     * Registers a market the refinery takes in the sink (no write if it is there already, as it is when it was
     * registered at the open).
     *
     * @param name     its names.
     * @param venueId  venue id.
     * @param marketId market id.
     */
    void registerInSink(MarketName name, int venueId, long marketId) {
        sink.register(name, new MarketIds.Ids(venueId, marketId));
    }
}
