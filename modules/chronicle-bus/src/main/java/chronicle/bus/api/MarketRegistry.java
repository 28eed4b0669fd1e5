package chronicle.bus.api;

import chronicle.bus.internal.IdAssigner;
import chronicle.bus.internal.IdTable;
import chronicle.bus.internal.NearestNames;
import chronicle.bus.internal.RegistryStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names of venues and markets and the numeric ids every event header carries, of one bus root or archive root,
 * kept in {@code <root>/ids.json} (layout: docs/FORMATS.md). Ids are given on first use and never change.
 *
 * <p>To resolve names (for a refinery, an extract, a command):
 * <pre>{@code
 * MarketRegistry registry = MarketRegistry.open(archiveRoot);
 * MarketIds.Ids ids = registry.resolve("kraken", "XBT/USD");       // names, or ids as numbers ("1", "7")
 * Optional<MarketName> name = registry.nameOf(ids.venueId(), ids.marketId());
 * String label = registry.describe(venueId, marketId);             // "kraken XBT/USD", or "venue 3 market 9"
 * }</pre>
 * An instance is a snapshot of the file when it was opened: immutable, and safe to share between threads.
 * {@link #assign} and {@link #mergeFrom} change the file under a lock ({@code ids.json.lock}) that serializes every
 * process and thread assigning in the same root, and return the ids (or registry) as they are after the change.
 * A bad file is a {@link ConfigException} naming it and the field; an unregistered name is an
 * {@link UnknownMarketException} listing the registered (or nearest) names.
 */
public final class MarketRegistry {

    /** The registry's file name under its root. */
    public static final String FILE_NAME = "ids.json";

    private final Path root;
    private final IdTable table;

    private MarketRegistry(Path root, IdTable table) {
        this.root = root;
        this.table = table;
    }

    /**
     * Reads a root's registry.
     *
     * @param root a bus root or an archive root.
     * @return its registry (empty if nothing was registered there yet).
     * @throws ConfigException if {@code ids.json} is not a valid registry.
     */
    public static MarketRegistry open(Path root) {
        return new MarketRegistry(root, RegistryStore.read(root.resolve(FILE_NAME)));
    }

    /**
     * Reads the registry that names the markets of a queue: see {@link #rootOf(Path)}.
     *
     * @param queue a queue directory.
     * @return the registry of its root.
     */
    public static MarketRegistry forQueue(Path queue) {
        return open(rootOf(queue));
    }

    /**
     * The root whose registry names a queue's markets: the bus root of a live queue
     * ({@code <bus-root>/live/<stream>/queue/<name>}), the root of a queue laid out as
     * {@code <root>/<stream>/queue/<name>} (the archive tap's archive queues, under {@code <bus-root>/archive}), else
     * the nearest directory above the queue that holds an {@code ids.json} (an imported day), else the queue's parent.
     *
     * @param queue a queue directory.
     * @return its root.
     */
    public static Path rootOf(Path queue) {
        Path abs = queue.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent != null && "queue".equals(String.valueOf(parent.getFileName())) && parent.getParent() != null
                && parent.getParent().getParent() != null) {
            Path base = parent.getParent().getParent();
            return "live".equals(String.valueOf(base.getFileName())) && base.getParent() != null
                    ? base.getParent() : base;
        }
        for (Path dir = abs; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE_NAME))) {
                return dir;
            }
        }
        return parent != null ? parent : abs;
    }

    /** @return the root this registry belongs to. */
    public Path root() {
        return root;
    }

    /** @return the registry file, {@code <root>/ids.json} (it may not exist yet). */
    public Path file() {
        return root.resolve(FILE_NAME);
    }

    /** @return venue name to id, sorted by name. */
    public Map<String, Integer> venues() {
        return table.venues();
    }

    /** @return {@code venue/symbol} to market id, sorted. */
    public Map<String, Long> markets() {
        return table.markets();
    }

    /**
     * The ids of a market named by names or ids. Each part is looked up as a name first; a part that is not a
     * registered name but a number is taken as an id (registered or not, so numbers work without a registry).
     *
     * @param venue  a venue name, or a venue id.
     * @param symbol a symbol, or a market id.
     * @return the ids.
     * @throws UnknownMarketException if a name is not registered.
     */
    public MarketIds.Ids resolve(String venue, String symbol) {
        Integer venueId = table.venues().get(venue);
        if (venueId == null && isNumber(venue) && venue.length() <= 9) {
            venueId = Integer.valueOf(venue);
        }
        if (venueId == null) {
            throw unknownVenue(venue);
        }
        if (isNumber(symbol) && !table.markets().containsKey(table.venueName(venueId) + "/" + symbol)) {
            return new MarketIds.Ids(venueId, Long.parseLong(symbol));
        }
        return new MarketIds.Ids(venueId, table.markets().get(name(venue, symbol).key()));
    }

    /**
     * @param venue a venue name, or a venue id.
     * @return the venue's registered name.
     * @throws UnknownMarketException if the venue is not registered.
     */
    public String venueName(String venue) {
        String name = table.venues().containsKey(venue) ? venue
                : isNumber(venue) && venue.length() <= 9 ? table.venueName(Integer.parseInt(venue)) : null;
        if (name == null) {
            throw unknownVenue(venue);
        }
        return name;
    }

    /**
     * The names of a market named by names or ids; unlike {@link #resolve}, ids must be registered.
     *
     * @param venue  a venue name, or a venue id.
     * @param symbol a symbol, or a market id.
     * @return the registered names.
     * @throws UnknownMarketException if the venue or the market is not registered.
     */
    public MarketName name(String venue, String symbol) {
        String venueName = venueName(venue);
        if (table.markets().containsKey(venueName + "/" + symbol)) {
            return new MarketName(venueName, symbol);
        }
        if (isNumber(symbol)) {
            String key = table.marketKey(Long.parseLong(symbol));
            MarketName byId = key == null ? null : IdTable.split(key);
            if (byId != null && byId.venue().equals(venueName)) {
                return byId;
            }
        }
        List<String> symbols = table.markets().keySet().stream().map(IdTable::split)
                .filter(n -> n.venue().equals(venueName)).map(MarketName::symbol).toList();
        throw new UnknownMarketException(file() + ": no symbol \"" + symbol + "\" of venue " + venueName + " ("
                + NearestNames.describe(symbols, symbol) + ")");
    }

    /**
     * @param venueId  a venue id.
     * @param marketId a market id.
     * @return the market's names, or empty if this registry does not hold that pair.
     */
    public Optional<MarketName> nameOf(int venueId, long marketId) {
        String venue = table.venueName(venueId);
        String key = table.marketKey(marketId);
        MarketName name = key == null ? null : IdTable.split(key);
        return venue != null && name != null && name.venue().equals(venue) ? Optional.of(name) : Optional.empty();
    }

    /**
     * @param venueId  a venue id.
     * @param marketId a market id.
     * @return how outputs name the market: {@code kraken XBT/USD}, or {@code venue 1 market 9} if unregistered.
     */
    public String describe(int venueId, long marketId) {
        return nameOf(venueId, marketId).map(MarketName::toString)
                .orElse("venue " + venueId + " market " + marketId);
    }

    /**
     * The ids of a venue and symbol, given now (and written to {@code ids.json}) if they have none.
     *
     * @param venue  the venue's name.
     * @param symbol the symbol as the venue spells it.
     * @return their ids.
     */
    public MarketIds.Ids assign(String venue, String symbol) {
        return assign(venue, symbol, SymbolMap.NONE);
    }

    /**
     * Like {@link #assign(String, String)}, giving new names the ids the symbol map pins for them.
     *
     * @param venue  the venue's name.
     * @param symbol the symbol.
     * @param pins   pinned ids.
     * @return their ids.
     * @throws ConfigException naming the symbol map and both ids if a pin disagrees with the registry, or pins an
     *                         id the registry gave another name.
     */
    public MarketIds.Ids assign(String venue, String symbol, SymbolMap pins) {
        MarketName name = new MarketName(venue, symbol);
        Names.encode("venue", venue);
        Names.encode("symbol", symbol);
        if (venue.contains("/")) {
            throw new IllegalArgumentException("venue name '" + venue + "' contains '/': a / separates the venue "
                    + "from the symbol; rename the venue");
        }
        IdTable after = RegistryStore.update(file(), t -> IdAssigner.assign(t, file(),
                name, new IdTable(pins.venues(), pins.symbols()), pins.file()));
        return new MarketIds.Ids(after.venues().get(venue), after.markets().get(name.key()));
    }

    /**
     * Adds another root's registry to this one's file (the archive tap carries the bus root's names to the archive
     * root this way). Entries this registry already holds alike are left as they are.
     *
     * @param source the registry to take entries from.
     * @return this root's registry after the merge.
     * @throws ConfigException naming both files and both ids if a name or an id means different things in each.
     */
    public MarketRegistry mergeFrom(MarketRegistry source) {
        if (source.table.venues().isEmpty() && source.table.markets().isEmpty()) {
            return open(root);
        }
        IdTable after = RegistryStore.update(file(), t -> IdAssigner.merge(t, file(), source.table, source.file().toString()));
        return new MarketRegistry(root, after);
    }

    /**
     * Records the ids a market's events already carry (an unpacked day of another root): a market this registry
     * holds alike is left as it is.
     *
     * @param name the market.
     * @param ids  the ids its events carry.
     * @throws ConfigException naming this file and both ids if the name or an id means something else here.
     */
    public void register(MarketName name, MarketIds.Ids ids) {
        register(Map.of(name, ids));
    }

    /**
     * Records the ids the events of several markets already carry, in one write (see {@link #register(MarketName,
     * MarketIds.Ids)}).
     *
     * @param markets each market's ids.
     * @throws ConfigException naming this file and both ids if a name or an id means something else here.
     */
    public void register(Map<MarketName, MarketIds.Ids> markets) {
        RegistryStore.update(file(), t -> {
            IdTable merged = t;
            for (Map.Entry<MarketName, MarketIds.Ids> e : markets.entrySet()) {
                MarketName name = e.getKey();
                IdTable entry = new IdTable(Map.of(name.venue(), e.getValue().venueId()),
                        Map.of(name.key(), e.getValue().marketId()));
                merged = IdAssigner.merge(merged, file(), entry, "the events of " + name.key());
            }
            return merged;
        });
    }

    private UnknownMarketException unknownVenue(String venue) {
        return new UnknownMarketException(file() + ": no venue \"" + venue + "\" ("
                + NearestNames.describe(table.venues().keySet(), venue) + ")");
    }

    private static boolean isNumber(String text) {
        return text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9') && !text.isEmpty();
    }
}
