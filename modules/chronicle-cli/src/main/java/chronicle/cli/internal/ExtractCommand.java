package chronicle.cli.internal;

import chronicle.etl.api.ExtractException;
import chronicle.etl.api.ExtractRequest;
import chronicle.etl.api.ExtractSummary;
import chronicle.etl.api.Extractor;
import chronicle.etl.api.FeatureSet;
import chronicle.etl.api.Sampling;
import chronicle.pluginhost.api.PluginHost;
import chronicle.replay.api.GapPolicy;
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
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code chronicle-etl extract}: book features and trades of archived markets as Hive-partitioned Parquet or CSV
 * files (docs/CLI.md; the layout is in docs/FORMATS.md).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract book features (mid, spread, microprice, imbalance, levels) and trades of archived "
                + "markets as Parquet or CSV files that DuckDB, Spark, Trino or pandas read directly.")
final class ExtractCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--archive", paramLabel = "ROOT",
            description = "Archive root of imports (default: archiveRoot of the configuration).")
    Path archive;

    @Option(names = "--venue", required = true, paramLabel = "NAME", description = "Venue name, e.g. kraken.")
    String venue;

    @Option(names = "--symbol", required = true, split = ",", paramLabel = "NAME",
            description = "Symbol(s) as the vendor spells them, comma-separated, e.g. XBT/USD,ETH/USD.")
    List<String> symbols;

    @Option(names = "--from", required = true, paramLabel = "T", converter = Units.TimeConverter.class,
            description = "Range start (inclusive): ISO-8601, a date (midnight UTC) or epoch nanoseconds.")
    Long from;

    @Option(names = "--to", required = true, paramLabel = "T", converter = Units.TimeConverter.class,
            description = "Range end (exclusive), same forms as --from.")
    Long to;

    @Option(names = "--features", defaultValue = "mid,spread", paramLabel = "LIST",
            description = "Comma-separated: mid, spread, microprice, imbalance, levels:N, trades "
                    + "(default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--every", paramLabel = "PERIOD", converter = Units.DurationConverter.class,
            description = "A book row at every multiple of PERIOD, exchange time (100ms, 1s, 5m, PT0.0005S; "
                    + "default: 1s).")
    Duration every;

    @Option(names = "--every-event", description = "A book row after every book event instead of --every.")
    boolean everyEvent;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "NAME",
            description = "parquet, csv, or another installed extract sink (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--compression", paramLabel = "NAME",
            description = "Parquet: zstd (default), snappy, gzip or none; CSV: none.")
    String compression;

    @Option(names = "--out", required = true, paramLabel = "DIR|s3://TIER/PREFIX",
            description = "Output directory, or a storage tier of the configuration and a key prefix.")
    String out;

    @Option(names = "--row-group-rows", defaultValue = "1000000", paramLabel = "N",
            description = "Rows per Parquet row group (also capped at 128 MiB; default: ${DEFAULT-VALUE}).")
    long rowGroupRows;

    @Option(names = "--gap-policy", defaultValue = "fail", paramLabel = "fail|reset|flag",
            description = "On a gap in a book stream: stop, reset and wait for a snapshot, or continue "
                    + "(default: ${DEFAULT-VALUE}).")
    String gapPolicy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FeatureSet.Parsed parsed = FeatureSet.parse(features);
        if (parsed.problem() != null) {
            throw usage(parsed.problem());
        }
        Sampling sampling = sampling();
        if (rowGroupRows < 1) {
            throw usage("--row-group-rows must be at least 1, not " + rowGroupRows);
        }
        GapPolicy policy = switch (gapPolicy) {
            case "fail" -> GapPolicy.FAIL;
            case "reset" -> GapPolicy.RESET_AND_WAIT;
            case "flag" -> GapPolicy.CONTINUE_FLAGGED;
            default -> throw usage("--gap-policy must be fail, reset or flag, not '" + gapPolicy + "'");
        };
        Path configFile = config.location();
        if (config.file != null && !Files.isRegularFile(configFile)) {
            throw usage("--config: " + configFile + " is not a file; give the configuration with the tiers, or "
                    + "leave --config out");
        }
        Path root = archive != null ? archive : config.load().archiveRoot();
        ExtractRequest request = new ExtractRequest(root, Files.isRegularFile(configFile) ? configFile : null, venue,
                symbols, from, to, parsed.features(), sampling, policy, format, compression, out, rowGroupRows);
        PrintWriter err = spec.commandLine().getErr();
        ExtractProgressView view = new ExtractProgressView(err);
        ExtractSummary summary;
        try {
            summary = new Extractor(PluginHost.forRuntimeImage()).run(request, view);
        } catch (RuntimeException e) {
            if (view.midLine()) {
                err.println();
            }
            if (e instanceof ExtractException extract && extract.isUsage()) {
                throw usage(extract.getMessage());
            }
            throw e;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(summary.line() + " -> " + out);
        stdout.flush();
        return Main.OK;
    }

    private Sampling sampling() {
        if (everyEvent && every != null) {
            throw usage("--every and --every-event exclude each other: give one");
        }
        if (everyEvent) {
            return new Sampling.EveryEvent();
        }
        Duration period = every != null ? every : Duration.ofSeconds(1);
        if (period.isNegative() || period.isZero()) {
            throw usage("--every must be a positive period, for example 100ms");
        }
        return new Sampling.Every(period.toNanos());
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
