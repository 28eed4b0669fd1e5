package chronicle.storage.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where one sealed segment of a {@link StreamDay} is, as the manifest records it, and what it holds.
 *
 * @param segment        the segment number.
 * @param tier           {@value Manifest#HOT} (the stream day's queue directory) or the name of a configured tier.
 * @param key            the segment object's key in its tier; for {@value Manifest#HOT}, the file name in the queue
 *                       directory ({@code 000000003.q}).
 * @param indexKey       its seek index's key beside it, or null when it has none.
 * @param location       a path or URL to show people (never a credential).
 * @param compression    the seekable compressor's name ({@code zstd}), or null when stored as the segment itself.
 * @param size           bytes stored.
 * @param checksum       CRC32C of the bytes stored, 8 hex digits.
 * @param originalSize   bytes of the segment itself (the size of {@code <n>.q}).
 * @param firstSequence  the sequence of its first record.
 * @param endSequence    the sequence after its last record.
 * @param firstTimestamp its first record's timestamp (epoch ns), or null with no records.
 * @param maxTimestamp   its largest record timestamp (epoch ns), or null with no records.
 * @param sealedAtMillis when it was sealed (its file's modification time when first registered), epoch ms.
 * @param move           the move under way, or null.
 * @param version        the segment's format version (from its header), or null in entries written before it was
 *                       recorded: with it a reader of a tiered segment needs no read of the header's frame.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentLocation(long segment, String tier, String key, String indexKey, String location,
                              String compression, long size, String checksum, long originalSize,
                              long firstSequence, long endSequence, Long firstTimestamp, Long maxTimestamp,
                              long sealedAtMillis, PendingMove move, Integer version) {

    /** @return whether the segment lives in the stream day's queue directory. */
    public boolean hot() {
        return Manifest.HOT.equals(tier);
    }

    /** @return the number of records. */
    public long records() {
        return endSequence - firstSequence;
    }

    /**
     * @param next the move under way, or null when none is.
     * @return this entry with that move.
     */
    public SegmentLocation withMove(PendingMove next) {
        return new SegmentLocation(segment, tier, key, indexKey, location, compression, size, checksum, originalSize,
                firstSequence, endSequence, firstTimestamp, maxTimestamp, sealedAtMillis, next, version);
    }

    /**
     * @param done a move whose copy is verified.
     * @return the entry as it is once the move is done: in the move's tier, no move under way.
     */
    public SegmentLocation movedTo(PendingMove done) {
        return new SegmentLocation(segment, done.to(), done.key(), done.indexKey(), done.location(),
                done.compression(), done.size(), done.checksum(), originalSize, firstSequence, endSequence,
                firstTimestamp, maxTimestamp, sealedAtMillis, null, version);
    }
}
