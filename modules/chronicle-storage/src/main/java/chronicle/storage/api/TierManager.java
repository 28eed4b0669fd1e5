package chronicle.storage.api;

import chronicle.bus.api.TierMove;
import chronicle.bus.api.TieringRule;
import chronicle.storage.internal.tiering.SegmentMover;
import chronicle.storage.spi.DurableFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Moves sealed archive segments between storage tiers as they age, by the {@code "tiering"} rules of the
 * configuration: for every stream day of the archive root it finishes or rolls back moves a killed run left,
 * registers new sealed hot segments in the manifest, and moves each segment that is due to the tier its age
 * calls for (directly, when several moves are due), compressing it on the way when a rule says so.
 *
 * <p>Each move is the crash-safe state machine of {@link PendingMove}. One tier manager runs per archive root: it
 * holds {@code manifest/tier-manager.lock} while it runs.
 */
public final class TierManager {

    /** The lock file under the manifest directory. */
    public static final String LOCK_FILE = "tier-manager.lock";
    /** Staged (compressed or fetched) copies, under the archive root. */
    public static final String STAGING = ".tiering";

    private final Tiers tiers;
    private final List<TieringRule> rules;
    private final Clock clock;
    private final Consumer<String> log;

    /**
     * What one pass did.
     *
     * @param streamDays stream days looked at.
     * @param registered hot segments added to manifests.
     * @param moved      segments moved.
     * @param recovered  unfinished moves finished or rolled back.
     * @param problems   one line per segment that could not be moved (the pass went on with the next stream day).
     */
    public record Report(int streamDays, int registered, int moved, int recovered, List<String> problems) {
    }

    /**
     * @param tiers the tiers, with the archive root.
     * @param rules the tiering rules.
     * @param clock the time that ages are measured at.
     * @param log   receives one line per move, recovery and problem.
     */
    public TierManager(Tiers tiers, List<TieringRule> rules, Clock clock, Consumer<String> log) {
        this.tiers = tiers;
        this.rules = List.copyOf(rules);
        this.clock = clock;
        this.log = log;
    }

    /**
     * One pass over the archive root.
     *
     * @return what it did.
     * @throws TieringException if another tier manager holds the lock, or the archive root cannot be used.
     */
    public Report runOnce() {
        Path root = tiers.archiveRoot();
        if (!Files.isDirectory(root)) {
            throw new TieringException(root + ": no such archive root (archiveRoot in the configuration)");
        }
        Path lockFile = root.resolve(Manifest.DIRECTORY).resolve(LOCK_FILE);
        try {
            DurableFiles.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = tryLock(channel, lockFile)) {
                Path staging = root.resolve(STAGING);
                clearStaging(staging);
                return pass(new SegmentMover(tiers, staging, log));
            }
        } catch (IOException e) {
            throw new TieringException(root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs passes until stopped.
     *
     * @param poll    the pause between passes.
     * @param stopped checked between passes and while pausing.
     * @throws TieringException if another tier manager holds the lock.
     */
    public void run(Duration poll, BooleanSupplier stopped) {
        while (!stopped.getAsBoolean()) {
            Report report = runOnce();
            if (report.moved() > 0 || report.recovered() > 0 || !report.problems().isEmpty()) {
                log.accept("tier-manager: " + summary(report));
            }
            long until = System.nanoTime() + poll.toNanos();
            while (!stopped.getAsBoolean() && System.nanoTime() < until) {
                try {
                    Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * @param report a pass's report.
     * @return one line.
     */
    public static String summary(Report report) {
        return report.streamDays() + " stream day(s), " + report.registered() + " segment(s) registered, "
                + report.moved() + " moved, " + report.recovered() + " unfinished move(s) recovered, "
                + report.problems().size() + " problem(s)";
    }

    private Report pass(SegmentMover mover) {
        int registered = 0;
        int moved = 0;
        int recovered = 0;
        List<String> problems = new ArrayList<>();
        List<StreamDay> days = StreamDay.discover(tiers.archiveRoot());
        for (StreamDay day : days) {
            long segment = -1;
            try {
                Manifest manifest = Manifest.load(tiers.archiveRoot(), day);
                for (SegmentLocation entry : manifest.segments()) {
                    if (entry.move() != null) {
                        segment = entry.segment();
                        log.accept(day + ": " + mover.recover(manifest, entry));
                        recovered++;
                    }
                }
                segment = -1;
                for (SegmentLocation entry : HotSegments.unregistered(day.queueDir(tiers.archiveRoot()), manifest)) {
                    manifest.put(entry);
                    registered++;
                }
                TieringRule rule = rules.stream().filter(r -> r.matches(day.venue(), day.symbol(), day.stream()))
                        .findFirst().orElse(null);
                if (rule == null) {
                    continue;
                }
                long now = clock.millis();
                for (SegmentLocation entry : manifest.segments()) {
                    segment = entry.segment();
                    int current = entry.hot() ? -1 : indexOf(rule, entry.tier());
                    int due = due(rule, now - entry.sealedAtMillis());
                    if (current == -2 || due <= current) {
                        continue;
                    }
                    TierMove compression = compression(rule, due);
                    mover.move(manifest, entry, rule.moves().get(due).to(),
                            compression == null ? null : compression.compress(),
                            compression == null ? null : compression.frameBytes());
                    moved++;
                }
            } catch (IOException | RuntimeException e) {
                String problem = day + (segment >= 0 ? " segment " + segment : "") + ": " + e.getMessage();
                problems.add(problem);
                log.accept("problem: " + problem);
            }
        }
        return new Report(days.size(), registered, moved, recovered, problems);
    }

    /** @return the move's index, or -2 if the rule does not name the tier (the segment stays). */
    private static int indexOf(TieringRule rule, String tier) {
        for (int i = 0; i < rule.moves().size(); i++) {
            if (rule.moves().get(i).to().equals(tier)) {
                return i;
            }
        }
        return -2;
    }

    /** @return the last move whose age has come, or -1. */
    private static int due(TieringRule rule, long ageMillis) {
        int due = -1;
        for (int i = 0; i < rule.moves().size(); i++) {
            if (ageMillis >= rule.moves().get(i).after().toMillis()) {
                due = i;
            }
        }
        return due;
    }

    /**
     * The first move up to the due one that compresses: a segment that skips a move still gets the compression
     * (and frame size) that move would have applied.
     */
    private static TierMove compression(TieringRule rule, int due) {
        for (int i = 0; i <= due; i++) {
            TierMove move = rule.moves().get(i);
            if (move.compress() != null) {
                return move;
            }
        }
        return null;
    }

    private static FileLock tryLock(FileChannel channel, Path lockFile) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new TieringException("another tier manager is running on this archive root (it holds "
                    + lockFile + "); run one per archive root");
        }
        return lock;
    }

    private static void clearStaging(Path staging) throws IOException {
        if (Files.isDirectory(staging)) {
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        DurableFiles.createDirectories(staging);
    }
}
