package chronicle.feed.binance.internal;

import chronicle.core.api.QueueWriter;
import chronicle.ingest.spi.EventHeaderWriter;
import chronicle.ingest.spi.EventSink;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.Gap;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.StreamKind;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends one market's records to the raw queue. Journal timestamps never go backwards (diffs buffered during a
 * resynchronisation are appended after the snapshot that was received later); the header keeps each record's own
 * ingest time. Gap markers are written as the import pipeline writes them (a book-stream gap record, exponents 0).
 * A failed append is counted, never thrown: the feed reports it. <b>Not thread-safe.</b>
 */
public final class QueueSink implements EventSink {

    /** The state the sinks of one queue share. */
    public static final class Shared {
        private final QueueWriter writer;
        private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EventHeader.LENGTH + Gap.length(Gap.MAX_NOTE)]);
        private final Gap gap = new Gap();
        private long lastTimestamp = Long.MIN_VALUE;
        private long appended;
        private long gaps;
        private long failures;
        private long lastFailure;

        /** @param writer the raw queue's writer. */
        public Shared(QueueWriter writer) {
            this.writer = writer;
        }

        /** @return records appended. */
        public long appended() {
            return appended;
        }

        /** @return gap markers appended (counted in {@link #appended()} too). */
        public long gaps() {
            return gaps;
        }

        /** @return appends the writer refused. */
        public long failures() {
            return failures;
        }

        /** @return the writer's status of the last refused append. */
        public long lastFailure() {
            return lastFailure;
        }

        /** @return the journal time of the last record appended. */
        public long lastTimestamp() {
            return lastTimestamp;
        }
    }

    private final Shared shared;
    private final EventHeaderWriter gapHeader;

    /**
     * @param shared   the queue's state.
     * @param venueId  the venue's id.
     * @param marketId the market's id.
     */
    public QueueSink(Shared shared, int venueId, long marketId) {
        this.shared = shared;
        this.gapHeader = new EventHeaderWriter(venueId, marketId, 0, 0);
    }

    @Override
    public void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length) {
        long timestamp = Math.max(journalTimestamp, shared.lastTimestamp);
        long sequence = shared.writer.append(type, timestamp, buffer, offset, length);
        if (sequence < 0) {
            shared.failures++;
            shared.lastFailure = sequence;
            return;
        }
        shared.lastTimestamp = timestamp;
        shared.appended++;
    }

    @Override
    public void gap(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
        EventHeader header = gapHeader.begin(shared.scratch, 0, StreamKind.BOOK, EventType.GAP, BookMode.NONE,
                journalTimestamp, journalTimestamp);
        int length = shared.gap.wrap(shared.scratch, header.bodyOffset()).set(fromId, toId, reason, note);
        shared.gaps++;
        append(MessageType.GAP.id(), journalTimestamp, shared.scratch, 0, EventHeader.LENGTH + length);
    }
}
