package chronicle.storage.internal.raw;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueInfo;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import chronicle.storage.api.SegmentMeta;

import java.io.IOException;

/**
 * The earliest and latest record timestamps of one sealed segment. The header keeps the greatest timestamp and the
 * first record's, but writers' timestamps need not rise, and the archive is partitioned by the earliest: so the
 * records are walked (zero copy, from the page cache the copy reads next anyway).
 */
final class EventTimes implements RecordHandler {

    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    private EventTimes() {
    }

    /**
     * @param queue   the source queue.
     * @param segment a sealed segment of it.
     * @return its event-time range, or null if it has no records.
     * @throws IOException if the records cannot be read to the segment's end.
     */
    static SegmentMeta.TimeRange of(ChronicleQueue queue, QueueInfo.Segment segment) throws IOException {
        if (segment.records() == 0) {
            return null;
        }
        long end = segment.baseSequence() + segment.records();
        EventTimes times = new EventTimes();
        try (QueueReader reader = queue.createReader(StartPosition.sequence(segment.baseSequence()))) {
            while (reader.nextSequence() < end) {
                int read = reader.poll(times, (int) Math.min(4096, end - reader.nextSequence()));
                if (read <= 0) {
                    throw new IOException(segment.file() + ": records end at sequence " + reader.nextSequence()
                            + ", before the sealed count says (" + end + ")"
                            + (read < 0 ? ": " + reader.lastError() : ""));
                }
            }
        }
        return new SegmentMeta.TimeRange(times.min, times.max);
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, org.agrona.DirectBuffer buffer, int offset,
                         int length) {
        min = Math.min(min, timestamp);
        max = Math.max(max, timestamp);
    }
}
