package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.LevelBuffer;

/**
 * Groups the rows of an incremental_book_L2 file into venue messages: consecutive rows of the symbol with the same
 * {@code local_timestamp} and {@code is_snapshot} form one message, written as one record when the next message
 * begins (or the file ends). A snapshot message replaces the book; diffs before the first snapshot, and after a
 * snapshot that was skipped as bad, are dropped until the next snapshot.
 *
 * <p>Under {@code OnError.GAP} a bad row spoils its whole message (one gap marker for it): a bad row whose message
 * is known (good local_timestamp and is_snapshot) spoils that message; one whose message cannot be told joins the
 * message being read. <b>Not thread-safe.</b>
 */
final class L2Messages {

    private final LevelBuffer levels = new LevelBuffer();
    private final TardisStats stats;
    private boolean open;
    private boolean keyKnown;
    private boolean snapshot;
    private boolean bad;
    private String note;
    private long localTimestamp;
    private long timestamp;
    /** Whether a snapshot message has been written (diffs apply). */
    private boolean booked;

    /**
     * @param stats counts what is written and dropped.
     */
    L2Messages(TardisStats stats) {
        this.stats = stats;
    }

    /** @return whether a message is being gathered. */
    boolean isOpen() {
        return open;
    }

    /**
     * @param row a row of the symbol (good or bad).
     * @return whether it belongs to the message being gathered.
     */
    boolean belongs(TardisRow row) {
        if (!row.timeKnown) {
            return true; // a row whose message cannot be told spoils the message being read
        }
        if (!row.keyKnown) {
            return row.localTimestamp == localTimestamp; // a bad row of the same time spoils its message
        }
        return keyKnown && row.snapshot == snapshot && row.localTimestamp == localTimestamp;
    }

    /**
     * Starts a message with a row.
     *
     * @param row  its first row.
     * @param note for a bad row, its {@code file:line: reason}.
     * @return false if the row cannot be added (see {@link #add}).
     */
    boolean start(TardisRow row, String note) {
        open = true;
        keyKnown = row.keyKnown;
        snapshot = row.keyKnown && row.snapshot;
        bad = false;
        this.note = null;
        localTimestamp = row.timeKnown ? row.localTimestamp : row.lastLocalTimestamp();
        levels.clear();
        return add(row, note);
    }

    /**
     * Adds a row to the message.
     *
     * @param row  a row that {@link #belongs}.
     * @param note for a bad row, its {@code file:line: reason}.
     * @return false if the message already holds {@link LevelBuffer#MAX_LEVELS} levels: the caller reports the row
     * as bad and, under GAP, {@link #spoil}s the message with its note.
     */
    boolean add(TardisRow row, String note) {
        if (row.keyKnown) {
            localTimestamp = row.localTimestamp;
        }
        if (note != null) {
            spoil(note);
            return true;
        }
        timestamp = row.timestamp;
        if (bad) {
            return true;
        }
        if (levels.isFull()) {
            return false;
        }
        levels.add(row.side, row.price, row.size);
        return true;
    }

    /**
     * Marks the message bad: it becomes one gap marker with the first bad row's note.
     *
     * @param why the note.
     */
    void spoil(String why) {
        if (!bad) {
            bad = true;
            note = why;
        }
    }

    /**
     * Ends the message and writes it (or its gap marker, or drops it).
     *
     * @param out  writes records.
     * @param sink where they go.
     */
    void finish(TardisRecords out, EventSink sink) {
        open = false;
        if (bad) {
            stats.badGroups++;
            if (snapshot) {
                booked = false; // the book is unknown until the next snapshot message
            }
            out.gap(localTimestamp, note, sink);
        } else if (snapshot) {
            out.levels(true, timestamp, localTimestamp, levels, sink);
            stats.snapshots++;
            booked = true;
        } else if (!booked) {
            if (stats.snapshots == 0) {
                stats.droppedBeforeSnapshot++;
            } else {
                stats.droppedAfterBadSnapshot++;
            }
        } else {
            out.levels(false, timestamp, localTimestamp, levels, sink);
            stats.diffs++;
        }
    }
}
