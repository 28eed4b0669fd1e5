package chronicle.storage.api;

import chronicle.bus.api.Names;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link RawArchiver} archives and how.
 *
 * @param source      the raw queue whose sealed segments are archived (usually
 *                    {@code <bus>/streams/raw/<venue>/queue}).
 * @param archiveRoot the archive root; segments go to {@code <archive-root>/raw/v1/<venue>/<date>/raw/}.
 * @param venue       the venue, as the user spells it (encoded into the path with {@code Names}).
 * @param compress    also write each segment in the Zstandard seekable format ({@code 000000123.q.zst}).
 * @param retainQ     with {@code compress}: keep the plain {@code .q} copy beside the {@code .q.zst}; without
 *                    {@code compress} the {@code .q} is always kept.
 * @param pollMs      pause between passes of {@link RawArchiver#run}, milliseconds (at least 1).
 */
public record RawArchiverConfig(Path source, Path archiveRoot, String venue, boolean compress, boolean retainQ,
                                long pollMs) {

    /** The default pause between passes: 1 s. */
    public static final long DEFAULT_POLL_MS = 1_000;

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException naming the field if the venue is not a valid name or the pause is not
     *                                  positive.
     */
    public RawArchiverConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(archiveRoot, "archiveRoot");
        Names.encode("venue", venue);
        if (pollMs < 1) {
            throw new IllegalArgumentException("poll interval " + pollMs + " ms: give at least 1 ms");
        }
    }

    /**
     * @param source      the raw queue.
     * @param archiveRoot the archive root.
     * @param venue       the venue.
     * @return a configuration that keeps plain {@code .q} copies, polling every second.
     */
    public static RawArchiverConfig of(Path source, Path archiveRoot, String venue) {
        return new RawArchiverConfig(source, archiveRoot, venue, false, true, DEFAULT_POLL_MS);
    }

    /** @return whether the plain {@code .q} copy is kept in the archive. */
    public boolean keepsPlainCopy() {
        return !compress || retainQ;
    }
}
