package chronicle.replay.api;

import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.MessageType;
import org.agrona.DirectBuffer;

import java.time.Duration;

/**
 * Puts snapshots into a market-data stream as it is written, so that "the book at T" of the stream starts from a
 * snapshot at most one interval of exchange time before T: the import pipeline and the refinery both pass every
 * record they write through one of these.
 *
 * <p>Each record written to the output is also applied to the market's book (the {@link ReplayEngine}, one book
 * per market, gaps reset the book until the venue's next snapshot). After a record whose exchange time (journal time
 * when the venue gives none) has passed a multiple of the interval since the market's last snapshot, the book is
 * written to the output as a {@link SnapshotRecord}, stamped with that record's journal time. A book that is
 * waiting for a snapshot after a gap is never written: there is nothing true to write until the venue's snapshot,
 * and a venue's own snapshot counts as the market's last one.
 *
 * <p>Allocation-free per record once the markets' books exist. <b>Not thread-safe.</b>
 */
public final class SnapshotInjector implements ReplayEngine.Listener {

    /** The default interval: a minute of exchange time. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    /** {@link MarketBook}'s next snapshot time before its first book event. */
    static final long UNSCHEDULED = Long.MIN_VALUE;

    /** Where injected snapshots are written: the same output as the records. */
    @FunctionalInterface
    public interface Output {

        /**
         * @param type             the record's message type id.
         * @param journalTimestamp its journal time.
         * @param buffer           its bytes.
         * @param offset           where they begin.
         * @param length           how many.
         */
        void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length);
    }

    private final long intervalNanos;
    private final ReplayEngine engine;
    private final SnapshotRecord record = new SnapshotRecord();
    private final EventHeader header = new EventHeader();
    private MarketBook applied;
    private MessageType appliedType;
    private long injected;
    private long tooLarge;

    /**
     * @param interval exchange time between snapshots of a market (at least a millisecond).
     * @param maxDepth L2 levels kept per side, and so written (0: every level).
     */
    public SnapshotInjector(Duration interval, int maxDepth) {
        if (interval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("snapshot interval " + interval + ": give at least 1 ms, for example "
                    + "60s");
        }
        this.intervalNanos = interval.toNanos();
        this.engine = new ReplayEngine(GapPolicy.RESET_AND_WAIT, maxDepth).listener(this);
    }

    /**
     * Applies a record the caller has just written to its output, and writes a snapshot of its market after it
     * when one is due.
     *
     * @param type      the record's message type id.
     * @param sequence  its journal sequence in the output (or the source's: only books' positions use it).
     * @param timestamp its journal time.
     * @param buffer    its bytes.
     * @param offset    where they begin.
     * @param length    how many.
     * @param output    where a snapshot goes.
     * @return whether a snapshot was written.
     */
    public boolean onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length,
                            Output output) {
        applied = null;
        engine.onRecord(type, sequence, timestamp, buffer, offset, length);
        MarketBook book = applied;
        if (book == null || book.awaitingSnapshot()) {
            return false;
        }
        long time = time(book);
        if (book.nextSnapshotAt == UNSCHEDULED || isSnapshot(buffer, offset)) {
            schedule(book, time); // the market's first book event, or the venue's own snapshot
            return false;
        }
        if (time < book.nextSnapshotAt) {
            return false;
        }
        return inject(book, timestamp, output, time);
    }

    /**
     * Writes a snapshot of a market now, if its book is whole (a refinery starting a clean queue after a restart
     * or at midnight: the queue's first record is a snapshot).
     *
     * @param venueId   venue id.
     * @param marketId  market id.
     * @param timestamp the journal time to stamp it with.
     * @param output    where it goes.
     * @return whether it was written.
     */
    public boolean injectNow(int venueId, long marketId, long timestamp, Output output) {
        MarketBook book = engine.book(venueId, marketId);
        return book != null && !book.awaitingSnapshot() && inject(book, timestamp, output, time(book));
    }

    /** The next snapshot is due when exchange time reaches the next multiple of the interval after {@code time}. */
    private void schedule(MarketBook book, long time) {
        long slot = Math.floorDiv(time, intervalNanos);
        book.nextSnapshotAt = slot < Long.MAX_VALUE / intervalNanos - 1 ? (slot + 1) * intervalNanos : Long.MAX_VALUE;
    }

    private boolean inject(MarketBook book, long timestamp, Output output, long time) {
        schedule(book, time);
        int length = record.encode(book);
        if (length == 0) {
            tooLarge++;
            return false;
        }
        output.append(record.type(), timestamp, record.buffer(), 0, length);
        injected++;
        return true;
    }

    /** Whether the record just applied was a snapshot (as {@link ReplayEngine} tells them). */
    private boolean isSnapshot(DirectBuffer buffer, int offset) {
        return appliedType == MessageType.L2_SNAPSHOT || appliedType == MessageType.L3_EVENTS
                && header.wrap(buffer, offset).eventCode() == EventType.SNAPSHOT.code();
    }

    private static long time(MarketBook book) {
        return book.lastExchangeTimestamp() > 0 ? book.lastExchangeTimestamp() : book.lastTimestamp();
    }

    @Override
    public void onApplied(MarketBook book, MessageType type, long sequence) {
        applied = book;
        appliedType = type;
    }

    /** @return the engine that keeps the books (to look at a market's book, or seed one). */
    public ReplayEngine engine() {
        return engine;
    }

    /** @return snapshots written. */
    public long injected() {
        return injected;
    }

    /** @return snapshots not written because a book had more than {@link SnapshotRecord#MAX_ENTRIES} entries. */
    public long tooLarge() {
        return tooLarge;
    }
}
