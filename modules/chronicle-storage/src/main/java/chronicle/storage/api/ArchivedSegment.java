package chronicle.storage.api;

import java.nio.file.Path;

/**
 * One segment a {@link RawArchiver} pass archived (or found archived already).
 *
 * @param source      the segment file in the queue.
 * @param destination the archive's main copy: the {@code .q}, or the {@code .q.zst} when only that is kept.
 * @param entry       its entry in {@code meta.json}.
 */
public record ArchivedSegment(Path source, Path destination, SegmentMeta.Segment entry) {
}
