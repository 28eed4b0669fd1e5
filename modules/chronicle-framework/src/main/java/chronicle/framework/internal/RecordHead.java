package chronicle.framework.internal;

import chronicle.core.api.QueueException;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The next record of a queue, read ahead and held (copied) until it is handed on: in market time a record may be
 * applied only once the other side has come far enough, which its timestamp decides. The copy buffer grows to the
 * longest record seen, so steady state allocates nothing. <b>One thread only.</b>
 */
final class RecordHead implements RecordHandler {

    private final QueueReader reader;
    private UnsafeBuffer copy = new UnsafeBuffer(new byte[4096]);
    private boolean held;
    private int type;
    private long sequence;
    private long timestamp;
    private int length;

    RecordHead(QueueReader reader) {
        this.reader = reader;
    }

    /** @return whether a record is held (reading the next one if none was). */
    boolean poll() {
        if (!held && reader.poll(this, 1) == QueueReader.CORRUPT) {
            throw new QueueException(reader.lastError());
        }
        return held;
    }

    /** @return whether a record is held now (without reading). */
    boolean held() {
        return held;
    }

    /** @return the held record's journal timestamp. */
    long timestamp() {
        return timestamp;
    }

    /** @return the held record's type id. */
    int type() {
        return type;
    }

    /** @return the held record's copy (its body starts at 0). */
    DirectBuffer buffer() {
        return copy;
    }

    /** Hands the held record on and lets the next one be read. */
    void deliver(RecordHandler handler) {
        held = false;
        handler.onRecord(type, sequence, timestamp, copy, 0, length);
    }

    /** @return the reader (its writer's state, its position). */
    QueueReader reader() {
        return reader;
    }

    @Override
    public void onRecord(int recordType, long recordSequence, long recordTimestamp, DirectBuffer buffer, int offset,
                         int recordLength) {
        if (recordLength > copy.capacity()) {
            copy = new UnsafeBuffer(new byte[Math.max(recordLength, copy.capacity() * 2)]);
        }
        copy.putBytes(0, buffer, offset, recordLength);
        held = true;
        type = recordType;
        sequence = recordSequence;
        timestamp = recordTimestamp;
        length = recordLength;
    }
}
