package chronicle.core.internal.journal;

import chronicle.core.api.IndexPolicy;

import java.nio.file.Path;

/**
 * A segment and its seek index created under their final names but not published: the segment's header (magic
 * included) and the index header are zero, so readers and tools do not see them yet. The writer's helper thread
 * makes one ahead of each roll; {@link #publish} is then all the roll does to the new files (stores into a mapped
 * page and one small write), with no file-system metadata call on the writer's thread.
 *
 * @param index     the segment number.
 * @param file      the segment, mapped read-write.
 * @param seekIndex its index writer, not started.
 */
public record PreparedSegment(long index, MappedFile file, SeekIndexWriter seekIndex) {

    /**
     * Creates the files: the segment first (an exclusive create: whoever creates it owns the number), then its
     * index.
     *
     * @param dir    the queue directory.
     * @param index  the segment number.
     * @param size   the segment length.
     * @param policy the index policy (flush settings).
     * @param hugePages whether to ask for huge page-cache folios ({@link SegmentFiles#prepare}).
     * @return the prepared segment.
     * @throws chronicle.core.api.QueueException if the disk is full or a file cannot be created; nothing is left
     *                                           behind.
     */
    public static PreparedSegment create(Path dir, long index, int size, IndexPolicy policy, boolean hugePages) {
        return withIndex(dir, index, SegmentFiles.prepare(dir, index, size, hugePages), policy);
    }

    /**
     * Makes a prepared segment of a recycled file ({@link SegmentRecycler#take}: zeroed, under its final name) and
     * a new index file.
     *
     * @param dir    the queue directory.
     * @param index  the segment number.
     * @param file   the recycled file's mapping, read-write.
     * @param policy the index policy (flush settings).
     * @return the prepared segment.
     * @throws chronicle.core.api.QueueException if the index file cannot be created; the segment file is then
     *                                           deleted.
     */
    static PreparedSegment reuse(Path dir, long index, MappedFile file, IndexPolicy policy) {
        return withIndex(dir, index, file, policy);
    }

    private static PreparedSegment withIndex(Path dir, long index, MappedFile file, IndexPolicy policy) {
        try {
            return new PreparedSegment(index, file, SeekIndexWriter.prepare(
                    dir.resolve(SegmentLayout.indexFileName(index)), policy.flushEveryEntries(),
                    policy.flushIntervalMillis() * 1_000_000L));
        } catch (RuntimeException e) {
            SegmentFiles.discard(file);
            throw e;
        }
    }

    /**
     * Publishes the segment and its index at once: the index header first, then the segment header with its magic
     * last.
     *
     * @param baseSequence the sequence of its first record.
     * @param interval     records between two index entries.
     * @throws chronicle.core.api.QueueException if the index header cannot be written (the segment stays
     *                                           unpublished: {@link #discard} it).
     */
    public void publish(long baseSequence, int interval) {
        seekIndex.start(index, baseSequence, interval, 0);
        SegmentFiles.publish(file, index, baseSequence);
    }

    /**
     * Publishes the segment only (memory stores into its mapped header); the caller has the index header written
     * off its thread ({@link SeekIndexWriter#writeHeader}). What a roll does.
     *
     * @param baseSequence the sequence of its first record.
     */
    public void publishSegment(long baseSequence) {
        SegmentFiles.publish(file, index, baseSequence);
    }

    /** Unmaps and deletes both files (never published). */
    public void discard() {
        seekIndex.discard();
        SegmentFiles.discard(file);
    }
}
