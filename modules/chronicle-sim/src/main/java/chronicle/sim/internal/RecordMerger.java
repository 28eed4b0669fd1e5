package chronicle.sim.internal;

import chronicle.core.api.RecordHandler;

import java.util.List;

/**
 * Merges streams by record timestamp: the earliest held record goes first, equal timestamps in stream order (the
 * order the cursors were given), so a run replays the same records in the same order every time.
 */
final class RecordMerger implements AutoCloseable {

    private final StreamCursor[] cursors;

    RecordMerger(List<StreamCursor> cursors) {
        this.cursors = cursors.toArray(new StreamCursor[0]);
        for (StreamCursor c : this.cursors) {
            c.advance();
        }
    }

    /**
     * Hands the next record to a handler.
     *
     * @param handler the handler.
     * @return false when every stream has ended.
     */
    boolean deliverNext(RecordHandler handler) {
        StreamCursor next = next();
        if (next == null) {
            return false;
        }
        next.deliver(handler);
        next.advance();
        return true;
    }

    /**
     * Hands every record to a handler, in merged order; a single stream goes straight from its source (no copy).
     *
     * @param handler the handler.
     */
    void deliverAll(RecordHandler handler) {
        if (cursors.length == 1) {
            cursors[0].drainTo(handler);
            return;
        }
        while (deliverNext(handler)) {
            // the next record, whichever stream holds it
        }
    }

    private StreamCursor next() {
        StreamCursor best = null;
        for (StreamCursor c : cursors) {
            if (c.hasRecord() && (best == null || c.timestamp() < best.timestamp())) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public void close() {
        for (StreamCursor c : cursors) {
            c.close();
        }
    }
}
