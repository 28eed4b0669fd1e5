package chronicle.core.api;

import org.agrona.ErrorHandler;

/**
 * How a writer lays out and protects a queue. Start from a profile, {@link #hotIpc()} or {@link #archive()}, and
 * change what you need with the {@code with...} methods.
 *
 * @param segmentSize        bytes per segment file (64 KiB to 1 GiB, a multiple of 4096).
 * @param rollDaily          also roll when a record's timestamp crosses UTC midnight.
 * @param durability         when records reach the device.
 * @param syncIntervalMillis period of {@link Durability#SYNC_PERIODIC}.
 * @param index              the seek index policy.
 * @param retention          which sealed segments may be deleted.
 * @param pretouch           fault in pages ahead of the writer from a background thread.
 * @param recycleSegments    reuse the file of a segment that retention lets go (and no reader has mapped) for a new
 *                           segment: its pages are in memory already, where a new file's must be made. Only acts
 *                           when the retention policy deletes.
 * @param helperMode         where the writer's helper duties run: a dedicated thread, or the application's own
 *                           thread through {@link QueueWriter#helperInvoker()}.
 * @param errorHandler       receives every error of the writer's background work (the whole {@link Throwable});
 *                           assumed never to throw. Default: a {@link LoggingErrorHandler}.
 */
public record QueueOptions(int segmentSize, boolean rollDaily, Durability durability, long syncIntervalMillis,
                           IndexPolicy index, RetentionPolicy retention, boolean pretouch, boolean recycleSegments,
                           HelperMode helperMode, ErrorHandler errorHandler) {

    /** Smallest segment. */
    public static final int MIN_SEGMENT_SIZE = 64 * 1024;
    /** Largest segment: offsets are 32-bit. */
    public static final int MAX_SEGMENT_SIZE = 1 << 30;
    /** The profiles' error handler: one per process, so an error repeated by many writers is logged once. */
    private static final ErrorHandler DEFAULT_ERROR_HANDLER = new LoggingErrorHandler(QueueWriter.class.getName());

    /**
     * @throws IllegalArgumentException naming the bad value.
     */
    public QueueOptions {
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE || segmentSize % 4096 != 0) {
            throw new IllegalArgumentException("segmentSize " + segmentSize + " must be a multiple of 4096 between "
                    + MIN_SEGMENT_SIZE + " and " + MAX_SEGMENT_SIZE);
        }
        if (durability == null || index == null || retention == null || helperMode == null
                || errorHandler == null) {
            throw new IllegalArgumentException("durability, index, retention, helperMode and errorHandler are "
                    + "required");
        }
        if (syncIntervalMillis < 1) {
            throw new IllegalArgumentException("syncIntervalMillis must be >= 1, got " + syncIntervalMillis);
        }
    }

    /**
     * @return the hot IPC profile: 128 MiB segments, page cache durability, light index, keep everything (recycling
     *         on for when a retention policy is set).
     */
    public static QueueOptions hotIpc() {
        return new QueueOptions(128 << 20, false, Durability.PAGE_CACHE, 100, IndexPolicy.HOT,
                RetentionPolicy.KEEP_ALL, true, true, HelperMode.THREAD, DEFAULT_ERROR_HANDLER);
    }

    /** @return the archive profile: 128 MiB segments, synced on roll, aggressive index, keep everything. */
    public static QueueOptions archive() {
        return new QueueOptions(128 << 20, false, Durability.SYNC_ON_ROLL, 100, IndexPolicy.ARCHIVE,
                RetentionPolicy.KEEP_ALL, true, true, HelperMode.THREAD, DEFAULT_ERROR_HANDLER);
    }

    /** @param bytes segment size. @return a copy. */
    public QueueOptions withSegmentSize(int bytes) {
        return new QueueOptions(bytes, rollDaily, durability, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, helperMode, errorHandler);
    }

    /** @param daily roll at UTC midnight too. @return a copy. */
    public QueueOptions withRollDaily(boolean daily) {
        return new QueueOptions(segmentSize, daily, durability, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, helperMode, errorHandler);
    }

    /** @param mode durability mode. @return a copy. */
    public QueueOptions withDurability(Durability mode) {
        return new QueueOptions(segmentSize, rollDaily, mode, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, helperMode, errorHandler);
    }

    /** @param millis period of {@link Durability#SYNC_PERIODIC}. @return a copy. */
    public QueueOptions withSyncIntervalMillis(long millis) {
        return new QueueOptions(segmentSize, rollDaily, durability, millis, index, retention, pretouch,
                recycleSegments, helperMode, errorHandler);
    }

    /** @param policy index policy. @return a copy. */
    public QueueOptions withIndex(IndexPolicy policy) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, policy, retention, pretouch,
                recycleSegments, helperMode, errorHandler);
    }

    /** @param policy retention policy. @return a copy. */
    public QueueOptions withRetention(RetentionPolicy policy) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, policy, pretouch,
                recycleSegments, helperMode, errorHandler);
    }

    /** @param enabled background pre-touch. @return a copy. */
    public QueueOptions withPretouch(boolean enabled) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, retention, enabled,
                recycleSegments, helperMode, errorHandler);
    }

    /** @param enabled reuse the files of segments retention lets go. @return a copy. */
    public QueueOptions withRecycleSegments(boolean enabled) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, retention, pretouch,
                enabled, helperMode, errorHandler);
    }

    /** @param mode where the writer's helper duties run. @return a copy. */
    public QueueOptions withHelperMode(HelperMode mode) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, mode, errorHandler);
    }

    /** @param handler receives the errors of the writer's background work. @return a copy. */
    public QueueOptions withErrorHandler(ErrorHandler handler) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, helperMode, handler);
    }
}
