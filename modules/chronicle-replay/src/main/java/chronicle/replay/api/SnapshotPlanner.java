package chronicle.replay.api;

/**
 * When the next snapshot is due: after an interval of stream time, a number of records, or a number of bytes
 * since the last one, whichever comes first (0 turns a trigger off).
 *
 * @param intervalNanos stream time between snapshots (journal timestamps), or 0.
 * @param everyRecords  records of the market between snapshots, or 0.
 * @param everyBytes    payload bytes of the market between snapshots, or 0.
 */
public record SnapshotPlanner(long intervalNanos, long everyRecords, long everyBytes) {

    /**
     * @throws IllegalArgumentException if every trigger is off or one is negative.
     */
    public SnapshotPlanner {
        if (intervalNanos < 0 || everyRecords < 0 || everyBytes < 0
                || intervalNanos == 0 && everyRecords == 0 && everyBytes == 0) {
            throw new IllegalArgumentException("a snapshot planner needs at least one positive trigger "
                    + "(interval, records or bytes)");
        }
    }

    /**
     * @param lastSnapshotTimestamp journal timestamp of the last snapshot (Long.MIN_VALUE: none yet).
     * @param now                   journal timestamp of the record just applied.
     * @param recordsSince          records applied since the last snapshot.
     * @param bytesSince            their payload bytes.
     * @return whether to take a snapshot now.
     */
    public boolean due(long lastSnapshotTimestamp, long now, long recordsSince, long bytesSince) {
        if (recordsSince == 0) {
            return false;
        }
        if (lastSnapshotTimestamp == Long.MIN_VALUE) {
            return true;
        }
        return intervalNanos > 0 && now - lastSnapshotTimestamp >= intervalNanos
                || everyRecords > 0 && recordsSince >= everyRecords
                || everyBytes > 0 && bytesSince >= everyBytes;
    }
}
