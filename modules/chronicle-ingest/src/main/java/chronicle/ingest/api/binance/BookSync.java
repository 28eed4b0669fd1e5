package chronicle.ingest.api.binance;

import chronicle.protocol.api.EventHeader;

/**
 * Binance's rules for keeping a local order book in step with the venue: the one implementation that the import
 * adapter (capture files) and the live feed both follow. It decides, it writes nothing: the caller appends the
 * snapshot, the diff or the gap marker that a decision asks for.
 *
 * <p><b>The rules.</b> Diffs before the first snapshot are not applied. After a snapshot with {@code lastUpdateId} L:
 * diffs with {@code u <= L} are stale (futures: {@code u < L}); the first applied one must bridge the snapshot,
 * spot {@code U <= L+1} (with {@code u > L}), futures {@code U <= L <= u} or {@code pu == L}; every later one must
 * chain, spot {@code U == previous u + 1}, futures {@code pu == previous u}; diffs at or before the previous
 * {@code u} are duplicates. A break ({@link Decision#BREAK}, the missing id range in {@link #breakFrom()} ..
 * {@link #breakTo()}) means a gap marker and no diffs until the next snapshot. A snapshot older than the book
 * ({@code L} below the last applied {@code u}) is refused: it would move the book backwards; a snapshot exactly at the
 * book's {@code u} keeps the chain going.
 *
 * <p>A diff is futures-style when it carries {@code pu} (its {@code prevId} is not {@link EventHeader#NULL_ID}).
 * Decisions are enum constants: no allocation per message. <b>Not thread-safe:</b> one per book.
 */
public final class BookSync {

    /** What to do with a snapshot or a diff. */
    public enum Decision {
        /** append the snapshot: the book starts (again) from it. */
        SNAPSHOT,
        /** do not append the snapshot: it is older than the book. */
        OLD_SNAPSHOT,
        /** append the diff: it bridges the snapshot or chains. */
        APPLY,
        /** drop the diff: no snapshot yet. */
        BEFORE_SNAPSHOT,
        /** drop the diff: the snapshot or the book already has it. */
        STALE,
        /** drop the diff: the chain broke earlier and no snapshot came since. */
        AFTER_BREAK,
        /** drop the diff and append a gap marker: it does not bridge or chain; wait for a new snapshot. */
        BREAK
    }

    /** Where the book stands. */
    public enum State {
        /** no snapshot yet. */
        NO_SNAPSHOT,
        /** a snapshot was taken; waiting for the diff that bridges its lastUpdateId. */
        AWAIT_BRIDGE,
        /** diffs chain. */
        SYNCED,
        /** a break: diffs are dropped until the next snapshot. */
        BROKEN
    }

    private State state = State.NO_SNAPSHOT;
    /** AWAIT_BRIDGE: the snapshot's lastUpdateId; SYNCED: the last applied u. */
    private long bookId = EventHeader.NULL_ID;
    private long breakFrom = EventHeader.NULL_ID;
    private long breakTo = EventHeader.NULL_ID;
    /** the snapshot's id (a break at the bridge) or the last applied u. */
    private long breakAt;
    private boolean breakAtBridge;
    private boolean futuresBreak;

    /** @return where the book stands. */
    public State state() {
        return state;
    }

    /** @return the last applied {@code u} (SYNCED), the snapshot's id (AWAIT_BRIDGE), else {@link EventHeader#NULL_ID}. */
    public long bookId() {
        return bookId;
    }

    /** Forgets the book (a new connection): diffs wait for the next snapshot. */
    public void reset() {
        state = State.NO_SNAPSHOT;
        bookId = EventHeader.NULL_ID;
    }

    /**
     * @param lastUpdateId the snapshot's {@code lastUpdateId}.
     * @return {@link Decision#SNAPSHOT} or {@link Decision#OLD_SNAPSHOT}.
     */
    public Decision onSnapshot(long lastUpdateId) {
        if ((state == State.SYNCED || state == State.AWAIT_BRIDGE) && lastUpdateId < bookId) {
            return Decision.OLD_SNAPSHOT;
        }
        if (state == State.SYNCED && lastUpdateId == bookId) {
            return Decision.SNAPSHOT; // the book is exactly at the snapshot: the chain goes on
        }
        state = State.AWAIT_BRIDGE;
        bookId = lastUpdateId;
        return Decision.SNAPSHOT;
    }

    /**
     * @param firstId the diff's {@code U}.
     * @param lastId  its {@code u}.
     * @param prevId  its {@code pu} (futures), or {@link EventHeader#NULL_ID} (spot).
     * @return what to do with it; after {@link Decision#BREAK}, {@link #breakFrom()}, {@link #breakTo()} and
     *         {@link #describeBreak(long, long, long)} tell what is missing.
     */
    public Decision onDiff(long firstId, long lastId, long prevId) {
        boolean futures = prevId != EventHeader.NULL_ID;
        return switch (state) {
            case NO_SNAPSHOT -> Decision.BEFORE_SNAPSHOT;
            case BROKEN -> Decision.AFTER_BREAK;
            case AWAIT_BRIDGE -> {
                long snapshotId = bookId;
                if (futures ? lastId < snapshotId : lastId <= snapshotId) {
                    yield Decision.STALE;
                }
                boolean bridges = futures ? (firstId <= snapshotId && snapshotId <= lastId) || prevId == snapshotId
                        : firstId <= snapshotId + 1;
                yield bridges ? apply(lastId) : broken(snapshotId, firstId, prevId, futures);
            }
            case SYNCED -> {
                long previous = bookId;
                if (lastId <= previous) {
                    yield Decision.STALE;
                }
                boolean chains = futures ? prevId == previous : firstId == previous + 1;
                yield chains ? apply(lastId) : broken(previous, firstId, prevId, futures);
            }
        };
    }

    /** @return after a break: the first missing update id, or {@link EventHeader#NULL_ID} if no range is known. */
    public long breakFrom() {
        return breakFrom;
    }

    /** @return after a break: the last missing update id, or {@link EventHeader#NULL_ID} if no range is known. */
    public long breakTo() {
        return breakTo;
    }

    /**
     * The text of the gap marker of the last break (allocates: breaks are rare).
     *
     * @param firstId the breaking diff's {@code U}.
     * @param lastId  its {@code u}.
     * @param prevId  its {@code pu}, or {@link EventHeader#NULL_ID}.
     * @return what was expected and what came.
     */
    public String describeBreak(long firstId, long lastId, long prevId) {
        if (breakAtBridge) {
            return "the first diff after the snapshot (lastUpdateId " + breakAt + ") does not bridge it: U=" + firstId
                    + " u=" + lastId + (futuresBreak ? " pu=" + prevId : "");
        }
        return futuresBreak
                ? "expected pu=" + breakAt + ", got pu=" + prevId + " (U=" + firstId + " u=" + lastId + ")"
                : "expected U=" + (breakAt + 1) + ", got U=" + firstId + " (u=" + lastId + ")";
    }

    private Decision apply(long lastId) {
        state = State.SYNCED;
        bookId = lastId;
        return Decision.APPLY;
    }

    private Decision broken(long at, long firstId, long prevId, boolean futures) {
        long from = at + 1;
        long to = futures ? prevId : firstId - 1;
        boolean range = to >= from;
        breakFrom = range ? from : EventHeader.NULL_ID;
        breakTo = range ? to : EventHeader.NULL_ID;
        breakAt = at;
        breakAtBridge = state == State.AWAIT_BRIDGE;
        futuresBreak = futures;
        state = State.BROKEN;
        bookId = EventHeader.NULL_ID;
        return Decision.BREAK;
    }
}
