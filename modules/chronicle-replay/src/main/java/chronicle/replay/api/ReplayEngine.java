package chronicle.replay.api;

import chronicle.core.api.RecordHandler;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Applies market-data records to books, for one or many markets: L2 snapshots and diffs to price-level books, L3
 * events to order books, resets and gaps by an explicit {@link GapPolicy}. A snapshot is an {@code L2_SNAPSHOT}
 * record or an {@code L3_EVENTS} record whose header says {@link EventType#SNAPSHOT}: it replaces the book, needs no
 * update-id chaining, and ends both the wait for a snapshot ({@link MarketBook#awaitingSnapshot()}) and the flagged
 * state ({@link MarketBook#afterGap()}). Feed it records from any reader (a live
 * queue, an archive queue, later any storage tier) as a {@link RecordHandler}.
 *
 * <p>Deterministic: the same records give the same books, and so the same {@link MarketBook#hash()} after every
 * record. Gap detection uses the venue's update ids: a diff whose previous id (or first id) does not follow the
 * book's last id is a gap; a diff entirely at or before the last id is stale and skipped.
 *
 * <p>Allocation-free per record once a market's book exists. <b>Not thread-safe.</b>
 */
public final class ReplayEngine implements RecordHandler {

    /** Told about each applied book event (the research dump, warm start, tests). */
    public interface Listener {

        /**
         * @param book     the market's book after the event.
         * @param type     the event's message type.
         * @param sequence the record's journal sequence.
         */
        void onApplied(MarketBook book, MessageType type, long sequence);

        /**
         * @param book     the market's book.
         * @param sequence the record's journal sequence.
         * @param reason   what did not chain.
         */
        default void onGap(MarketBook book, long sequence, String reason) {
        }
    }

    private final GapPolicy policy;
    private final int maxDepth;
    private final Long2ObjectHashMap<MarketBook> books = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Boolean> tracked = new Long2ObjectHashMap<>();
    private final EventHeader header = new EventHeader();
    private final L2Levels levels = new L2Levels();
    private final L3Events events = new L3Events();
    private final List<Listener> listeners = new ArrayList<>();
    private long applied;
    private long gaps;

    /**
     * @param policy   what to do about gaps.
     * @param maxDepth L2 levels kept per side (0: unlimited).
     */
    public ReplayEngine(GapPolicy policy, int maxDepth) {
        this.policy = policy;
        this.maxDepth = maxDepth;
    }

    private static long key(int venue, long market) {
        return ((long) venue << 32) | (market & 0xFFFF_FFFFL);
    }

    /**
     * Replays only the given market (call again for more); with no call, every market.
     *
     * @param venueId  venue id.
     * @param marketId market id.
     * @return this engine.
     */
    public ReplayEngine track(int venueId, long marketId) {
        tracked.put(key(venueId, marketId), Boolean.TRUE);
        return this;
    }

    /** @param listener told about every applied event. @return this engine. */
    public ReplayEngine listener(Listener listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Starts a market from a book loaded elsewhere (a snapshot: warm start).
     *
     * @param book the book.
     */
    public void put(MarketBook book) {
        MarketBook replaced = books.put(key(book.venueId(), book.marketId()), book);
        if (replaced != null && book.nextSnapshotAt == SnapshotInjector.UNSCHEDULED) {
            book.nextSnapshotAt = replaced.nextSnapshotAt; // the market's snapshot schedule goes on
        }
    }

    /**
     * @param venueId  venue id.
     * @param marketId market id.
     * @return the market's book, or null if no event of it was seen.
     */
    public MarketBook book(int venueId, long marketId) {
        return books.get(key(venueId, marketId));
    }

    /** @return every book. */
    public Collection<MarketBook> books() {
        return books.values();
    }

    /** @return book events applied. */
    public long applied() {
        return applied;
    }

    /** @return gaps seen. */
    public long gaps() {
        return gaps;
    }

    @Override
    public void onRecord(int typeId, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        MessageType type = MessageType.of(typeId);
        if (type == null || length < EventHeader.LENGTH_V1) {
            return; // not market data
        }
        header.wrap(buffer, offset);
        int headerLength = header.headerLength();
        if (headerLength < EventHeader.LENGTH_V1 || headerLength > length) {
            return;
        }
        int venue = header.venueId();
        long market = header.marketId();
        long key = key(venue, market);
        if (!tracked.isEmpty() && !tracked.containsKey(key)) {
            return;
        }
        MarketBook book = books.get(key);
        switch (type) {
            case L2_SNAPSHOT, L2_DIFF, L3_EVENTS -> {
                if (book == null) {
                    book = new MarketBook(venue, market, type == MessageType.L3_EVENTS ? BookMode.L3 : BookMode.L2,
                            maxDepth);
                    books.put(key, book);
                }
                bookEvent(book, type, sequence, timestamp, buffer, header.bodyOffset(), length - headerLength);
            }
            case RESET -> {
                if (book != null) {
                    book.clearBook();
                    book.awaitingSnapshot = true;
                    book.lastUpdateId = EventHeader.NULL_ID;
                }
            }
            case GAP -> {
                if (book != null) {
                    gap(book, sequence, "gap event");
                }
            }
            default -> {
                // trades, quotes, heartbeats do not change a book
            }
        }
    }

    private void bookEvent(MarketBook book, MessageType type, long sequence, long timestamp, DirectBuffer buffer,
                           int body, int bodyLength) {
        // An L3 record marked SNAPSHOT (the resting orders, usually after a CLEAR) replaces the book as an L2 snapshot
        // does: it ends a wait for a snapshot after a gap or a reset, and the flagged state.
        boolean snapshot = type == MessageType.L2_SNAPSHOT
                || type == MessageType.L3_EVENTS && header.eventCode() == EventType.SNAPSHOT.code();
        if (!snapshot) {
            if (book.awaitingSnapshot) {
                return;
            }
            long last = book.lastUpdateId;
            long first = header.firstUpdateId();
            long prev = header.prevUpdateId();
            long newLast = header.lastUpdateId();
            if (last != EventHeader.NULL_ID && newLast != EventHeader.NULL_ID) {
                if (newLast <= last) {
                    return; // stale: already covered
                }
                boolean chains = prev != EventHeader.NULL_ID ? prev == last
                        : first == EventHeader.NULL_ID || first <= last + 1;
                if (!chains) {
                    String reason = "expected update id " + (last + 1) + (prev != EventHeader.NULL_ID
                            ? " (previous id " + last + "), got previous id " + prev : ", got " + first);
                    if (!gap(book, sequence, reason)) {
                        return;
                    }
                }
            }
        }
        book.priceExponent = header.priceExponent();
        book.sizeExponent = header.sizeExponent();
        if (type == MessageType.L3_EVENTS) {
            applyL3(book.l3(), snapshot, buffer, body, bodyLength);
        } else if (book.l2() != null) {
            applyL2(book.l2(), snapshot, buffer, body, bodyLength);
        }
        if (snapshot) {
            book.awaitingSnapshot = false;
            book.afterGap = false;
        }
        book.lastSequence = sequence;
        book.lastTimestamp = timestamp;
        book.lastExchangeTimestamp = header.exchangeTimestamp();
        book.lastIngestTimestamp = header.ingestTimestamp();
        if (header.lastUpdateId() != EventHeader.NULL_ID) {
            book.lastUpdateId = header.lastUpdateId();
        }
        applied++;
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onApplied(book, type, sequence);
        }
    }

    /** @return true if the event should still be applied. */
    private boolean gap(MarketBook book, long sequence, String reason) {
        gaps++;
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onGap(book, sequence, reason);
        }
        switch (policy) {
            case FAIL -> throw new ReplayException("gap in venue " + book.venueId() + " market " + book.marketId()
                    + " at sequence " + sequence + ": " + reason);
            case RESET_AND_WAIT -> {
                book.clearBook();
                book.awaitingSnapshot = true;
                book.lastUpdateId = EventHeader.NULL_ID;
                return false;
            }
            case CONTINUE_FLAGGED -> {
                book.afterGap = true;
                return true;
            }
            default -> throw new IllegalStateException(policy.name());
        }
    }

    private void applyL2(L2Book l2, boolean snapshot, DirectBuffer buffer, int body, int bodyLength) {
        levels.wrap(buffer, body);
        int count = bodyLength < L2Levels.HEADER ? 0 : levels.count();
        if (L2Levels.length(count) > bodyLength) {
            return; // damaged record: the reader reports CRC problems; replay does not guess
        }
        if (snapshot) {
            l2.clear();
        }
        for (int i = 0; i < count; i++) {
            l2.set(Side.of(levels.sideCode(i)), levels.price(i), levels.size(i));
        }
    }

    private void applyL3(L3Book l3, boolean snapshot, DirectBuffer buffer, int body, int bodyLength) {
        events.wrap(buffer, body);
        int count = bodyLength < L3Events.HEADER ? 0 : events.count();
        if (L3Events.length(count) > bodyLength || l3 == null) {
            return;
        }
        if (snapshot) {
            l3.clear(); // a snapshot holds every resting order: none of the old ones may linger, CLEAR event or not
        }
        for (int i = 0; i < count; i++) {
            L3Action action = L3Action.of(events.actionCode(i));
            if (action == null) {
                continue;
            }
            long id = events.orderId(i);
            switch (action) {
                case ADD -> l3.add(id, Side.of(events.sideCode(i)), events.price(i), events.size(i));
                case MODIFY -> l3.modify(id, events.price(i), events.size(i));
                case CANCEL -> l3.cancel(id, events.size(i));
                case DELETE -> l3.delete(id);
                case EXECUTE_VISIBLE -> l3.execute(id, events.size(i));
                case CLEAR -> l3.clear();
                case EXECUTE_HIDDEN, TRADE, HALT -> {
                    // hidden executions, crosses and halts leave the visible book as it is
                }
            }
        }
    }
}
