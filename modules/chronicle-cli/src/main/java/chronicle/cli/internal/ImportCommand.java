package chronicle.cli.internal;

import chronicle.bus.api.MarketRegistry;
import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;
import chronicle.ingest.api.ImportJob;
import chronicle.ingest.api.ImportPipeline;
import chronicle.ingest.api.ImportProgress;
import chronicle.ingest.api.ImportResult;
import chronicle.ingest.api.ImportTap;
import chronicle.replay.api.SnapshotInjector;
import chronicle.ingest.spi.InputOpener;
import chronicle.ingest.spi.OnError;
import chronicle.ingest.spi.VendorAdapter;
import chronicle.storage.spi.Compressor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code chronicle import}: vendor files into the archive through a vendor adapter plug-in, staged and published
 * atomically, recorded in the import ledger (see docs/IMPORT.md).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import vendor files (Tardis, LOBSTER, Binance captures, ...) into the archive.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--vendor", required = true, description = "The adapter: tardis, lobster, binance, or a plug-in's name.")
    String vendor;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Input files (plain, or compressed with any installed compressor: .gz, .zst).")
    List<Path> inputs;

    @Option(names = "--archive", paramLabel = "ROOT", description = "Archive root (default: archiveRoot of the configuration).")
    Path archive;

    @Option(names = "--venue", required = true, description = "Venue name, e.g. binance.")
    String venue;

    @Option(names = "--symbol", required = true, description = "Symbol as the vendor spells it, e.g. XBT/USD.")
    String symbol;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "UTC day of the archive queue (default: the "
            + "day of the first event).")
    LocalDate date;

    @Option(names = "--stream", defaultValue = "book", description = "book, trades or quotes (default: ${DEFAULT-VALUE}).")
    String stream;

    @Option(names = "--on-error", defaultValue = "fail", paramLabel = "fail|gap",
            description = "Bad input: stop (fail, the default) or skip it with a gap marker (gap).")
    String onError;

    @Option(names = "--symbol-map", paramLabel = "FILE",
            description = "Symbol map pinning the ids of a venue or symbol imported for the first time "
                    + "(see docs/FORMATS.md; default: symbolMap of the configuration, if it is read).")
    Path symbolMap;

    @Option(names = "--force", description = "Import again even if the ledger has these inputs; replaces the queue.")
    boolean force;

    @Option(names = "--snapshot-interval", defaultValue = "60s", paramLabel = "DURATION|off",
            description = "Inject a book snapshot into the imported stream every DURATION of exchange time (e.g. 60s, "
                    + "5m), so that the book at any T starts from one close to T; off for none "
                    + "(default: ${DEFAULT-VALUE}).")
    String snapshotInterval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OnError mode = switch (onError) {
            case "fail" -> OnError.FAIL;
            case "gap" -> OnError.GAP;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--on-error must be fail or gap, not '" + onError + "'");
        };
        PluginHost host = PluginHost.forRuntimeImage();
        PluginProvider<VendorAdapter> adapter = host.find(VendorAdapter.class, vendor).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "no vendor adapter '" + vendor
                        + "'; installed: " + host.providers(VendorAdapter.class).stream().map(PluginProvider::name)
                        .collect(Collectors.joining(", "))));
        Path root = archive != null ? archive : config.load().archiveRoot();
        // Registered here, before the pipeline looks the names up, so pinned ids apply on first use.
        MarketRegistry.open(root).assign(venue, symbol, config.symbolMap(symbolMap, archive == null));
        PrintWriter out = spec.commandLine().getOut();
        ImportJob job = new ImportJob(vendor, inputs, root, venue, symbol, date, stream, mode, force);
        ImportTap tap = snapshotTap();
        ImportResult result = adapter.call(a -> {
            try {
                return new ImportPipeline(opener(host)).run(job, a, adapter.version(),
                        progress(spec.commandLine().getErr()), tap);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (result.skipped()) {
            out.println("import: already imported (the ledger has these inputs): " + result.queue()
                    + "; use --force to import again");
        } else {
            String other = result.otherRows() > 0 ? " (" + result.otherRows() + " of other symbols or streams, skipped)"
                    : "";
            out.println("import: " + result.queue() + ": " + result.rows() + " rows" + other + ", " + result.events()
                    + " events, " + result.gaps() + " gap(s), " + result.added() + " snapshot(s) injected, "
                    + Units.time(result.firstTimestamp()) + " .. " + Units.time(result.lastTimestamp()));
            result.gapNotes().forEach(note -> out.println("  gap: " + note));
        }
        out.flush();
        return Main.OK;
    }

    /** The snapshot injector of {@code --snapshot-interval}, or null for {@code off}. */
    private ImportTap snapshotTap() {
        if (snapshotInterval.equals("off")) {
            return null;
        }
        Duration interval;
        try {
            interval = Units.parseDuration(snapshotInterval);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--snapshot-interval: " + e.getMessage()
                    + " (or off)");
        }
        if (interval.toMillis() < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--snapshot-interval " + snapshotInterval
                    + ": give at least 1ms, for example 60s, or off");
        }
        SnapshotInjector injector = new SnapshotInjector(interval, 0);
        return (type, sequence, timestamp, buffer, offset, length, out) ->
                injector.onRecord(type, sequence, timestamp, buffer, offset, length, out::append);
    }

    /** Opens inputs, decompressing by the compressor whose extension ends the file name. */
    static InputOpener opener(PluginHost host) {
        List<PluginProvider<Compressor>> compressors = host.providers(Compressor.class);
        return file -> {
            String name = file.getFileName().toString();
            for (PluginProvider<Compressor> c : compressors) {
                if (name.endsWith(c.instance().fileExtension())) {
                    return c.instance().decompress(Files.newInputStream(file));
                }
            }
            return Files.newInputStream(file);
        };
    }

    /** A progress bar on a terminal; otherwise a plain line at most every 5 seconds. */
    static ImportProgress progress(PrintWriter err) {
        boolean terminal = System.console() != null;
        long start = System.nanoTime();
        long[] lastLine = {start};
        return (rows, events, bytesRead, totalBytes) -> {
            long now = System.nanoTime();
            double seconds = Math.max(1e-9, (now - start) / 1e9);
            double rate = rows / seconds;
            String eta = totalBytes > 0 && bytesRead > 0 ? ", ETA " + Math.round(seconds * (totalBytes - bytesRead)
                    / (double) bytesRead) + " s" : "";
            String text = String.format("%,d rows, %,d events, %,.0f rows/s%s", rows, events, rate, eta);
            if (terminal) {
                int width = 30;
                int done = totalBytes > 0 ? (int) Math.min(width, width * bytesRead / totalBytes) : 0;
                err.print("\r[" + "#".repeat(done) + " ".repeat(width - done) + "] " + text);
                err.flush();
            } else if (now - lastLine[0] >= 5_000_000_000L) {
                lastLine[0] = now;
                err.println("import: " + text);
                err.flush();
            }
        };
    }
}
