package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import chronicle.core.api.RetentionPolicy;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The helper duty that applies retention after a roll ({@link Retention}), offering each segment file it lets go to
 * the {@link SegmentRecycler} first. A reader that stops protecting its segments (dead, or lagging under the release
 * policy) is logged once, not at every roll.
 */
final class RetentionAgent implements Agent {

    private static final System.Logger LOG = System.getLogger(Retention.class.getName());

    private final Path dir;
    private final RetentionPolicy policy;
    private final WriterHandoff handoff;
    /** Null when segments are not recycled. */
    private final SegmentRecycler recycler;
    private final ErrorHandler errors;
    private final Set<String> released = new HashSet<>();
    private long applied = -1;

    /**
     * @param dir      the queue directory.
     * @param policy   the retention policy.
     * @param handoff  where the writer asks for a pass.
     * @param recycler takes the files of segments let go, or null.
     * @param errors   receives a failed pass (the next roll tries again).
     */
    RetentionAgent(Path dir, RetentionPolicy policy, WriterHandoff handoff, SegmentRecycler recycler,
                   ErrorHandler errors) {
        this.dir = dir;
        this.policy = policy;
        this.handoff = handoff;
        this.recycler = recycler;
        this.errors = errors;
    }

    /**
     * Applies retention if the writer asked for it. Only segments whose roll is finished may be recycled: the seal
     * of an ended segment must not land in a file that is being reused. Any may be deleted (a seal written into the
     * pages of a deleted file goes nowhere), so a writer that rolls faster than its rolls are finished cannot hold
     * retention back.
     */
    @Override
    public int doWork() {
        long active = handoff.retentionActive;
        if (active <= applied) {
            return 0;
        }
        applied = active; // the writer only ever raises retentionActive, so no request is lost
        // Read after retentionActive: every roll to a segment below it is queued by now, or finished.
        RetiredSegment unfinished = handoff.retired.peek();
        long recyclableBelow = unfinished == null ? active : SegmentFiles.numberOf(unfinished.file().path());
        try {
            Retention.Report report = recycler != null
                    ? Retention.apply(dir, policy, active,
                    segment -> SegmentFiles.numberOf(segment) < recyclableBelow && recycler.offer(segment))
                    : Retention.apply(dir, policy, active);
            for (Retention.ReaderVerdict verdict : report.readers()) {
                String name = verdict.position().name();
                if (verdict.protects()) {
                    released.remove(name);
                } else if (released.add(name)) {
                    LOG.log(Level.WARNING, "{0}: {1}", dir, verdict.why());
                }
            }
        } catch (RuntimeException e) {
            errors.onError(new QueueException(dir + ": retention failed (it runs again at the next roll)", e));
        }
        return 1;
    }

    @Override
    public void onClose() {
        if (recycler != null) {
            recycler.close();
        }
    }

    @Override
    public String roleName() {
        return "retention";
    }
}
