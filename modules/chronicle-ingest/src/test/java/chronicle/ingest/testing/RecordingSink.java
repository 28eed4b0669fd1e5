package chronicle.ingest.testing;

import chronicle.core.api.RecordHandler;
import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportSource;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sink of adapter tests: copies every record, and every gap marker, into lists (and both, in the order they
 * came, into {@link #all}). Shared by the tests of every vendor adapter through chronicle-ingest's test jar.
 */
public final class RecordingSink implements EventSink {

    /**
     * One appended record, copied.
     *
     * @param type             the journal type id.
     * @param journalTimestamp its journal time.
     * @param bytes            the record: header and body.
     */
    public record Record(int type, long journalTimestamp, byte[] bytes) {

        /** @return the record's bytes as a buffer. */
        public UnsafeBuffer buffer() {
            return new UnsafeBuffer(bytes);
        }

        /** @return its header. */
        public EventHeader header() {
            return new EventHeader().wrap(buffer(), 0);
        }

        /** @return its message type. */
        public MessageType messageType() {
            return MessageType.of(type);
        }

        /** @return its body as L2 levels. */
        public L2Levels levels() {
            return new L2Levels().wrap(buffer(), header().bodyOffset());
        }

        /** @return the L2 levels as "side price size" strings, prices and sizes as mantissas. */
        public List<String> levelList() {
            L2Levels l = levels();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.count(); i++) {
                out.add(Side.of(l.sideCode(i)).label() + " " + l.price(i) + " " + l.size(i));
            }
            return out;
        }

        /** @return its body as L3 events. */
        public L3Events events() {
            return new L3Events().wrap(buffer(), header().bodyOffset());
        }

        /**
         * @param i 0-based.
         * @return L3 event i as {@code ACTION side id price size}.
         */
        public String event(int i) {
            L3Events e = events();
            return L3Action.of(e.actionCode(i)) + " " + Side.of(e.sideCode(i)).label() + " " + e.orderId(i) + " "
                    + e.price(i) + " " + e.size(i);
        }
    }

    /**
     * One gap marker.
     *
     * @param journalTimestamp where in time.
     * @param fromId           first missing id.
     * @param toId             last missing id.
     * @param reason           why.
     * @param note             the adapter's note.
     */
    public record GapCall(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
    }

    /** The records, in order. */
    public final List<Record> records = new ArrayList<>();
    /** The gap markers, in order. */
    public final List<GapCall> gaps = new ArrayList<>();
    /** Records and gap markers, in the order they came: a {@link Record} or a {@link GapCall}. */
    public final List<Object> all = new ArrayList<>();

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

    /**
     * @param type a message type.
     * @return how many records of it were appended.
     */
    public long count(MessageType type) {
        return records.stream().filter(r -> r.type() == type.id()).count();
    }

    /** @return the journal times of records and gap markers, in the order they came. */
    public List<Long> times() {
        return all.stream().map(o -> o instanceof Record r ? r.journalTimestamp() : ((GapCall) o).journalTimestamp())
                .toList();
    }

    /**
     * Hands every record (not the gap markers) to a handler, as a queue reader would, sequence numbers from 0.
     *
     * @param handler for example a replay engine.
     * @param <H>     its type.
     * @return the handler.
     */
    public <H extends RecordHandler> H replay(H handler) {
        long sequence = 0;
        for (Record r : records) {
            handler.onRecord(r.type(), sequence++, r.journalTimestamp(), r.buffer(), 0, r.bytes().length);
        }
        return handler;
    }

    /**
     * Reads a source to its end into this sink.
     *
     * @param source an adapter's source (not closed here).
     * @return this sink.
     * @throws IOException what the source throws, for example an {@code ImportException} for bad input.
     */
    public RecordingSink drain(ImportSource source) throws IOException {
        while (source.next(this)) {
            // to the end
        }
        return this;
    }
}
