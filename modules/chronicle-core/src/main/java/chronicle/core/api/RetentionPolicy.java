package chronicle.core.api;

import java.time.Duration;

/**
 * Which sealed segments may be deleted. A segment is a candidate when there are more than {@code maxSegments}
 * segments, when it was sealed longer ago than {@code maxAge}, or when the queue holds more than {@code maxBytes};
 * a candidate is deleted (with its index) only when every live registered reader has passed it. The active
 * segment is never deleted.
 *
 * <p>Readers that do not protect: a <em>dead</em> reader (its process is gone and its last heartbeat is older than
 * {@code deadReaderTimeout}) never does; a reader more than {@code maxReaderLagSegments} segments behind the writer
 * keeps protecting under {@link LaggingReaders#PROTECT} and stops under {@link LaggingReaders#RELEASE}. Each such
 * decision is logged with the reader's name.
 *
 * @param maxSegments          keep at most this many segments (0: no limit).
 * @param maxAge               delete segments sealed longer ago (null: no limit).
 * @param maxBytes             keep at most this many bytes of segments (0: no limit).
 * @param deadReaderTimeout    heartbeat age after which a reader whose process is gone stops protecting.
 * @param maxReaderLagSegments lag beyond which {@code laggingReaders} applies (0: no limit).
 * @param laggingReaders       what a hopelessly lagging reader's registration does.
 */
public record RetentionPolicy(int maxSegments, Duration maxAge, long maxBytes, Duration deadReaderTimeout,
                              int maxReaderLagSegments, LaggingReaders laggingReaders) {

    /** Keep everything. */
    public static final RetentionPolicy KEEP_ALL =
            new RetentionPolicy(0, null, 0, Duration.ofMinutes(5), 0, LaggingReaders.PROTECT);

    /** What a reader too far behind does to retention. */
    public enum LaggingReaders {
        /** keep protecting its segments: the disk may fill, no data is lost for it. */
        PROTECT,
        /** stop protecting: its segments may be deleted; it resumes at the earliest segment left. */
        RELEASE
    }

    /**
     * @param segments keep at most this many segments.
     * @return a policy that keeps the newest {@code segments} segments (registered readers permitting).
     */
    public static RetentionPolicy keepSegments(int segments) {
        return new RetentionPolicy(segments, null, 0, Duration.ofMinutes(5), 0, LaggingReaders.PROTECT);
    }

    /** @return whether this policy ever deletes anything. */
    public boolean deletes() {
        return maxSegments > 0 || maxAge != null || maxBytes > 0;
    }

    /**
     * @param timeout heartbeat age after which a reader whose process is gone stops protecting.
     * @return a copy with that timeout.
     */
    public RetentionPolicy withDeadReaderTimeout(Duration timeout) {
        return new RetentionPolicy(maxSegments, maxAge, maxBytes, timeout, maxReaderLagSegments, laggingReaders);
    }

    /**
     * @param segments lag in segments beyond which the policy applies.
     * @param policy   what happens then.
     * @return a copy with that lagging-reader policy.
     */
    public RetentionPolicy withLaggingReaders(int segments, LaggingReaders policy) {
        return new RetentionPolicy(maxSegments, maxAge, maxBytes, deadReaderTimeout, segments, policy);
    }
}
