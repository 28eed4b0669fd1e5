package chronicle.cli.internal;

import chronicle.replay.api.SnapshotPlanner;
import chronicle.replay.api.SnapshotStore;
import chronicle.replay.api.Snapshotter;
import chronicle.replay.spi.SnapshotCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code chronicle snapshotter} (also the {@code snapshotter} launcher): follows an archive queue, rebuilds one
 * market's book and writes a snapshot under {@code <archive-root>/snapshots/<venue>/<market>/snapshot_<seq>.bin}
 * every {@code --interval} of stream time (or {@code --every-records}). Resumes after its newest snapshot.
 */
@Command(name = "snapshotter", mixinStandardHelpOptions = true,
        description = "Follow an archive queue and write book snapshots of one market.")
final class SnapshotterCommand implements Callable<Integer> {




    @Option(names = "--interval", defaultValue = "60s", paramLabel = "DURATION",
            description = "Stream time between snapshots (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--every-records", defaultValue = "0", description = "Also snapshot after this many events.")
    long everyRecords;

    @Option(names = "--codec", defaultValue = "l2", description = "Snapshot codec: l2 or l3 (default: ${DEFAULT-VALUE}).")
    String codecName;


    @Option(names = "--exit-when-idle", paramLabel = "DURATION",
            description = "Exit once no record arrived for this long; default: follow until stopped.")
    String exitWhenIdle;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "With an archive root: the day whose book stream to snapshot (its segments may live in "
                    + "storage tiers).")
    java.time.LocalDate date;

    @Mixin
    MarketOptions target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        target.resolve(date == null ? null
                : date.atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L);
        SnapshotCodec codec = java.util.Optional.ofNullable(MarketOptions.codecs().apply(codecName))
                .orElseThrow(() -> new chronicle.core.api.QueueException(
                        "snapshot codec '" + codecName + "' is not installed (chronicle plugins lists the codecs)"));
        Path root = target.snapshotRoot();
        SnapshotStore store = SnapshotStore.of(root, target.venue, target.market);
        SnapshotPlanner planner = new SnapshotPlanner(Units.parseDuration(interval).toNanos(), everyRecords, 0);
        long idleLimit = exitWhenIdle == null ? Long.MAX_VALUE : Units.parseDuration(exitWhenIdle).toNanos();
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignal stop = new StopSignal();
             Snapshotter snapshotter = new Snapshotter(target.source, store, target.venue, target.market, planner,
                     codec, 0)) {
            out.println("snapshotter: " + target.label() + " of " + target.archive + " -> " + store.directory()
                    + ", every " + interval + " of stream time");
            out.flush();
            long lastWork = System.nanoTime();
            while (stop.running()) {
                if (snapshotter.poll(4096) > 0) {
                    lastWork = System.nanoTime();
                } else if (System.nanoTime() - lastWork >= idleLimit) {
                    break;
                } else {
                    snapshotter.await(100, TimeUnit.MILLISECONDS);
                }
            }
            out.println("snapshotter: wrote " + snapshotter.written() + " snapshot(s)"
                    + snapshotter.lastSnapshot().map(h -> "; newest " + h.file()).orElse(""));
            out.flush();
        }
        return Main.OK;
    }
}
