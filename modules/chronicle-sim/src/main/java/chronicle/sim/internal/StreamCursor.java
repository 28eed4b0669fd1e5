package chronicle.sim.internal;

import chronicle.core.api.RecordHandler;
import chronicle.core.api.RecordSource;
import chronicle.core.api.StartPosition;
import chronicle.sim.api.BacktestException;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;

/**
 * One stream of one instrument over the run's days (each day its own source, opened when the one before ends),
 * holding its next record as a copy so that streams can be merged by time. Records stamped after the run's end
 * end the stream. Allocation-free per record once its copy buffer has grown.
 */
public final class StreamCursor implements RecordHandler, AutoCloseable {

    /**
     * A day of the stream.
     *
     * @param opener opens the day.
     * @param start  where reading begins.
     * @param label  names it in errors.
     */
    record Day(RecordSource.Opener opener, StartPosition start, String label) {
    }

    private final List<Day> days;
    private final long end;
    /** Records per poll when records go straight to a handler. */
    private static final int BATCH = 256;

    private final ExpandableArrayBuffer copy = new ExpandableArrayBuffer(256);
    private final RecordHandler direct = this::direct;
    private RecordHandler target;
    private boolean ended;
    private int nextDay;
    private RecordSource source;
    private String label;
    private boolean has;
    private int type;
    private long sequence;
    private long timestamp;
    private int length;

    /**
     * @param days the days, in order.
     * @param end  the run's end time: later records are not read.
     */
    StreamCursor(List<Day> days, long end) {
        this.days = days;
        this.end = end;
    }

    /** @return whether a record is held ({@link #timestamp()} is valid). */
    boolean hasRecord() {
        return has;
    }

    /** @return the held record's timestamp. */
    long timestamp() {
        return timestamp;
    }

    /**
     * Moves to the next record (the first call reads the first).
     *
     * @throws BacktestException at a damaged record.
     */
    void advance() {
        has = false;
        int n;
        while ((n = poll(this, 1)) >= 0) {
            if (n > 0) {
                if (timestamp > end) {
                    has = false;
                    nextDay = days.size();
                    closeSource();
                }
                return;
            }
            closeSource();
        }
    }

    /**
     * Hands the held record and every later one straight from the source to a handler, without copying, in batches:
     * the path of a run over one stream, where there is nothing to merge. Allocation-free.
     *
     * @param handler receives the records.
     * @throws BacktestException at a damaged record.
     */
    void drainTo(RecordHandler handler) {
        if (has) {
            has = false;
            deliver(handler);
        }
        target = handler;
        try {
            int n;
            while (!ended && (n = poll(direct, BATCH)) >= 0) {
                if (n == 0 || ended) {
                    closeSource();
                }
            }
        } finally {
            target = null;
        }
    }

    /**
     * Polls the current day's source, opening the next day first if there is none.
     *
     * @return records handed over (0: the day ended), or -1 when there is no day left.
     * @throws BacktestException at a damaged record.
     */
    private int poll(RecordHandler handler, int limit) {
        if (source == null) {
            if (nextDay == days.size()) {
                return -1;
            }
            Day day = days.get(nextDay++);
            source = day.opener().open(day.start());
            label = day.label();
        }
        int n = source.poll(handler, limit);
        if (n == RecordSource.CORRUPT) {
            throw new BacktestException(label + ": damaged record at sequence " + source.nextSequence() + ": "
                    + source.lastError());
        }
        return n;
    }

    private void direct(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (ended || timestamp > end) {
            ended = true; // records stamped after the run's end end the stream, as in advance()
            return;
        }
        target.onRecord(type, sequence, timestamp, buffer, offset, length);
    }

    /** @param handler receives the held record. */
    void deliver(RecordHandler handler) {
        handler.onRecord(type, sequence, timestamp, copy, 0, length);
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        this.type = type;
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.length = length;
        copy.putBytes(0, buffer, offset, length);
        has = true;
    }

    private void closeSource() {
        if (source != null) {
            source.close();
            source = null;
        }
    }

    @Override
    public void close() {
        closeSource();
    }
}
