package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketName;
import chronicle.bus.api.MarketRegistry;
import chronicle.bus.api.UnknownMarketException;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueException;
import chronicle.core.api.RecordSource;
import chronicle.pluginhost.api.PluginHost;
import chronicle.replay.spi.SnapshotCodec;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * The options that name one market, shared by book, snapshotter and warm-start. The venue and the market are each
 * a registered name or a numeric id ({@link MarketRegistry#resolve}); two forms:
 * <ul>
 *   <li>{@code --archive QUEUE --venue demo --symbol BTC-USD} (or {@code --venue 1 --market 1}): a queue; names are
 *       looked up in the registry of the queue's root ({@link MarketRegistry#forQueue}: the demo feed's archive
 *       queue {@code <bus-root>/archive/<stream>/queue/<name>} is named by {@code <bus-root>/archive/ids.json},
 *       which the archive tap fills); numbers need no registry;</li>
 *   <li>{@code --archive ROOT --venue kraken --symbol XBT/USD}: an archive root of imports; names (or registered
 *       ids) are looked up in {@code ROOT/ids.json} and the queue is
 *       {@code ROOT/<venue>/<symbol>/<day of T>/book/queue}.</li>
 * </ul>
 */
final class MarketOptions {

    @Option(names = "--archive", required = true, paramLabel = "QUEUE|ROOT",
            description = "The queue holding the market's events, or an archive root of imports.")
    Path archiveOption;

    @Option(names = "--venue", required = true, paramLabel = "NAME|ID",
            description = "Venue name (e.g. demo, kraken) or numeric venue id.")
    String venueText;

    @Option(names = {"--symbol", "--market"}, required = true, paramLabel = "NAME|ID",
            description = "Symbol as the venue spells it (e.g. BTC-USD, XBT/USD) or numeric market id.")
    String marketText;

    @Option(names = "--snapshots", paramLabel = "DIR",
            description = "Snapshot root (default: <archive-root>/snapshots; for a queue laid out as "
                    + "<root>/<stream>/queue/<name>, the root three levels above it).")
    Path snapshots;

    /** Reads the market's stream, after {@link #resolve}: the queue, or an archived day through its tiers. */
    RecordSource.Opener source;
    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration with the storage tiers of an archive root whose segments moved (default: "
                    + "$CHRONICLE_CONFIG, <image>/config/chronicle.json, or ./config/chronicle.json).")
    Path config;

    /** The queue, after {@link #resolve}. */
    Path archive;
    /** The venue id, after {@link #resolve}. */
    int venue;
    /** The market id, after {@link #resolve}. */
    long market;
    /** The registry naming the market, after {@link #resolve}. */
    MarketRegistry registry;
    private Path root;

    /**
     * Works out the queue and the ids.
     *
     * @param time the time the command is about (picks the day's queue under a root), or null if none.
     * @throws QueueException naming what is missing.
     */
    void resolve(Long time) {
        if (ChronicleQueue.isQueue(archiveOption)) {
            archive = archiveOption;
            source = RecordSource.Opener.ofQueue(archive);
            registry = MarketRegistry.forQueue(archive);
            MarketIds.Ids ids = registry.resolve(venueText, marketText);
            venue = ids.venueId();
            market = ids.marketId();
            return;
        }
        if (!Files.isDirectory(archiveOption)) {
            throw new QueueException(archiveOption + ": no such queue or archive root");
        }
        root = archiveOption;
        registry = MarketRegistry.open(root);
        MarketName name;
        try {
            name = registry.name(venueText, marketText);
        } catch (UnknownMarketException e) {
            throw new QueueException("no market " + venueText + "/" + marketText + " in " + e.getMessage()
                    + "; chronicle imports " + root + " lists what was imported");
        }
        MarketIds.Ids ids = registry.resolve(name.venue(), name.symbol());
        if (time == null) {
            throw new QueueException("with an archive root, give the time (--at; for the snapshotter --date) so the "
                    + "day's queue can be found, or give the queue itself as --archive");
        }
        LocalDate day = Instant.ofEpochSecond(0, time).atZone(ZoneOffset.UTC).toLocalDate();
        archive = new BusLayout(root, root).importQueue(name.venue(), name.symbol(), day, "book");
        StreamDay streamDay = new StreamDay(name.venue(), name.symbol(), day, "book");
        if (Files.exists(Manifest.file(root, streamDay))) {
            // Segments may have moved to other tiers: read the day through the manifest.
            Tiers tiers = ArchiveTiers.of(root, config != null ? config : ArchiveTiers.defaultConfig());
            source = TieredReader.opener(tiers, streamDay, TieredReader.Options.forReplay());
        } else if (!ChronicleQueue.isQueue(archive)) {
            throw new QueueException(archive + ": no book of " + name.key() + " on " + day
                    + " (chronicle imports " + root + " lists what was imported)");
        }
        if (source == null) {
            source = RecordSource.Opener.ofQueue(archive);
        }
        venue = ids.venueId();
        market = ids.marketId();
    }

    /** @return the market as people name it ({@code kraken XBT/USD}), or its ids if unregistered; after resolve. */
    String label() {
        return registry.describe(venue, market);
    }

    /**
     * @return JSON fields naming the market: {@code "venue":1,"market":1,"venue_name":"kraken","symbol":"XBT/USD"}
     *         (the names null when unregistered); after resolve.
     */
    String jsonFields() {
        java.util.Optional<MarketName> name = registry.nameOf(venue, market);
        return "\"venue\":" + venue + ",\"market\":" + market + ",\"venue_name\":"
                + name.map(n -> quote(n.venue())).orElse("null") + ",\"symbol\":"
                + name.map(n -> quote(n.symbol())).orElse("null");
    }

    private static String quote(String text) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text))
                + "\"";
    }

    /** @return the snapshot root in effect. */
    Path snapshotRoot() {
        if (snapshots != null) {
            return snapshots;
        }
        return root != null ? root.resolve("snapshots") : SnapshotRoots.of(archive);
    }

    /** @return snapshot codecs by name, from the image and its plug-ins folder. */
    static Function<String, SnapshotCodec> codecs() {
        PluginHost host = PluginHost.forRuntimeImage();
        return name -> host.find(SnapshotCodec.class, name).map(p -> p.instance()).orElse(null);
    }
}
