package chronicle.etl.internal.refine;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketName;
import chronicle.bus.api.MarketRegistry;

import java.nio.file.Path;

/**
 * The names of the raw queue's markets, from its registry (asked once per market: the refinery keeps what it is
 * told); each market named is also registered in the sink's registry with the ids its events carry, so the clean root answers to the same names. A market the registry
 * does not know (yet: it is read again then) is named by its ids, {@code venue-<id>} and {@code market-<id>}.
 */
public final class MarketNames {

    private final Path source;
    private final MarketRegistry sink;
    private MarketRegistry registry;

    public MarketNames(Path source, Path sink) {
        this.source = source;
        this.sink = MarketRegistry.open(sink);
        this.registry = MarketRegistry.forQueue(source);
    }

    /**
     * Names a market seen for the first time, and registers it in the sink.
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
        sink.register(name, new MarketIds.Ids(venueId, marketId));
        return name;
    }
}
