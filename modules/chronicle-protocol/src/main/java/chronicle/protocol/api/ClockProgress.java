package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Body of {@link OrderMessageType#CLOCK_PROGRESS}: how far one side of a market-time replay has come, so that the
 * other side may go ahead (docs/LIVE.md, "Market time"). A strategy writes it to its orders queue: it will send
 * nothing stamped earlier than the watermark. The router's venue writes it to the strategy's responses queue:
 * everything it processes from now on at the market happens at the watermark or later, every report of earlier market
 * events is already written ahead of this record, and so is every report of the requests it counts as processed.
 *
 * <pre>
 *  0                   8                   16                  24                  28        30        32
 *  +-------------------+-------------------+-------------------+-------------------+---------+---------+
 *  | processed         | strategy id       | watermark (ns)    | 0                 | 0       | 0       |
 *  +-------------------+-------------------+-------------------+-------------------+---------+---------+
 *  watermark: epoch nanoseconds of market time; Long.MAX_VALUE: this side has finished.
 *  processed (venue to strategy; 0 the other way): how many of the strategy's requests (new, cancel, modify) the
 *  venue has handled; their reports are all ahead of this record.
 * </pre>
 */
public final class ClockProgress extends OrderMessage {

    /** Body length. */
    public static final int LENGTH = 32;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public ClockProgress wrap(DirectBuffer buffer, int offset) {
        point(buffer, offset);
        return this;
    }

    /** @return how many of the strategy's requests the venue has handled (venue to strategy). */
    public long processed() {
        return clientOrderId();
    }

    /** @return the watermark, epoch nanoseconds of market time ({@link Long#MAX_VALUE}: finished). */
    public long watermark() {
        return sendTime();
    }

    /**
     * @param processed  requests handled (venue to strategy), or 0.
     * @param strategyId the strategy's id (whose queue it is in).
     * @param watermark  epoch nanoseconds of market time.
     * @return {@link #LENGTH}.
     */
    public int set(long processed, long strategyId, long watermark) {
        MutableDirectBuffer out = writePrefix(processed, strategyId, watermark, 0, 0);
        out.putShort(offset + 30, (short) 0);
        return LENGTH;
    }
}
