package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
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
 * The options that name one market, shared by book, snapshotter and warm-start. Two forms:
 * <ul>
 *   <li>{@code --archive QUEUE --venue ID --market ID}: a queue and the numeric ids in its event headers (the demo
 *       feed's archive: venue 1, markets 1..N);</li>
 *   <li>{@code --archive ROOT --venue NAME --symbol NAME}: an archive root of imports; the names are looked up in
 *       {@code ROOT/ids.json} and the queue is {@code ROOT/<venue>/<symbol>/<day of T>/book/queue}.</li>
 * </ul>
 */
final class MarketOptions {

    @Option(names = "--archive", required = true, paramLabel = "QUEUE|ROOT",
            description = "The queue holding the market's events, or an archive root of imports.")
    Path archiveOption;

    @Option(names = "--venue", required = true, paramLabel = "ID|NAME", description = "Venue id (queue) or name (root).")
    String venueText;

    @Option(names = {"--market", "--symbol"}, required = true, paramLabel = "ID|NAME",
            description = "Market id (queue) or symbol as the vendor spells it (root).")
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
            try {
                venue = Integer.parseInt(venueText);
                market = Long.parseLong(marketText);
            } catch (NumberFormatException e) {
                throw new QueueException(archiveOption + " is a queue: --venue and --market take the numeric ids of "
                        + "its events; give the archive root instead to use names");
            }
            return;
        }
        if (!Files.isDirectory(archiveOption)) {
            throw new QueueException(archiveOption + ": no such queue or archive root");
        }
        root = archiveOption;
        MarketIds.Table ids = MarketIds.read(root.resolve("ids.json"));
        Integer venueId = ids.venues().get(venueText);
        Long marketId = ids.markets().get(venueText + "/" + marketText);
        if (venueId == null || marketId == null) {
            throw new QueueException(root + ": no market " + venueText + "/" + marketText + " in " + root.resolve("ids.json")
                    + " (chronicle imports " + root + " lists what was imported)");
        }
        if (time == null) {
            throw new QueueException("with an archive root, give the time (--at; for the snapshotter --date) so the "
                    + "day's queue can be found, or give the queue itself as --archive");
        }
        LocalDate day = Instant.ofEpochSecond(0, time).atZone(ZoneOffset.UTC).toLocalDate();
        archive = new BusLayout(root, root).importQueue(venueText, marketText, day, "book");
        StreamDay streamDay = new StreamDay(venueText, marketText, day, "book");
        if (Files.exists(Manifest.file(root, streamDay))) {
            // Segments may have moved to other tiers: read the day through the manifest.
            Tiers tiers = ArchiveTiers.of(root, config != null ? config : ArchiveTiers.defaultConfig());
            source = TieredReader.opener(tiers, streamDay, TieredReader.Options.forReplay());
        } else if (!ChronicleQueue.isQueue(archive)) {
            throw new QueueException(archive + ": no book of " + venueText + "/" + marketText + " on " + day
                    + " (chronicle imports " + root + " lists what was imported)");
        }
        if (source == null) {
            source = RecordSource.Opener.ofQueue(archive);
        }
        venue = venueId;
        market = marketId;
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
