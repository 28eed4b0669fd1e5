package chronicle.bus.internal;

import chronicle.bus.api.ConfigException;
import chronicle.bus.api.MarketName;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules that change a registry's table: giving ids to new names (honouring pins), and taking in the entries of
 * another registry. A name that has an id keeps it; a pin or an entry that says otherwise is refused with one line
 * naming both ids, never renumbered.
 */
public final class IdAssigner {

    private IdAssigner() {
    }

    /**
     * Gives a venue and a market ids if they have none.
     *
     * @param table    the registry's table.
     * @param file     the registry file, for messages.
     * @param name     the market.
     * @param pins     pinned ids ({@link IdTable#EMPTY} for none).
     * @param pinsFile the symbol map the pins come from, for messages (null if none).
     * @return the table with both names.
     * @throws ConfigException if a pin clashes with the registry.
     */
    public static IdTable assign(IdTable table, Path file, MarketName name, IdTable pins, Path pinsFile) {
        IdTable t = table;
        Integer venueId = t.venues().get(name.venue());
        Integer venuePin = pins.venues().get(name.venue());
        if (venueId == null) {
            int id = venuePin != null ? venuePin
                    : free(table.maxVenueId(), pins.venues().values(), v -> table.venueName(v.intValue()) != null);
            refuseTaken(pinsFile, "$.venues." + name.venue(), "venue", name.venue(), id, t.venueName(id), file);
            t = t.withVenue(name.venue(), id);
        } else if (venuePin != null && !venuePin.equals(venueId)) {
            throw pinClash(pinsFile, "$.venues." + name.venue(), "venue " + name.venue(), venuePin, venueId, file);
        }
        Long marketId = t.markets().get(name.key());
        Long marketPin = pins.markets().get(name.key());
        if (marketId == null) {
            IdTable current = t;
            long id = marketPin != null ? marketPin
                    : free(t.maxMarketId(), pins.markets().values(), m -> current.marketKey(m) != null);
            refuseTaken(pinsFile, "$.symbols." + name.key(), "market", name.key(), id, t.marketKey(id), file);
            t = t.withMarket(name.key(), id);
        } else if (marketPin != null && !marketPin.equals(marketId)) {
            throw pinClash(pinsFile, "$.symbols." + name.key(), "market " + name.key(), marketPin, marketId, file);
        }
        return t;
    }

    /**
     * Adds another registry's entries to a table.
     *
     * @param target     the table to add to.
     * @param targetFile its file, for messages.
     * @param source     the entries to add.
     * @param sourceName where they come from, for messages (their file, or "the events").
     * @return the merged table.
     * @throws ConfigException naming both files and both ids if a name or an id means different things in each.
     */
    public static IdTable merge(IdTable target, Path targetFile, IdTable source, String sourceName) {
        IdTable t = target;
        for (Map.Entry<String, Integer> e : source.venues().entrySet()) {
            Integer id = t.venues().get(e.getKey());
            String holder = t.venueName(e.getValue());
            if (id != null && !id.equals(e.getValue()) || id == null && holder != null) {
                throw mergeClash(targetFile, "$.venues." + e.getKey(), "venue", e.getKey(), e.getValue(), id, holder,
                        sourceName);
            }
            t = t.withVenue(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Long> e : source.markets().entrySet()) {
            Long id = t.markets().get(e.getKey());
            String holder = t.marketKey(e.getValue());
            if (id != null && !id.equals(e.getValue()) || id == null && holder != null) {
                throw mergeClash(targetFile, "$.markets." + e.getKey(), "market", e.getKey(), e.getValue(), id,
                        holder, sourceName);
            }
            t = t.withMarket(e.getKey(), e.getValue());
        }
        return t;
    }

    /** The next id above {@code max} that no pin reserves and the table does not use. */
    private static long free(long max, java.util.Collection<? extends Number> reserved, Function<Long, Boolean> used) {
        long id = max + 1;
        while (containsId(reserved, id) || used.apply(id)) {
            id++;
        }
        return id;
    }

    private static int free(int max, java.util.Collection<Integer> reserved, Function<Long, Boolean> used) {
        return Math.toIntExact(free((long) max, reserved, used));
    }

    private static boolean containsId(java.util.Collection<? extends Number> ids, long id) {
        for (Number n : ids) {
            if (n.longValue() == id) {
                return true;
            }
        }
        return false;
    }

    private static void refuseTaken(Path pinsFile, String path, String what, String name, long id, String holder,
                                    Path file) {
        if (holder != null) {
            throw new ConfigException(pinsFile != null ? pinsFile : file, path, "pins " + what + " " + name
                    + " to id " + id + ", but " + file + " gave id " + id + " to " + holder
                    + " (ids never change)", "pin a free id for " + name + ", or remove the pin");
        }
    }

    private static ConfigException pinClash(Path pinsFile, String path, String what, long pin, long id, Path file) {
        return new ConfigException(pinsFile, path, "pins " + what + " to id " + pin + ", but " + file
                + " gave it id " + id + " on first use (ids never change)", "pin " + id + ", or remove the pin");
    }

    private static ConfigException mergeClash(Path targetFile, String path, String what, String name, long sourceId,
                                              Number targetId, String holder, String sourceName) {
        String here = targetId != null ? what + " " + name + " has id " + targetId
                : "id " + sourceId + " is " + what + " " + holder + "'s";
        return new ConfigException(targetFile, path, here + ", but " + sourceName + " gives " + name + " id "
                + sourceId + " (ids never change, so the two cannot merge)",
                "keep these roots apart, or pin the ids in a symbol map (--symbol-map) before the first event");
    }
}
