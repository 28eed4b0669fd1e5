package chronicle.storage.internal.bundle;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketName;
import chronicle.bus.api.MarketRegistry;
import chronicle.storage.api.BundleException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The venue and market ids of an unpacked day in the target's {@code ids.json}: every event header carries them,
 * so the target must give the names the same ids the source gave, or the day's events would name another market.
 * The target's registry is changed through {@link MarketRegistry} (atomic, under its lock).
 */
final class ArchiveIds {

    private ArchiveIds() {
    }

    /**
     * Checks that the target can take the bundle's ids: it has the same ones, or none for these names and the ids
     * are free.
     *
     * @param targetRoot the target archive root.
     * @param bundle     the bundle, for messages.
     * @param manifest   the bundle's manifest.
     * @throws BundleException naming {@code ids.json} and the clash.
     */
    static void check(Path targetRoot, Path bundle, BundleManifest manifest) {
        BundleManifest.Ids ids = manifest.ids();
        if (ids == null) {
            return;
        }
        Path file = targetRoot.resolve("ids.json");
        MarketIds.Table table = MarketIds.read(file);
        String market = manifest.venue() + "/" + manifest.symbol();
        Integer venueId = table.venues().get(manifest.venue());
        Long marketId = table.markets().get(market);
        if (venueId != null && venueId != ids.venue() || marketId != null && marketId != ids.market()) {
            throw new BundleException(file + ": gives " + market + " venue id " + text(venueId) + " and market id "
                    + text(marketId) + ", the events in " + bundle + " carry " + ids.venue() + " and " + ids.market()
                    + "; unpack into an archive root whose ids agree (or a new one)");
        }
        table.venues().forEach((name, id) -> {
            if (venueId == null && id == ids.venue()) {
                throw new BundleException(file + ": venue id " + id + " is taken by " + name + ", the events in "
                        + bundle + " carry it for " + manifest.venue() + "; unpack into another archive root");
            }
        });
        table.markets().forEach((name, id) -> {
            if (marketId == null && id == ids.market()) {
                throw new BundleException(file + ": market id " + id + " is taken by " + name + ", the events in "
                        + bundle + " carry it for " + market + "; unpack into another archive root");
            }
        });
    }

    private static String text(Number id) {
        return id == null ? "none" : id.toString();
    }

    /**
     * Adds the bundle's ids to the target's {@code ids.json} if it lacks them (after {@link #check}).
     *
     * @param targetRoot the target archive root.
     * @param manifest   the bundle's manifest.
     * @throws IOException if the file cannot be written (the old one stays).
     */
    static void merge(Path targetRoot, BundleManifest manifest) throws IOException {
        BundleManifest.Ids ids = manifest.ids();
        if (ids == null) {
            return;
        }
        try {
            MarketRegistry.open(targetRoot).register(new MarketName(manifest.venue(), manifest.symbol()),
                    new MarketIds.Ids(ids.venue(), ids.market()));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
