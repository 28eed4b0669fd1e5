package chronicle.etl.internal.refine;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.EventHeader;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

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

    /**
     * The archive profile: each writer's helper thread prepares and pre-touches the next pages (measured: the
     * refinery twice as fast as with the first touch of every page on its own thread) and syncs sealed segments.
     */
    private static final QueueOptions OPTIONS = QueueOptions.archive();

    private final Path dir;
    private final long epochDay;
    private final EventHeader header = new EventHeader();
    private ChronicleQueue queue;
    private QueueWriter writer;
    private long lastRaw = -1;
    private long lastTimestamp = Long.MIN_VALUE;
    private boolean existed;
    private boolean needsOpeningSnapshot;

    private CleanQueue(Path dir, LocalDate day) {
        this.dir = dir;
        this.epochDay = day.toEpochDay();
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
     * Appends a copy of a record whose event header's {@code sequence} is set to the raw sequence on the way:
     * written in place into the queue (one copy).
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
        long status = writer.claim(length, timestamp);
        if (status < 0) {
            throw new QueueException(dir + ": cannot append a record of " + length + " bytes (status " + status
                    + ")");
        }
        MutableDirectBuffer room = writer.claimBuffer();
        room.putBytes(0, buffer, offset, length);
        header.wrap(room, 0).sequence(rawSequence);
        long sequence = writer.commit(type, timestamp, length);
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

    /** @return its UTC day as days since 1970-01-01. */
    long epochDay() {
        return epochDay;
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
