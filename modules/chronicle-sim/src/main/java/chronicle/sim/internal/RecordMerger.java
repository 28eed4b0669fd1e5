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

    /** @return the timestamp of the next record, or {@link Long#MAX_VALUE} when every stream has ended. */
    long nextTimestamp() {
        StreamCursor next = next();
        return next == null ? Long.MAX_VALUE : next.timestamp();
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
