package chronicle.core.internal.journal;

import chronicle.core.api.QueueException;
import org.agrona.ErrorHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reuses the file of a segment that retention lets go as the next segment, on the writer's helper thread: its
 * pages are already in the page cache, where a new file's pages must be made (zeroed by the kernel, and on these
 * VMs often faulted in from the host first). That is what bounds large appends: a fresh page costs the writer or
 * its helper about five times a resident one.
 *
 * <p>The steps, each safe against a crash at any point:
 * <ol>
 *   <li>{@link #offer}: retention hands over a segment it would delete. Taken only if an exclusive {@code flock}
 *       succeeds: every reader holds a shared one on each segment it has mapped ({@link MappedFile#mapInUse}), so a
 *       segment in use is deleted as before (the reader keeps its pages) and never overwritten. Under the lock the
 *       file is renamed to {@code <n>.q.spare}: no reader finds it under its segment name any more.</li>
 *   <li>Its first page is zeroed through a new mapping: the header (so the file is not published) and the first
 *       record's length word. The rest keeps the old segment's bytes: zeroing all of it would cost as much memory
 *       traffic as the writer's own, and readers never look past the tail, because the writer zeroes the length
 *       word after each record before it commits the record ({@code QueueWriter}). An old record left past the
 *       tail cannot pass for a new one either: record checksums are salted with their segment's number
 *       ({@link SegmentLayout}), which matters after a power loss, when the device may hold an old record where
 *       the page cache had the zeros.</li>
 *   <li>{@link #take}: it is renamed to the next segment's name, with a zero header (not published, like a new file
 *       prepared ahead of a roll: {@link SegmentFiles#prepare}); the helper pre-touches it like a new one, which
 *       only maps its resident pages.</li>
 * </ol>
 * A writer that opens the queue deletes a spare left by a crash ({@link SegmentFiles#deleteLeftovers}). At most one
 * spare is held; retention deletes what this does not take.
 *
 * <p>Not thread-safe: the helper thread's own.
 */
final class SegmentRecycler implements AutoCloseable {

    /** The suffix of a spare: {@code 000000042.q.spare}, the number it had as a segment. */
    static final String SPARE_SUFFIX = ".spare";
    /** Zeroed before reuse: the header and the first record's length word. */
    private static final int FIRST_PAGE = 4096;

    private final Path dir;
    private final int segmentSize;
    private final boolean hugePages;
    private final ErrorHandler errors;
    private MappedFile spare;

    /**
     * @param dir         the queue directory.
     * @param segmentSize the size of the segments the writer makes (a file of another size is not reused).
     * @param hugePages   whether to ask for huge page-cache folios, as for a new segment
     *                    ({@link SegmentFiles#prepare}).
     * @param errors      receives a file that cannot be reused (it is deleted instead; nothing is lost).
     */
    SegmentRecycler(Path dir, int segmentSize, boolean hugePages, ErrorHandler errors) {
        this.dir = dir;
        this.segmentSize = segmentSize;
        this.hugePages = hugePages;
        this.errors = errors;
    }

    /**
     * Takes a segment that retention lets go, if none is held yet and no reader has it mapped. Its index file is
     * retention's to delete.
     *
     * @param segment the segment file (ended: the writer and its helper are done with it).
     * @return true if it was taken (renamed away); false if retention should delete it.
     */
    boolean offer(Path segment) {
        if (spare != null) {
            return false;
        }
        Path target = segment.resolveSibling(segment.getFileName() + SPARE_SUFFIX);
        int fd = NativeIO.open(segment, true);
        if (fd < 0) {
            return false;
        }
        try {
            if (Files.size(segment) != segmentSize || NativeIO.tryLock(fd, NativeIO.LOCK_EX) != NativeIO.LOCKED) {
                return false; // another size (options changed), a reader has it mapped, or no flock here
            }
            Files.move(segment, target);
        } catch (IOException e) {
            return false;
        } finally {
            NativeIO.close(fd);
        }
        try {
            MappedFile mapped = MappedFile.map(target, true);
            if (hugePages) {
                NativeIO.adviseHugePages(mapped.address(), mapped.length());
            }
            mapped.buffer().setMemory(0, FIRST_PAGE, (byte) 0);
            spare = mapped;
        } catch (IOException e) {
            errors.onError(new QueueException(dir + ": cannot map " + target.getFileName() + " to reuse it (deleted "
                    + "instead)", e));
            deleteQuietly(target);
        }
        return true;
    }

    /**
     * Hands the spare over as a segment, renamed to its final name with a zero header (not published).
     *
     * @param number the segment number it becomes.
     * @return its mapping, or null if no spare is ready (the caller creates a new file).
     */
    MappedFile take(long number) {
        if (spare == null) {
            return null;
        }
        MappedFile ready = spare;
        spare = null;
        Path target = SegmentFiles.path(dir, number);
        try {
            Files.move(ready.path(), target);
            return ready.movedTo(target);
        } catch (IOException e) {
            errors.onError(new QueueException(dir + ": cannot reuse " + ready.path().getFileName() + " as "
                    + target.getFileName() + " (a new file is created instead)", e));
            ready.close();
            deleteQuietly(ready.path());
            return null;
        }
    }

    /** Unmaps and deletes the spare, if any. */
    @Override
    public void close() {
        if (spare != null) {
            spare.close();
            deleteQuietly(spare.path());
            spare = null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a spare left behind is deleted when a writer next opens the queue
        }
    }
}
