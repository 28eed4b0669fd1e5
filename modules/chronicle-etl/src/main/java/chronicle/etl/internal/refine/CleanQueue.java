package chronicle.etl.internal.refine;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.HelperMode;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.EventHeader;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One day of one clean stream of one market: {@code <sink>/<venue>/<symbol>/<date>/<stream>/queue}, written by one
 * refinery. Every record it holds carries, in its event header's {@code sequence}, the raw queue's sequence of the
 * record it came from (an injected snapshot: that of the record it follows), so the last record tells how far the
 * stream got: a record of the raw queue at or before that is never written again (exactly once across crashes).
 *
 * <p>The writer is opened at the first record to write, which claims the queue: a second refinery taking the same
 * symbol fails there with one line. <b>Not thread-safe.</b>
 */
final class CleanQueue implements AutoCloseable {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    /**
     * Each clean queue's staging buffer: its records reach the file 64 KiB at a time, one {@code write(2)} each, and
     * are published every megabyte or at the refinery's commit. Measured in {@code RefineBenchmark}: as fast as
     * 128 and 256 KiB, faster than 32 KiB; 128 MiB for the two thousand queues of a thousand markets.
     */
    static final int STAGING_BYTES = 64 << 10;

    /**
     * The archive profile, with the writers' helper duties run by the refinery's own thread between batches
     * ({@link #runDuties}) and no pre-touch: a refinery of a thousand markets writes two thousand queues, and a
     * helper thread for each, pre-touching 32 MiB ahead of each writer and of each next segment, would take two
     * thousand threads and about 125 GiB of memory. Measured on one refinery of 16 queues ({@code RefineBenchmark}):
     * as fast as with a helper thread and pre-touch for each. Records are staged and written a stage at a time
     * ({@link #STAGING_BYTES}), published every megabyte written and at each {@link #flush}.
     */
    private static final QueueOptions OPTIONS = QueueOptions.archive().withHelperMode(HelperMode.INVOKER)
            .withPretouch(false).withStagingBytes(STAGING_BYTES);

    private final Path dir;
    private final long dayStart;
    private final long dayEnd;
    private final EventHeader header = new EventHeader();
    private ChronicleQueue queue;
    private QueueWriter writer;
    private long lastRaw = -1;
    private long lastTimestamp = Long.MIN_VALUE;
    private boolean existed;
    private boolean needsOpeningSnapshot;

    private CleanQueue(Path dir, LocalDate day) {
        this.dir = dir;
        this.dayStart = day.toEpochDay() * NANOS_PER_DAY;
        this.dayEnd = dayStart + NANOS_PER_DAY;
    }

    /**
     * Opens a day's clean queue and reads how far it got (without writing to it).
     *
     * @param dir the queue's directory (need not exist).
     * @param day its UTC day.
     * @return the queue.
     */
    static CleanQueue open(Path dir, LocalDate day) {
        CleanQueue clean = new CleanQueue(dir, day);
        if (ChronicleQueue.isQueue(dir)) {
            clean.existed = true;
            try (ChronicleQueue q = ChronicleQueue.openExisting(dir);
                 QueueReader tail = q.createReader(StartPosition.latest())) {
                long next = tail.nextSequence();
                if (next > 0) {
                    try (QueueReader last = q.createReader(StartPosition.sequence(next - 1))) {
                        last.poll((type, sequence, timestamp, buffer, offset, length) -> {
                            clean.lastTimestamp = timestamp;
                            if (length >= EventHeader.LENGTH_V1) {
                                clean.lastRaw = clean.header.wrap(buffer, offset).sequence();
                            }
                        }, 1);
                    }
                }
            }
        }
        return clean;
    }

    /**
     * Appends a copy of a record whose event header's {@code sequence} is set to the raw sequence on the way (one
     * pass over its bytes).
     *
     * @param type        message type id.
     * @param timestamp   journal time.
     * @param buffer      the record as read.
     * @param offset      where it begins.
     * @param length      its length (at least an event header).
     * @param rawSequence the raw sequence it stands for, written into its header.
     * @return the clean queue's sequence of the record.
     * @throws QueueException naming the queue if it cannot be claimed or written.
     */
    long append(int type, long timestamp, DirectBuffer buffer, int offset, int length, long rawSequence) {
        if (writer == null) {
            claim();
        }
        long sequence = writer.appendStamped(type, timestamp, buffer, offset, length, EventHeader.SEQUENCE_OFFSET,
                rawSequence);
        if (sequence < 0) {
            throw new QueueException(dir + ": cannot append a record of " + length + " bytes (status " + sequence
                    + ")");
        }
        lastRaw = Math.max(lastRaw, rawSequence);
        lastTimestamp = timestamp;
        return sequence;
    }

    private void claim() {
        try {
            queue = ChronicleQueue.open(dir, OPTIONS);
            writer = queue.createWriter();
        } catch (QueueException e) {
            if (queue != null) {
                queue.close();
                queue = null;
            }
            throw new QueueException(dir + ": cannot be written by this refinery (" + e.getMessage() + "); each "
                    + "symbol has one refinery: give the refineries --symbol patterns that do not overlap");
        }
    }

    /**
     * Publishes what it has staged: called before the refinery commits its position in the raw queue, so that a
     * committed raw record is always in its clean queue (exactly once across crashes).
     */
    void flush() {
        if (writer != null) {
            writer.flush();
        }
    }

    /** Runs a step of its writer's helper duties on this thread (its writer has no helper thread). */
    void runDuties() {
        if (writer != null) {
            writer.helperInvoker().invoke();
        }
    }

    /** @return the raw sequence of its last record, or -1 if it is empty. */
    long lastRaw() {
        return lastRaw;
    }

    /** @return the journal time of its last record, or {@link Long#MIN_VALUE}. */
    long lastTimestamp() {
        return lastTimestamp;
    }

    /** @return whether the next record written this run must be preceded by a snapshot of the book. */
    boolean needsOpeningSnapshot() {
        return needsOpeningSnapshot;
    }

    /** @param needed whether the next record written this run must be preceded by a snapshot of the book. */
    void needsOpeningSnapshot(boolean needed) {
        needsOpeningSnapshot = needed;
    }

    /** @return whether the queue held records before this refinery opened it. */
    boolean existed() {
        return existed;
    }

    /** @return its directory. */
    Path directory() {
        return dir;
    }

    /** @param timestamp journal time. @return its UTC day. */
    static LocalDate utcDay(long timestamp) {
        return LocalDate.ofEpochDay(Math.floorDiv(timestamp, NANOS_PER_DAY));
    }

    /** @param timestamp journal time. @return whether it falls on this queue's UTC day. */
    boolean holds(long timestamp) {
        return timestamp >= dayStart && timestamp < dayEnd;
    }

    /** Seals it: the day is over, its segments may be verified and tiered. */
    void finish() {
        if (writer == null && existed) {
            claim(); // a day left open by an earlier run: seal it now
        }
        if (writer != null) {
            writer.finish();
            writer = null;
        }
        close();
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (queue != null) {
            queue.close();
            queue = null;
        }
    }
}
