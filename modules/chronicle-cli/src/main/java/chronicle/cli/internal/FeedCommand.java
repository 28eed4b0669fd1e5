package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.Discovery;
import chronicle.bus.api.Lease;
import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.protocol.api.SyntheticMarket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code chronicle feed}: the demo feed. Writes a realistic synthetic multi-symbol market (L2 diffs around a
 * random-walk mid price, trades, periodic snapshots) to {@code <bus-root>/live/<stream>/queue/<name>}, at a given
 * rate, until a count or a duration is reached or it is stopped (Ctrl-C). Its symbols are named (venue {@code demo},
 * symbols {@code BTC-USD}, {@code ETH-USD}, ...) and registered in the bus root's registry before the first event;
 * the events carry the ids the registry gives them (or a symbol map pins).
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = "Write a synthetic multi-symbol market to a live queue (the demo feed).")
final class FeedCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--bus-root", paramLabel = "DIR", description = "Bus root (default: busRoot of the configuration).")
    Path busRoot;

    @Option(names = "--symbols", defaultValue = "4", description = "Number of symbols (default: ${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--rate", defaultValue = "10000",
            description = "Events per second, 0 for as fast as possible (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--count", defaultValue = "0", description = "Stop after this many events (0: no limit).")
    long count;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long, e.g. 10s, 5m.")
    String duration;

    @Option(names = "--stream", defaultValue = "market_data", description = "Stream name (default: ${DEFAULT-VALUE}).")
    String stream;

    @Option(names = "--name", defaultValue = "demo_feed", description = "Queue name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--venue", defaultValue = DemoSymbols.VENUE, paramLabel = "NAME",
            description = "Venue name its symbols are registered under, or a registered venue id "
                    + "(default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--symbol-map", paramLabel = "FILE",
            description = "Symbol map pinning the ids of venues and symbols registered for the first time "
                    + "(see docs/FORMATS.md; default: symbolMap of the configuration, if it is read).")
    Path symbolMap;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--snapshot-every", defaultValue = "1000",
            description = "Events of a symbol between its snapshots (default: ${DEFAULT-VALUE}).")
    int snapshotEvery;

    @Option(names = "--segment-size", paramLabel = "SIZE",
            description = "Segment size of a new live queue, e.g. 1MiB (default: the hot profile's, 64MiB); "
                    + "smaller segments roll and seal sooner.")
    String segmentSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (symbols < 1 || rate < 0 || count < 0 || snapshotEvery < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--symbols and --snapshot-every must be >= 1, --rate and --count >= 0");
        }
        QueueOptions options = QueueOptions.hotIpc();
        if (segmentSize != null) {
            long bytes = Units.parseSize(segmentSize);
            try {
                options = options.withSegmentSize((int) Math.min(bytes, Integer.MAX_VALUE));
            } catch (IllegalArgumentException e) { // the journal's own bounds
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--segment-size "
                        + segmentSize + ": " + e.getMessage());
            }
        }
        long stopAfterNanos = duration == null ? Long.MAX_VALUE : Units.parseDuration(duration).toNanos();
        Path root = busRoot != null ? busRoot : config.load().busRoot();
        BusLayout layout = new BusLayout(root, root.resolve("archive"));
        Path queuePath = layout.liveQueue(stream, name);
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = DemoSymbols.names(symbols);
        MarketRegistry registry = MarketRegistry.open(root);
        String venueName = DemoSymbols.venueName(registry, venue);
        List<MarketIds.Ids> ids = DemoSymbols.register(registry, venueName, names,
                config.symbolMap(symbolMap, busRoot == null));
        SyntheticMarket market = new SyntheticMarket(ids.getFirst().venueId(),
                ids.stream().mapToLong(MarketIds.Ids::marketId).toArray(), snapshotEvery, seed);
        long written = 0;
        long startNanos;
        try (StopSignal stop = new StopSignal();
             Discovery discovery = new Discovery(layout);
             ChronicleQueue queue = ChronicleQueue.open(queuePath, options);
             QueueWriter writer = queue.createWriter();
             Lease lease = discovery.publishWriter(queuePath, "feed")) {
            lease.markReady();
            long first = writer.nextSequence();
            startNanos = System.nanoTime(); // the duration and the rate count from the first event, not the set-up
            out.println("feed: writing " + symbols + " symbols of " + venueName + " (" + String.join(", ", names) + ") at "
                    + (rate == 0 ? "full speed" : rate + " events/s") + " to " + queuePath);
            out.flush();
            long epochBase = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
            int max = SyntheticMarket.maxLength();
            while (stop.running() && (count == 0 || written < count)) {
                long now = System.nanoTime();
                if (now - startNanos >= stopAfterNanos) {
                    break;
                }
                if (rate > 0) {
                    long due = startNanos + written * 1_000_000_000L / rate;
                    if (now < due) {
                        LockSupport.parkNanos(Math.min(due - now, 1_000_000));
                        continue;
                    }
                }
                long epochNanos = epochBase + now;
                writer.claim(max, epochNanos);
                int length = market.next(writer.claimBuffer(), 0, epochNanos);
                writer.commit(market.lastType(), epochNanos, length);
                written++;
            }
            // Inside the try: on SIGTERM the JVM exits as soon as the stop signal is released.
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            out.printf("feed: wrote %d events (sequences %d..%d) in %.1f s to %s%n", written, first,
                    first + written - 1, seconds, queuePath);
            out.flush();
        }
        return Main.OK;
    }
}
