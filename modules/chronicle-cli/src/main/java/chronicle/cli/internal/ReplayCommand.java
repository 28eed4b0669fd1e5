package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.sim.api.ArchiveReplay;
import chronicle.storage.api.Tiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code chronicle replay}: writes the records of archived markets over a span onto the bus, in the order a backtest
 * reads them, into a new queue that it closes at the end: the market data of {@code chronicle live --clock market}
 * and {@code chronicle router --venue paper --clock market}, so that a strategy run live against it sends the orders
 * and gets the fills of its backtest. The archive's market names and ids go into the bus root's registry first.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Write archived market data onto the bus, in the order a backtest reads it, into a new queue "
                + "closed at the end: the market data of a strategy and the paper venue in market time."})
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--archive", paramLabel = "ROOT",
            description = "Archive root of imports (default: archiveRoot of the configuration).")
    Path archive;

    @Option(names = "--venue", required = true, paramLabel = "NAME|ID", description = "Venue name or id.")
    String venue;

    @Option(names = {"--symbol", "--market"}, required = true, split = ",", paramLabel = "NAME|ID",
            description = "Symbol (repeat, or separate with commas, for more markets).")
    List<String> symbols;

    @Option(names = "--from", required = true, paramLabel = "T1", converter = Units.TimeConverter.class,
            description = "Start: ISO-8601 (2026-11-22T00:00:00Z) or epoch nanoseconds (journal time).")
    long from;

    @Option(names = "--to", required = true, paramLabel = "T2", converter = Units.TimeConverter.class,
            description = "End (inclusive).")
    long to;

    @Option(names = "--bus", paramLabel = "DIR", description = "Bus root (default: busRoot of the configuration).")
    Path bus;

    @Option(names = "--stream", defaultValue = "market_data",
            description = "Stream of the new queue (default: ${DEFAULT-VALUE}).")
    String stream;

    @Option(names = "--name", defaultValue = "replay",
            description = "Name of the new queue: <bus>/live/<stream>/queue/<name> (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (to < from) {
            throw new ParameterException(spec.commandLine(), "--to must not be before --from");
        }
        ChronicleConfig settings = archive == null || bus == null ? config.load() : null;
        Path root = archive != null ? archive : settings.archiveRoot();
        Path busRoot = bus != null ? bus : settings.busRoot();
        Path queuePath = new BusLayout(busRoot, busRoot.resolve("archive")).liveQueue(stream, name);
        if (ChronicleQueue.isQueue(queuePath)) {
            throw new IllegalArgumentException("--name " + name + ": " + queuePath + " exists already; a replay "
                    + "writes a new queue (give another --name, or delete that queue)");
        }
        Tiers tiers = ArchiveTiers.of(root, config.location());
        ArchiveReplay replay = ArchiveReplay.of(tiers, venue, symbols, from, to); // the markets exist: then write
        // the strategy and the venue resolve the archive's markets by name on the bus
        MarketRegistry.open(busRoot).mergeFrom(MarketRegistry.open(root));
        PrintWriter out = spec.commandLine().getOut();
        long[] written = new long[1];
        try (ChronicleQueue queue = ChronicleQueue.open(queuePath, QueueOptions.hotIpc());
             QueueWriter writer = queue.createWriter()) {
            replay.run((type, sequence, timestamp, buffer, offset, length) -> {
                long status = writer.append(type, timestamp, buffer, offset, length);
                if (status < 0) {
                    throw new IllegalStateException(queuePath + ": cannot append record " + written[0]
                            + " (status " + status + ")");
                }
                written[0]++;
            });
        }
        out.printf("replay: %d records of %s %s from %s to %s -> %s (closed: the replay ends there)%n", written[0],
                venue, String.join(",", symbols), Units.time(from), Units.time(to), queuePath);
        out.flush();
        return Main.OK;
    }
}
