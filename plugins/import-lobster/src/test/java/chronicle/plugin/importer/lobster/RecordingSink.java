package chronicle.plugin.importer.lobster;

import chronicle.ingest.spi.EventSink;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/** An in-memory sink: copies every record, and every gap call, into lists (and both, in order, into one). */
final class RecordingSink implements EventSink {

    /** One appended record, copied. */
    record Record(int type, long journalTimestamp, byte[] bytes) {

        UnsafeBuffer buffer() {
            return new UnsafeBuffer(bytes);
        }

        EventHeader header() {
            return new EventHeader().wrap(buffer(), 0);
        }

        L3Events events() {
            return new L3Events().wrap(buffer(), header().bodyOffset());
        }

        /** @return event i as {@code ACTION side id price size}, for assertions. */
        String event(int i) {
            L3Events e = events();
            return L3Action.of(e.actionCode(i)) + " " + Side.of(e.sideCode(i)).label() + " " + e.orderId(i) + " "
                    + e.price(i) + " " + e.size(i);
        }
    }

    /** One call of {@link EventSink#gap}. */
    record GapCall(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
    }

    final List<Record> records = new ArrayList<>();
    final List<GapCall> gaps = new ArrayList<>();
    /** Records and gap calls, in the order they came. */
    final List<Object> all = new ArrayList<>();

    @Override
    public void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length) {
        byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        Record record = new Record(type, journalTimestamp, copy);
        records.add(record);
        all.add(record);
    }

    @Override
    public void gap(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
        GapCall gap = new GapCall(journalTimestamp, fromId, toId, reason, note);
        gaps.add(gap);
        all.add(gap);
    }
}
