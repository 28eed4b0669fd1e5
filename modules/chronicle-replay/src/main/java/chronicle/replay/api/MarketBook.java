package chronicle.replay.api;

import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;

/**
 * The replayed state of one market: its book (price levels, or orders for an L3 market), the decimal exponents of
 * its prices and sizes, and where replay stands (last applied record, last venue update id, gap state).
 *
 * <p><b>Not thread-safe:</b> owned by the replay thread.
 */
public final class MarketBook {

    private final int venueId;
    private final long marketId;
    private final BookMode mode;
    private final L2Book l2;
    private final L3Book l3;
    int priceExponent;
    int sizeExponent;
    long lastSequence = -1;
    long lastTimestamp;
    long lastExchangeTimestamp;
    long lastIngestTimestamp;
    long lastUpdateId = EventHeader.NULL_ID;
    boolean afterGap;
    boolean awaitingSnapshot;
    /**
     * The exchange time from which the {@link SnapshotInjector} keeping this book writes its next snapshot, or
     * {@link SnapshotInjector#UNSCHEDULED}: a comparison per record instead of a division.
     */
    long nextSnapshotAt = SnapshotInjector.UNSCHEDULED;

    /**
     * @param venueId  the venue id.
     * @param marketId the market id.
     * @param mode     {@link BookMode#L2} or {@link BookMode#L3}.
     * @param maxDepth L2 levels kept per side (0: unlimited; ignored for L3).
     */
    public MarketBook(int venueId, long marketId, BookMode mode, int maxDepth) {
        if (mode != BookMode.L2 && mode != BookMode.L3) {
            throw new IllegalArgumentException("a book is L2 or L3, not " + mode);
        }
        this.venueId = venueId;
        this.marketId = marketId;
        this.mode = mode;
        this.l2 = mode == BookMode.L2 ? new L2Book(maxDepth) : null;
        this.l3 = mode == BookMode.L3 ? new L3Book() : null;
    }

    /** @return the venue id. */
    public int venueId() {
        return venueId;
    }

    /** @return the market id. */
    public long marketId() {
        return marketId;
    }

    /** @return L2 or L3. */
    public BookMode mode() {
        return mode;
    }

    /** @return the price levels, best first (an L3 book's are derived from its orders). */
    public LevelView levels() {
        return l3 != null ? l3 : l2;
    }

    /** @return the L2 book, or null for an L3 market. */
    public L2Book l2() {
        return l2;
    }

    /** @return the L3 book, or null for an L2 market. */
    public L3Book l3() {
        return l3;
    }

    /** @return the decimal exponent of prices. */
    public int priceExponent() {
        return priceExponent;
    }

    /** @return the decimal exponent of sizes. */
    public int sizeExponent() {
        return sizeExponent;
    }

    /** @return journal sequence of the last applied record (-1 before any). */
    public long lastSequence() {
        return lastSequence;
    }

    /** @return journal timestamp of the last applied record. */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    /** @return exchange timestamp of the last applied event. */
    public long lastExchangeTimestamp() {
        return lastExchangeTimestamp;
    }

    /** @return ingest (local) timestamp of the last applied event. */
    public long lastIngestTimestamp() {
        return lastIngestTimestamp;
    }

    /** @return the venue's last applied update id, or {@link EventHeader#NULL_ID}. */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** @return whether events were applied across a gap since the last snapshot (policy CONTINUE_FLAGGED). */
    public boolean afterGap() {
        return afterGap;
    }

    /** @return whether the book was reset and waits for a snapshot (policy RESET_AND_WAIT, or a RESET event). */
    public boolean awaitingSnapshot() {
        return awaitingSnapshot;
    }

    /** @return a deterministic hash of the book's state (levels, or orders in queue order). */
    public long hash() {
        return levels().hash();
    }

    /** Empties the book (replay state is kept). */
    public void clearBook() {
        if (l2 != null) {
            l2.clear();
        } else {
            l3.clear();
        }
    }

    /**
     * Sets the replay position after a snapshot was loaded into this book.
     *
     * @param sequence          journal sequence the snapshot was taken at.
     * @param timestamp         that record's journal timestamp.
     * @param exchangeTimestamp its exchange timestamp.
     * @param ingestTimestamp   its ingest timestamp.
     * @param updateId          the venue's last update id then.
     * @param priceExp          price exponent.
     * @param sizeExp           size exponent.
     */
    public void restoredAt(long sequence, long timestamp, long exchangeTimestamp, long ingestTimestamp,
                           long updateId, int priceExp, int sizeExp) {
        this.lastSequence = sequence;
        this.lastTimestamp = timestamp;
        this.lastExchangeTimestamp = exchangeTimestamp;
        this.lastIngestTimestamp = ingestTimestamp;
        this.lastUpdateId = updateId;
        this.priceExponent = priceExp;
        this.sizeExponent = sizeExp;
        this.afterGap = false;
        this.awaitingSnapshot = false;
    }
}
