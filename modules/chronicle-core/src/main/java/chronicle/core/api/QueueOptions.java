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
 * @param stagingBytes       0 (the profiles): each record is stored in place through the mapping and readers see
 *                           it at once. Otherwise the size of a staging buffer for bulk writers (a refinery, an
 *                           import): records are composed there and written to the file a stage at a time with one
 *                           {@code write(2)}, then published with one store; readers see them once a megabyte is
 *                           written or when the writer calls {@link QueueWriter#flush()} (rolls, syncs and closes
 *                           flush too).
 *                           Where fresh pages of a mapping are slow to make (a page fault each, with the page
 *                           zeroed first), the file system's own write path is steadier and faster. 4 KiB to
 *                           16 MiB, a multiple of 8; ignored with {@link Durability#SYNC_EVERY_APPEND}.
 */
public record QueueOptions(int segmentSize, boolean rollDaily, Durability durability, long syncIntervalMillis,
                           IndexPolicy index, RetentionPolicy retention, boolean pretouch, boolean recycleSegments,
                           HelperMode helperMode, ErrorHandler errorHandler, int stagingBytes) {

    /** Smallest segment. */
    public static final int MIN_SEGMENT_SIZE = 64 * 1024;
    /** Largest segment: offsets are 32-bit. */
    public static final int MAX_SEGMENT_SIZE = 1 << 30;
    /** Smallest staging buffer. */
    public static final int MIN_STAGING = 4 << 10;
    /** Largest staging buffer. */
    public static final int MAX_STAGING = 16 << 20;
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
        if (stagingBytes != 0 && (stagingBytes < MIN_STAGING || stagingBytes > MAX_STAGING
                || stagingBytes % 8 != 0)) {
            throw new IllegalArgumentException("stagingBytes " + stagingBytes + " must be 0 (records stored in place) "
                    + "or a multiple of 8 between " + MIN_STAGING + " and " + MAX_STAGING);
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
                RetentionPolicy.KEEP_ALL, true, true, HelperMode.THREAD, DEFAULT_ERROR_HANDLER, 0);
    }

    /** @return the archive profile: 128 MiB segments, synced on roll, aggressive index, keep everything. */
    public static QueueOptions archive() {
        return new QueueOptions(128 << 20, false, Durability.SYNC_ON_ROLL, 100, IndexPolicy.ARCHIVE,
                RetentionPolicy.KEEP_ALL, true, true, HelperMode.THREAD, DEFAULT_ERROR_HANDLER, 0);
    }

    /** @param bytes segment size. @return a copy. */
    public QueueOptions withSegmentSize(int bytes) {
        return new QueueOptions(bytes, rollDaily, durability, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, helperMode, errorHandler, stagingBytes);
    }

    /** @param daily roll at UTC midnight too. @return a copy. */
    public QueueOptions withRollDaily(boolean daily) {
        return new QueueOptions(segmentSize, daily, durability, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, helperMode, errorHandler, stagingBytes);
    }

    /** @param mode durability mode. @return a copy. */
    public QueueOptions withDurability(Durability mode) {
        return new QueueOptions(segmentSize, rollDaily, mode, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, helperMode, errorHandler, stagingBytes);
    }

    /** @param millis period of {@link Durability#SYNC_PERIODIC}. @return a copy. */
    public QueueOptions withSyncIntervalMillis(long millis) {
        return new QueueOptions(segmentSize, rollDaily, durability, millis, index, retention, pretouch,
                recycleSegments, helperMode, errorHandler, stagingBytes);
    }

    /** @param policy index policy. @return a copy. */
    public QueueOptions withIndex(IndexPolicy policy) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, policy, retention, pretouch,
                recycleSegments, helperMode, errorHandler, stagingBytes);
    }

    /** @param policy retention policy. @return a copy. */
    public QueueOptions withRetention(RetentionPolicy policy) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, policy, pretouch,
                recycleSegments, helperMode, errorHandler, stagingBytes);
    }

    /** @param enabled background pre-touch. @return a copy. */
    public QueueOptions withPretouch(boolean enabled) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, retention, enabled,
                recycleSegments, helperMode, errorHandler, stagingBytes);
    }

    /** @param enabled reuse the files of segments retention lets go. @return a copy. */
    public QueueOptions withRecycleSegments(boolean enabled) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, retention, pretouch,
                enabled, helperMode, errorHandler, stagingBytes);
    }

    /** @param mode where the writer's helper duties run. @return a copy. */
    public QueueOptions withHelperMode(HelperMode mode) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, mode, errorHandler, stagingBytes);
    }

    /** @param handler receives the errors of the writer's background work. @return a copy. */
    public QueueOptions withErrorHandler(ErrorHandler handler) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, helperMode, handler, stagingBytes);
    }

    /** @return whether the writer stages records ({@link #stagingBytes()}, not ignored by the durability mode). */
    public boolean stagesWrites() {
        return stagingBytes > 0 && durability != Durability.SYNC_EVERY_APPEND;
    }

    /**
     * @param bytes the staging buffer of a bulk writer, or 0 to store each record in place (see
     *              {@link #stagingBytes()}).
     * @return a copy.
     */
    public QueueOptions withStagingBytes(int bytes) {
        return new QueueOptions(segmentSize, rollDaily, durability, syncIntervalMillis, index, retention, pretouch,
                recycleSegments, helperMode, errorHandler, bytes);
    }
}
