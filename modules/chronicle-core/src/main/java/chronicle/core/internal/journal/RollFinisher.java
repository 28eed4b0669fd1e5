package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;

import java.nio.file.Path;

/**
 * The helper duty that finishes what a roll leaves, off the writer's path, in roll order: writes the ended
 * segment's seal into its header ({@link SegmentSeal}, msync'ed unless durability is the page cache), writes the new
 * segment's index header, flushes and closes the ended segment's index, and unmaps the ended segment in slices (a
 * 1 GiB {@code munmap} takes 15 ms).
 */
final class RollFinisher implements Agent {

    private final Path dir;
    private final WriterHandoff handoff;
    /** Bytes of page tables dropped per step. */
    private final long dropChunk;
    private final ErrorHandler errors;
    private RetiredSegment dropping;
    private long droppedUpTo;

    /**
     * @param dir       the queue directory, for messages.
     * @param handoff   where the writer queues its rolls.
     * @param dropChunk bytes of the ended mapping dropped per step.
     * @param errors    receives index failures (the segments are sound without their index).
     */
    RollFinisher(Path dir, WriterHandoff handoff, long dropChunk, ErrorHandler errors) {
        this.dir = dir;
        this.handoff = handoff;
        this.dropChunk = dropChunk;
        this.errors = errors;
    }

    @Override
    public int doWork() {
        if (dropping == null) {
            dropping = handoff.retired.poll();
            droppedUpTo = 0;
            if (dropping == null) {
                return 0;
            }
            finish(dropping);
        }
        MappedFile file = dropping.file();
        if (droppedUpTo < file.length()) {
            long len = Math.min(dropChunk, file.length() - droppedUpTo);
            NativeIO.dropPages(file.address() + droppedUpTo, len);
            droppedUpTo += len;
        } else {
            file.close();
            dropping = null;
        }
        return 1;
    }

    /**
     * Finishes and unmaps every queued roll at once, on the calling thread: for a writer whose helper thread is gone,
     * or whose application has not run the helper's duties for {@link WriterHandoff#MAX_PENDING_ROLLS} rolls.
     */
    void drainQueued() {
        for (RetiredSegment queued; (queued = handoff.retired.poll()) != null; ) {
            finish(queued);
            queued.file().close();
        }
    }

    /** Seals the ended segment's header, then finishes the indexes (the new one's header, the old one's close). */
    private void finish(RetiredSegment roll) {
        roll.seal().writeTo(roll.file().buffer());
        if (roll.syncSeal()) {
            NativeIO.msync(roll.file().address(), SegmentLayout.HEADER_SIZE);
        }
        try {
            if (roll.next() != null) {
                roll.next().writeHeader(roll.number(), roll.base(), roll.interval());
            }
            roll.index().close();
        } catch (RuntimeException e) {
            // The segments are sound; without its index a seek walks the segment from its start.
            errors.onError(new QueueException(dir + ": seek index of segment " + roll.number() + " or the one "
                    + "before it", e));
        }
    }

    @Override
    public void onClose() {
        if (dropping != null) {
            dropping.file().close();
            dropping = null;
        }
        drainQueued();
    }

    @Override
    public String roleName() {
        return "roll-finisher";
    }
}
