package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.TierManager;
import chronicle.storage.api.Tiers;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A tier manager in its own JVM, for the kill tests: {@code <archive> <cold> <far> <clock offset ms>}. Prints
 * {@code ready} once it starts working, {@code log <line>} for each move it makes, and {@code idle} when a pass
 * found nothing left to do.
 */
public final class TierManagerChild {

    private TierManagerChild() {
    }

    public static void main(String[] args) {
        Path archive = Path.of(args[0]);
        ChronicleConfig config = KillFixture.config(archive, Path.of(args[1]), Path.of(args[2]));
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(Long.parseLong(args[3])));
        try (Tiers tiers = Tiers.of(config, PluginHost.of(archive.resolve("no-plugins")))) {
            TierManager manager = new TierManager(tiers, config.tiering(), clock, line -> System.out.println("log " + line));
            System.out.println("ready");
            while (true) {
                TierManager.Report report = manager.runOnce();
                if (!report.problems().isEmpty()) {
                    System.out.println("problem " + report.problems());
                }
                if (report.moved() == 0 && report.recovered() == 0) {
                    System.out.println("idle");
                    return;
                }
            }
        }
    }
}
