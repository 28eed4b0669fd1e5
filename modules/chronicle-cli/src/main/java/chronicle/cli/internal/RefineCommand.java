package chronicle.cli.internal;

import chronicle.bus.api.MarketRegistry;
import chronicle.bus.api.SymbolMap;
import chronicle.core.api.ChronicleQueue;
import chronicle.etl.api.Refinery;
import chronicle.etl.api.RefineryConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code chronicle-etl refine}: the refinery. Follows a raw multiplexed queue and writes clean per-market streams
 * with injected snapshots into an archive root, exactly once across restarts, until stopped (Ctrl-C, SIGTERM: the
 * current batch is finished and committed) or, with {@code --once}, at the raw queue's tail.
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = "Demultiplex a raw queue into clean per-market streams (book, trades) with a book snapshot "
                + "injected every interval, exactly once across restarts.")
final class RefineCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--source", required = true, paramLabel = "QUEUE",
            description = "The raw multiplexed queue (e.g. <bus-root>/streams/raw/<venue>/queue).")
    Path source;

    @Option(names = "--sink", required = true, paramLabel = "ROOT",
            description = "Where the clean streams go, laid out as an archive root: "
                    + "ROOT/<venue>/<symbol>/<date>/<stream>/queue.")
    Path sink;

    @Option(names = "--symbol", paramLabel = "PATTERN",
            description = "Take only these symbols (repeatable; * any characters, ? one; e.g. 'BTC*'): several "
                    + "refineries of one raw queue take disjoint groups. Default: every symbol.")
    List<String> symbols = List.of();

    @Option(names = "--symbol-map", paramLabel = "FILE",
            description = "Symbol map (see docs/FORMATS.md) whose pinned ids the raw queue's registry must agree "
                    + "with (default: symbolMap of the configuration, if --config is given).")
    Path symbolMap;

    @Option(names = "--snapshot-interval", defaultValue = "60s", paramLabel = "DURATION",
            description = "Exchange time between injected snapshots of a market (default: ${DEFAULT-VALUE}).")
    String snapshotInterval;

    @Option(names = "--once", description = "Stop at the raw queue's tail instead of following it.")
    boolean once;

    @Option(names = "--reader-name", paramLabel = "NAME",
            description = "The refinery's named reader on the raw queue (default: refinery, or refinery- and the "
                    + "--symbol patterns).")
    String readerName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!ChronicleQueue.isQueue(source)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--source " + source + ": no queue there "
                    + "(give the raw queue's directory, e.g. <bus-root>/streams/raw/<venue>/queue)");
        }
        Duration interval;
        try {
            interval = Units.parseDuration(snapshotInterval);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--snapshot-interval: " + e.getMessage());
        }
        checkPins(config.symbolMap(symbolMap, false));
        RefineryConfig refine = new RefineryConfig(source, sink, symbols, interval,
                readerName != null ? readerName : RefineryConfig.readerNameFor(symbols));
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignal stop = new StopSignal()) {
            try (Refinery refinery = Refinery.open(refine)) {
                out.println("refine: " + source + " -> " + sink + " from raw sequence " + refinery.nextSequence()
                        + (symbols.isEmpty() ? "" : ", symbols " + String.join(" ", symbols)) + ", a snapshot every "
                        + Units.duration(interval) + (once ? ", until the tail" : ", until stopped"));
                out.flush();
                refinery.run(stop::running, once, 1_000_000);
                Refinery.Stats s = refinery.stats();
                out.println("refine: read " + s.read() + " raw records: " + s.written() + " written, "
                        + s.duplicates() + " already there, " + s.skipped() + " of other symbols or not market data, "
                        + s.snapshots() + " snapshots injected, " + s.gapMarkers() + " gap markers; next raw sequence "
                        + refinery.nextSequence());
                out.flush();
            }
        }
        return Main.OK;
    }

    /** Pinned ids must be those the raw queue's events carry: the refinery never renumbers. */
    private void checkPins(SymbolMap pins) {
        MarketRegistry raw = MarketRegistry.forQueue(source);
        for (Map.Entry<String, Long> pin : pins.symbols().entrySet()) {
            Long id = raw.markets().get(pin.getKey());
            if (id != null && !id.equals(pin.getValue())) {
                throw new CommandLine.ParameterException(spec.commandLine(), pins.file() + ": " + pin.getKey()
                        + " is pinned to id " + pin.getValue() + " but the raw queue's events carry id " + id + " ("
                        + raw.file() + "); correct the symbol map");
            }
        }
    }
}
