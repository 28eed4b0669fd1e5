package chronicle.storage.api;

import chronicle.core.api.QueueInspector;
import chronicle.core.api.QueueWriter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Writes raw queues for the archiver's tests: records at given times, rolls, and waits for seals. */
final class RawQueues {

    private RawQueues() {
    }

    /** @return epoch nanoseconds of an ISO instant such as {@code 2024-01-02T10:00:00Z}. */
    static long nanos(String instant) {
        Instant at = Instant.parse(instant);
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    /** Appends {@code count} records of {@code size} bytes, one millisecond apart from {@code first}. */
    static void append(QueueWriter writer, long first, int count, int size) {
        byte[] payload = new byte[size];
        for (int i = 0; i < count; i++) {
            payload[i % size] = (byte) i;
            writer.append(7, first + i * 1_000_000L, payload);
        }
    }

    /** Waits until the writer's helper has sealed the header of a segment. */
    static void awaitSealed(Path queue, long segment) throws InterruptedException {
        Path file = queue.resolve(String.format("%09d.q", segment));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!QueueInspector.headerSealed(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " was never sealed");
            }
            Thread.sleep(5);
        }
    }
}
