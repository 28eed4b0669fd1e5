package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import chronicle.core.api.RetentionPolicy;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Applies a {@link RetentionPolicy} to a queue directory: deletes the oldest sealed segments (and their index
 * files) that the policy lets go and that no live registered reader still needs. It reports rather than logs its
 * verdicts on readers ({@link Report#readers()}): the writer's {@link RetentionAgent} logs a released reader once,
 * and {@code chronicle doctor} prints them as findings. The writer's helper offers each
 * such segment file for reuse first ({@link SegmentRecycler}).
 *
 * <p>Deleting never pulls data out from under a reader that has a segment mapped: Linux keeps an unlinked file's
 * pages until its last mapping goes.
 */
public final class Retention {

    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    private Retention() {
    }

    /**
     * What a registered reader means for retention.
     *
     * @param position  its saved position.
     * @param alive     its process runs, or its heartbeat is recent.
     * @param protects  whether it keeps segments from deletion.
     * @param why       the decision in words.
     */
    public record ReaderVerdict(ReaderPosition position, boolean alive, boolean protects, String why) {
    }

    /**
     * The outcome of one pass.
     *
     * @param deleted    segment files deleted.
     * @param candidates segments the policy would delete but a reader protects.
     * @param readers    the verdict on every registered reader.
     */
    public record Report(List<Path> deleted, List<Path> candidates, List<ReaderVerdict> readers) {
    }

    /**
     * @param dir     the queue directory.
     * @param policy  the policy.
     * @param active  the active segment's number (never deleted), or -1 to take the newest segment as active.
     * @return what was deleted and why the rest was kept.
     */
    public static Report apply(Path dir, RetentionPolicy policy, long active) {
        return apply(dir, policy, active, segment -> false);
    }

    /**
     * Like {@link #apply(Path, RetentionPolicy, long)}, offering each segment file to a recycler before deleting
     * it (its index file is deleted either way).
     *
     * @param dir     the queue directory.
     * @param policy  the policy.
     * @param active  the active segment's number (never deleted), or -1 to take the newest segment as active.
     * @param recycle takes a segment file away (true), or leaves it to be deleted (false).
     * @return what was deleted (or recycled) and why the rest was kept.
     */
    public static Report apply(Path dir, RetentionPolicy policy, long active, Predicate<Path> recycle) {
        return run(dir, policy, active, recycle);
    }

    /**
     * Like {@link #apply} but deletes nothing: for {@code chronicle doctor}.
     *
     * @param dir    the queue directory.
     * @param policy the policy.
     * @return what a pass would delete.
     */
    public static Report plan(Path dir, RetentionPolicy policy) {
        return run(dir, policy, -1, null);
    }

    /**
     * @param dir     the queue directory.
     * @param policy  the policy (for the dead and lagging reader rules).
     * @param newest  the newest segment's number.
     * @return the verdict on every registered reader.
     */
    public static List<ReaderVerdict> readers(Path dir, RetentionPolicy policy, long newest) {
        List<ReaderVerdict> verdicts = new ArrayList<>();
        Path readersDir = dir.resolve(ReaderPositionLayout.DIRECTORY);
        List<Path> files;
        try (Stream<Path> list = Files.list(readersDir)) {
            files = list.filter(p -> p.toString().endsWith(ReaderPositionLayout.SUFFIX)).sorted().toList();
        } catch (NoSuchFileException e) {
            return verdicts;
        } catch (IOException e) {
            throw new QueueException(readersDir + ": cannot list readers: " + e.getMessage(), e);
        }
        long now = System.currentTimeMillis();
        for (Path file : files) {
            ReaderPosition position = ReaderPosition.read(file).orElse(null);
            if (position == null) {
                continue; // registered but never committed: nothing to protect yet
            }
            boolean processAlive = ProcessHandle.of(position.pid()).map(ProcessHandle::isAlive).orElse(false);
            long heartbeatAge = now - position.heartbeatMillis();
            boolean alive = processAlive || heartbeatAge < policy.deadReaderTimeout().toMillis();
            long lag = newest - position.segment();
            String name = position.name();
            if (!alive) {
                verdicts.add(new ReaderVerdict(position, false, false, "reader '" + name + "' is dead (pid "
                        + position.pid() + " gone, last heartbeat " + Duration.ofMillis(heartbeatAge).toSeconds()
                        + " s ago): no longer protects its segments"));
            } else if (policy.maxReaderLagSegments() > 0 && lag > policy.maxReaderLagSegments()) {
                boolean protect = policy.laggingReaders() == RetentionPolicy.LaggingReaders.PROTECT;
                verdicts.add(new ReaderVerdict(position, true, protect, "reader '" + name + "' is " + lag
                        + " segments behind (limit " + policy.maxReaderLagSegments() + "): "
                        + (protect ? "still protects its segments (policy PROTECT)"
                        : "no longer protects its segments (policy RELEASE)")));
            } else {
                verdicts.add(new ReaderVerdict(position, true, true, "reader '" + name + "' at segment "
                        + position.segment() + " protects it"));
            }
        }
        return verdicts;
    }

    /** With {@code recycle} null, deletes nothing (a plan). */
    private static Report run(Path dir, RetentionPolicy policy, long active, Predicate<Path> recycle) {
        long[] segments = SegmentFiles.list(dir);
        List<Path> deleted = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        if (segments.length == 0) {
            return new Report(deleted, candidates, List.of());
        }
        long newest = active >= 0 ? active : segments[segments.length - 1];
        List<ReaderVerdict> verdicts = readers(dir, policy, newest);
        long protectedFrom = Long.MAX_VALUE;
        for (ReaderVerdict verdict : verdicts) {
            if (verdict.protects()) {
                protectedFrom = Math.min(protectedFrom, verdict.position().segment());
            }
        }
        long totalBytes = 0;
        for (long s : segments) {
            totalBytes += size(SegmentFiles.path(dir, s));
        }
        int remaining = segments.length;
        Instant now = Instant.now();
        for (long s : segments) {
            if (s >= newest) {
                break;
            }
            Path path = SegmentFiles.path(dir, s);
            boolean tooMany = policy.maxSegments() > 0 && remaining > policy.maxSegments();
            boolean tooBig = policy.maxBytes() > 0 && totalBytes > policy.maxBytes();
            boolean tooOld = policy.maxAge() != null && modified(path).toInstant().plus(policy.maxAge()).isBefore(now);
            if (!(tooMany || tooBig || tooOld)) {
                break;
            }
            Optional<SegmentHeader> header = SegmentHeader.readIfExists(path);
            if (header.isEmpty()) {
                remaining--; // deleted meanwhile by another retention pass
                continue;
            }
            // Below the newest segment every one is complete: ended at a roll (its header's seal may still be on
            // its way from the writer's helper) or left by a dead writer, whose records are as old as the rest.
            if (s >= protectedFrom) {
                candidates.add(path);
                break;
            }
            long bytes = size(path);
            if (recycle != null) {
                try {
                    Files.deleteIfExists(dir.resolve(SegmentLayout.indexFileName(s)));
                    if (recycle.test(path)) {
                        // DEBUG, not INFO like a deletion: on a busy hot queue this happens at every roll.
                        LOG.log(Level.DEBUG, "{0}: retention let segment {1} go; its file is reused for a new "
                                + "segment", dir, path.getFileName());
                    } else {
                        Files.deleteIfExists(path);
                        LOG.log(Level.INFO, "{0}: retention deleted segment {1}", dir, path.getFileName());
                    }
                } catch (IOException e) {
                    throw new QueueException(path + ": cannot delete: " + e.getMessage(), e);
                }
            }
            deleted.add(path);
            remaining--;
            totalBytes -= bytes;
        }
        return new Report(deleted, candidates, verdicts);
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.from(Instant.now());
        }
    }
}
