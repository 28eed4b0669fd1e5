package chronicle.cli.internal;

import chronicle.core.spi.PluginHost;
import chronicle.replay.spi.SnapshotCodec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.function.Function;

/** The options that name one market of an archive queue, shared by book, snapshotter and warm-start. */
final class MarketOptions {

    @Option(names = "--archive", required = true, paramLabel = "QUEUE",
            description = "The archive (or live) queue holding the market's events.")
    Path archive;

    @Option(names = "--venue", required = true, description = "Venue id.")
    int venue;

    @Option(names = {"--market", "--symbol"}, required = true, paramLabel = "ID", description = "Market id.")
    long market;

    @Option(names = "--snapshots", paramLabel = "DIR",
            description = "Snapshot root (default: <archive-root>/snapshots, the archive root being three levels "
                    + "above a queue laid out as <root>/<stream>/queue/<name>).")
    Path snapshots;

    /** @return the snapshot root in effect. */
    Path snapshotRoot() {
        return snapshots != null ? snapshots : SnapshotRoots.of(archive);
    }

    /** @return snapshot codecs by name, from the image and its plug-ins folder. */
    static Function<String, SnapshotCodec> codecs() {
        PluginHost host = PluginHost.forRuntimeImage();
        return name -> host.find(SnapshotCodec.class, name).map(p -> p.instance()).orElse(null);
    }
}
