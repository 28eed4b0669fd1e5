package chronicle.core.internal.journal;

import chronicle.core.api.IndexPolicy;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueException;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;

import java.nio.file.Path;

/**
 * The helper duty that creates the next segment and its index under their final names ahead of the roll
 * ({@link PreparedSegment}), reusing a file retention let go when there is one ({@link SegmentRecycler}), and
 * pre-touches its first {@link PretouchAgent#AHEAD} bytes, so that a roll makes no file-system call and takes no page
 * fault. Creating comes first among the duties: without it a roll must create the segment itself.
 */
final class SegmentPreparer implements Agent {

    private final Path dir;
    private final int segmentSize;
    private final IndexPolicy indexPolicy;
    private final WriterHandoff handoff;
    private final PageToucher toucher;
    private final boolean pretouch;
    private final boolean hugePages;
    /** Bytes of the next segment pre-touched per step. */
    private final long slice;
    /** Null when segments are not recycled. */
    private final SegmentRecycler recycler;
    private final ErrorHandler errors;
    private long preparedTouched;
    private long failedPrepare = -1;

    /**
     * @param dir         the queue directory.
     * @param options     the writer's options: segment size, index policy, whether to pre-touch the prepared
     *                    segment's first pages, whether its records are staged (then no huge pages).
     * @param handoff     what the writer publishes and takes.
     * @param toucher     populates the pages.
     * @param slice       bytes pre-touched per step.
     * @param recycler    files to reuse, or null.
     * @param errors      receives a failure to prepare (the roll then creates the segment and reports it).
     */
    SegmentPreparer(Path dir, QueueOptions options, WriterHandoff handoff, PageToucher toucher, long slice,
                    SegmentRecycler recycler, ErrorHandler errors) {
        this.dir = dir;
        this.segmentSize = options.segmentSize();
        this.indexPolicy = options.index();
        this.hugePages = !options.stagesWrites();
        this.handoff = handoff;
        this.toucher = toucher;
        this.pretouch = options.pretouch();
        this.slice = slice;
        this.recycler = recycler;
        this.errors = errors;
    }

    @Override
    public int doWork() {
        return createNext() ? 1 : touchNextSlice() ? 1 : 0;
    }

    /** Creates the next segment if it is not there. */
    private boolean createNext() {
        long next = handoff.wantedNext;
        if (handoff.prepared != null || next <= handoff.lastTaken || next == failedPrepare) {
            return false;
        }
        handoff.creating = next;
        try {
            if (next <= handoff.lastTaken) {
                return false; // the writer took this number meanwhile (and creates it itself)
            }
            MappedFile reused = recycler == null ? null : recycler.take(next);
            handoff.prepared = reused != null ? PreparedSegment.reuse(dir, next, reused, indexPolicy)
                    : PreparedSegment.create(dir, next, segmentSize, indexPolicy, hugePages);
            preparedTouched = 0;
        } catch (RuntimeException e) {
            failedPrepare = next; // the roll creates it itself and reports the error (e.g. a full disk)
            errors.onError(new QueueException(dir + ": cannot prepare segment " + next + " ahead of the roll", e));
        } finally {
            handoff.creating = -1;
        }
        return true;
    }

    /** Pre-touches one slice of the next segment's first {@link PretouchAgent#AHEAD} bytes. */
    private boolean touchNextSlice() {
        PreparedSegment ready = handoff.prepared;
        long limit = ready == null ? 0 : Math.min(PretouchAgent.AHEAD, ready.file().length());
        if (!pretouch || preparedTouched >= limit) {
            if (ready != null && handoff.readyIndex != ready.index()) {
                handoff.readyIndex = ready.index();
            }
            return false;
        }
        // Harmless if the writer takes it meanwhile: then it is the current segment and is touched as such. The
        // writer unmaps a prepared segment only when it does not take it, and then waits until this is done.
        long end = Math.min(limit, preparedTouched + slice);
        long dirtyEnd = Math.min(end, PretouchAgent.DIRTY_AHEAD);
        if (preparedTouched < dirtyEnd) {
            handoff.touching = ready;
            try {
                if (handoff.prepared == ready) {
                    toucher.prepareForWriting(ready.file().address() + preparedTouched, dirtyEnd - preparedTouched);
                }
            } finally {
                handoff.touching = null;
            }
            preparedTouched = dirtyEnd;
        }
        if (preparedTouched < end) {
            NativeIO.populateRead(ready.file().address() + preparedTouched, end - preparedTouched);
            preparedTouched = end;
        }
        return true;
    }

    /** Deletes a prepared segment the writer did not take. */
    @Override
    public void onClose() {
        PreparedSegment left = handoff.prepared;
        handoff.prepared = null;
        if (left != null) {
            left.discard();
        }
    }

    @Override
    public String roleName() {
        return "segment-preparer";
    }
}
