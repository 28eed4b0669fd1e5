package chronicle.cli.internal;

import chronicle.bus.api.ConfigLoader;
import chronicle.bus.api.MarketName;
import chronicle.bus.api.TierConfig;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.DayBundle;
import chronicle.storage.api.Tiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code chronicle archive pack ROOT}: every stream of one venue, symbol and date, wherever its segments live (hot
 * or in a tier of the configuration), into one {@code .tar.zst} or {@code .tar.xz} bundle (see docs/FORMATS.md).
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Pack one day of one market (every stream, hot and tiered segments, manifests) into "
                + "FILE.tar.zst or FILE.tar.xz.")
final class ArchivePackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ROOT", description = "The archive root.")
    Path root;

    @Option(names = "--venue", required = true, paramLabel = "NAME|ID",
            description = "Venue name, e.g. kraken, or its registered id.")
    String venue;

    @Option(names = "--symbol", required = true, paramLabel = "NAME|ID",
            description = "Symbol as the vendor spells it, e.g. XBT/USD, or its registered market id.")
    String symbol;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The UTC day.")
    LocalDate date;

    @Option(names = "--out", required = true, paramLabel = "FILE.tar.zst|FILE.tar.xz",
            description = "The bundle to write (replaced if present); its extension picks the compression.")
    Path out;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration whose tiers hold the day's tiered segments (default: $CHRONICLE_CONFIG, "
                    + "<image>/config/chronicle.json or ./config/chronicle.json if one exists; without one, only "
                    + "hot segments can be packed).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PluginHost host = PluginHost.forRuntimeImage();
        DayBundle.Packed packed;
        MarketName market = ArchivedNames.of(root, venue, symbol);
        try (Tiers tiers = new Tiers(root, tiers(), host)) {
            packed = DayBundle.pack(tiers, host, market.venue(), market.symbol(), date, out);
        }
        PrintWriter print = spec.commandLine().getOut();
        print.println("pack: " + packed.file() + ": " + market + " on " + date + ", streams "
                + String.join(", ", packed.streams()) + ", " + packed.files() + " files, " + Units.bytes(packed.bytes())
                + " packed into " + Units.bytes(packed.size()));
        print.flush();
        return Main.OK;
    }

    /** The tiers of the configuration: the one named, else the default one if it exists, else none. */
    private Map<String, TierConfig> tiers() {
        Path file = config != null ? config : ConfigLoader.defaultLocation();
        if (config == null && !Files.isRegularFile(file)) {
            return Map.of();
        }
        return ConfigLoader.load(file).tiers();
    }
}
