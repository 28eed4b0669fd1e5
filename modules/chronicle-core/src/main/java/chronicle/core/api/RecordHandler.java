package chronicle.core.api;

import org.agrona.DirectBuffer;

/**
 * Receives records from {@link QueueReader#poll}. The buffer is the mapped segment itself (zero copy): read the
 * payload during the call; copy it if it must outlive the call.
 */
@FunctionalInterface
public interface RecordHandler {

    /**
     * @param type      the record's type id.
     * @param sequence  its sequence number, global to the queue.
     * @param timestamp its timestamp, epoch nanoseconds as given by the writer.
     * @param buffer    the buffer holding the payload.
     * @param offset    at which the payload begins.
     * @param length    of the payload in bytes.
     */
    void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length);
}
