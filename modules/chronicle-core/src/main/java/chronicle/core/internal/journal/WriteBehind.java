package chronicle.core.internal.journal;

import java.nio.file.Path;

/**
 * Starts write-back of the active segment behind the writer ({@code sync_file_range(SYNC_FILE_RANGE_WRITE)}), a
 * slice at a time, on the writer's helper thread: under {@code SYNC_ON_ROLL} the {@code msync} at the roll then
 * finds most of the segment written already instead of waiting for all of it. It keeps {@link #MARGIN} behind the
 * writer, 2 MiB aligned, because a page-cache folio under write-back is write-protected and the writer would fault
 * on it. Best effort: it guarantees nothing by itself.
 */
final class WriteBehind implements AutoCloseable {

    /** Write-back starts in steps of at least this. */
    static final long CHUNK = 8L << 20;
    /** How far behind the writer it keeps. */
    static final long MARGIN = 4L << 20;
    private static final long FOLIO = 2L << 20;

    private final Path dir;
    private long index = -1;
    private int fd = -1;
    private long writtenBehind;

    /**
     * @param dir the queue directory.
     */
    WriteBehind(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts write-back of what the writer has left behind since the last call, if that is a whole step.
     *
     * @param segment  the active segment's number.
     * @param position the writer's offset in it.
     * @return true if it started some.
     */
    boolean slice(long segment, int position) {
        if (segment != index) {
            NativeIO.close(fd);
            fd = segment < 0 ? -1 : NativeIO.open(SegmentFiles.path(dir, segment), false);
            index = segment;
            writtenBehind = 0;
        }
        long upTo = (position - MARGIN) & -FOLIO;
        if (fd < 0 || upTo - writtenBehind < CHUNK) {
            return false;
        }
        NativeIO.startWriteback(fd, writtenBehind, upTo - writtenBehind);
        writtenBehind = upTo;
        return true;
    }

    /** Closes the file it holds open. */
    @Override
    public void close() {
        NativeIO.close(fd);
        fd = -1;
    }
}
