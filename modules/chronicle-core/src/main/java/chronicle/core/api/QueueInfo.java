package chronicle.core.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What a queue holds, as seen by {@link QueueInspector#inspect}: its segments, its named readers and its writer
 * lock. A snapshot: a live writer may have appended since it was taken.
 *
 * <p>Times are epoch nanoseconds as the writer gave them; {@link Long#MIN_VALUE} stands for "none" (an empty
 * segment or queue).
 *
 * @param directory     the queue directory.
 * @param segmentSize   bytes per segment file, as fixed when the queue was created.
 * @param rollDaily     whether segments also roll at UTC midnight.
 * @param createdNanos  when the queue was created, epoch nanoseconds.
 * @param segments      every segment file, oldest first.
 * @param nextSequence  the sequence the next appended record gets (0 for a queue never written).
 * @param tailTimestamp timestamp of the newest record, or {@link Long#MIN_VALUE}.
 * @param readers       every registered named reader, by name.
 * @param writer        who holds the writer lock.
 */
public record QueueInfo(Path directory, long segmentSize, boolean rollDaily, long createdNanos, List<Segment> segments,
                        long nextSequence, long tailTimestamp, List<Reader> readers, Writer writer) {

    /** Copies the lists. */
    public QueueInfo {
        segments = List.copyOf(segments);
        readers = List.copyOf(readers);
    }

    /** @return records in the queue now (those retention deleted are gone). */
    public long records() {
        return segments.stream().mapToLong(Segment::records).sum();
    }

    /** @return the sequence of the oldest record, or -1 if the queue holds none. */
    public long headSequence() {
        return segments.stream().filter(s -> s.records() > 0).findFirst().map(Segment::baseSequence).orElse(-1L);
    }

    /** @return the timestamp of the oldest record, or {@link Long#MIN_VALUE}. */
    public long headTimestamp() {
        return segments.stream().filter(s -> s.records() > 0).findFirst().map(Segment::firstTimestamp)
                .orElse(Long.MIN_VALUE);
    }

    /** @return the sequence of the newest record, or -1 if the queue holds none. */
    public long tailSequence() {
        return records() == 0 ? -1 : nextSequence - 1;
    }

    /**
     * One segment file.
     *
     * @param number         the segment number (its file is {@code <number:09d>.q}).
     * @param file           the segment file.
     * @param sealed         whether the writer finished it (false: the active segment, or one a writer left).
     * @param baseSequence   sequence of its first record.
     * @param records        records in it (from the header when sealed, counted when active).
     * @param firstTimestamp timestamp of its first record, or {@link Long#MIN_VALUE}.
     * @param maxTimestamp   largest record timestamp, or {@link Long#MIN_VALUE}.
     * @param usedBytes      offset after its last record (header included).
     * @param fileBytes      length of the file (segments are preallocated).
     * @param indexEntries   entries in its seek index file.
     */
    public record Segment(long number, Path file, boolean sealed, long baseSequence, long records,
                          long firstTimestamp, long maxTimestamp, long usedBytes, long fileBytes, long indexEntries) {
    }

    /**
     * One registered named reader.
     *
     * @param name            the reader's name.
     * @param committed       whether it ever committed a position (if not, the other fields but name are -1).
     * @param segment         segment of the next record it will read.
     * @param offset          offset of that record in the segment.
     * @param nextSequence    sequence of that record.
     * @param heartbeatMillis its last commit or heartbeat, epoch milliseconds.
     * @param pid             the process that committed last.
     * @param alive           its process runs, or its heartbeat is recent (per the policy's dead-reader timeout).
     * @param protects        whether it keeps segments from retention.
     * @param verdict         retention's decision about it, in words.
     * @param lag             records it is behind the tail ({@code nextSequence} of the queue minus its own).
     */
    public record Reader(String name, boolean committed, long segment, long offset, long nextSequence,
                         long heartbeatMillis, long pid, boolean alive, boolean protects, String verdict, long lag) {
    }

    /**
     * The writer lock.
     *
     * @param state       {@link QueueReader.WriterState#ALIVE ALIVE}: a writer runs; {@code DEAD}: the lock file
     *                    names a process that is gone (a stale lock: the writer died without closing);
     *                    {@code NONE}: no writer holds it.
     * @param pid         the process named by the lock file, or -1.
     * @param startMillis that process's start time, epoch milliseconds (0 if unknown).
     * @param host        the host named by the lock file, or empty.
     */
    public record Writer(QueueReader.WriterState state, long pid, long startMillis, String host) {

        /** No writer. */
        public static final Writer NONE = new Writer(QueueReader.WriterState.NONE, -1, 0, "");
    }
}
