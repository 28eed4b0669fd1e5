package chronicle.cli.internal;

import chronicle.bus.api.ChronicleConfig;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.TierManager;
import chronicle.storage.api.Tiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code chronicle tier-manager} (also the {@code tier-manager} launcher): moves sealed archive segments between
 * the storage tiers of the configuration as they age, by its {@code "tiering"} rules; once ({@code --once}) or
 * every {@code --poll-ms} until stopped (Ctrl-C, SIGTERM). Each move is logged as
 * {@code moved segment=<n> of <stream day>: <from> -> <to>}.
 */
@Command(name = "tier-manager", mixinStandardHelpOptions = true,
        description = {"Move sealed archive segments to the storage tiers the configuration's \"tiering\" rules "
                + "call for (hot -> warm -> cold, compressed on the way), recording every step in the manifest.",
                "A run killed at any point is finished or rolled back by the next; a source is deleted only after "
                        + "its copy is verified."})
final class TierManagerCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--once", description = "One pass, then exit (exit code 1 if a segment could not be moved).")
    boolean once;

    @Option(names = "--poll-ms", defaultValue = "60000", paramLabel = "N",
            description = "Pause between passes when not --once, in ms (default: ${DEFAULT-VALUE}).")
    long pollMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (pollMs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--poll-ms must be >= 1");
        }
        ChronicleConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        if (loaded.tiering().isEmpty()) {
            out.println("tier-manager: " + config.location() + " has no \"tiering\" rules: nothing moves (segments are "
                    + "only registered in the manifest); see docs/OPERATIONS.md");
        }
        try (StopSignal stop = new StopSignal();
             Tiers tiers = Tiers.of(loaded, PluginHost.forRuntimeImage())) {
            TierManager manager = new TierManager(tiers, loaded.tiering(), Clock.systemUTC(), line -> {
                out.println(line);
                out.flush();
            });
            out.println("tier-manager: " + loaded.archiveRoot() + ", tiers " + tiers.names()
                    + (once ? "" : ", every " + pollMs + " ms"));
            out.flush();
            if (once) {
                TierManager.Report report = manager.runOnce();
                out.println("tier-manager: " + TierManager.summary(report));
                out.flush();
                return report.problems().isEmpty() ? Main.OK : Main.FAILURE;
            }
            manager.run(Duration.ofMillis(pollMs), () -> !stop.running());
            out.println("tier-manager: stopped");
            out.flush();
        }
        return Main.OK;
    }
}
