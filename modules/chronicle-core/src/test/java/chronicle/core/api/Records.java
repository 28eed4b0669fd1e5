package chronicle.core.api;

import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/** Test helpers: deterministic payloads by sequence, and a handler that collects what it reads. */
final class Records {

    private Records() {
    }

    /** A payload whose length (0..199) and bytes follow from its sequence. */
    static byte[] payload(long sequence) {
        byte[] bytes = new byte[(int) ((sequence * 7919) % 200)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (sequence * 31 + i);
        }
        return bytes;
    }

    static long timestamp(long sequence) {
        return 1_700_000_000_000_000_000L + sequence * 1_000L;
    }

    /** One record as read. */
    record Read(int type, long sequence, long timestamp, byte[] payload) {
    }

    /** Collects records. */
    static final class Collector implements RecordHandler {
        final List<Read> records = new ArrayList<>();

        @Override
        public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
            byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            records.add(new Read(type, sequence, timestamp, copy));
        }
    }

    /** Reads everything available now. */
    static List<Read> drain(QueueReader reader) {
        Collector collector = new Collector();
        while (true) {
            int n = reader.poll(collector, 1000);
            if (n < 0) {
                throw new AssertionError("corrupt: " + reader.lastError());
            }
            if (n == 0) {
                return collector.records;
            }
        }
    }
}
