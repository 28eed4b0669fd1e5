package chronicle.core.internal.journal;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The fields a segment's header gets when it is sealed (marked * in {@link SegmentLayout}): how many records it
 * holds, where its data ends, its first and greatest timestamps. They are written after the end-of-segment marker,
 * which is what readers follow; at a roll the writer's helper thread writes them (the writer's thread would first
 * have to reach a page it last touched a whole segment ago), when recovering a dead writer's segment the opening
 * writer does.
 *
 * @param records        records in the segment.
 * @param dataEnd        offset of the end-of-segment marker.
 * @param firstTimestamp timestamp of the first record ({@code Long.MIN_VALUE} if none).
 * @param maxTimestamp   greatest timestamp ({@code Long.MIN_VALUE} if none).
 */
public record SegmentSeal(long records, long dataEnd, long firstTimestamp, long maxTimestamp) {

    /**
     * Stores the fields into a segment's header, then sets its sealed flag with a volatile store, so that whoever
     * sees the flag sees the fields.
     *
     * @param segment the segment's mapping (its header is at offset 0).
     */
    public void writeTo(UnsafeBuffer segment) {
        segment.putLong(SegmentLayout.RECORD_COUNT_OFFSET, records);
        segment.putLong(SegmentLayout.DATA_END_OFFSET, dataEnd);
        segment.putLong(SegmentLayout.FIRST_TIMESTAMP_OFFSET, firstTimestamp);
        segment.putLong(SegmentLayout.MAX_TIMESTAMP_OFFSET, maxTimestamp);
        segment.putIntVolatile(SegmentLayout.FLAGS_OFFSET,
                segment.getInt(SegmentLayout.FLAGS_OFFSET) | SegmentLayout.FLAG_SEALED);
    }
}
