package chronicle.sim.internal;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import chronicle.protocol.api.Trade;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes a hand-built market into an archive root of imports, as an import would: the registry entry, the day's
 * {@code book} queue (L2 snapshots and diffs, or L3 events) and its {@code trades} queue. Prices have exponent -2
 * (10000 is 100.00), sizes exponent 0. Every book event's local timestamp is its exchange timestamp plus
 * {@link #FEED_LATENCY}; the journal timestamp is the local one.
 */
final class Tape implements AutoCloseable {

    static final String VENUE = "testex";
    static final String SYMBOL = "ABC-USD";
    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    /** 2026-11-22T10:00:00Z in epoch nanoseconds. */
    static final long T0 = 1_795_341_600_000_000_000L;
    static final long FEED_LATENCY = 2_000_000L;

    private final MarketIds.Ids ids;
    private final ChronicleQueue bookQueue;
    private final ChronicleQueue tradeQueue;
    private final QueueWriter book;
    private final QueueWriter trades;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
    private final EventHeader header = new EventHeader();
    private final L2Levels levels = new L2Levels();
    private final L3Events l3 = new L3Events();
    private final Trade trade = new Trade();
    private long updateId;
    private long tradeId;
    private long sequence;

    Tape(Path root) {
        this(root, false);
    }

    /**
     * @param root         the archive root.
     * @param tradesInBook whether trades go into the book stream (one stream, as some feeds write them) instead
     *                     of a trades stream of their own.
     */
    Tape(Path root, boolean tradesInBook) {
        ids = MarketIds.assign(root, VENUE, SYMBOL);
        BusLayout layout = new BusLayout(root, root);
        bookQueue = ChronicleQueue.open(layout.importQueue(VENUE, SYMBOL, DAY, "book"),
                QueueOptions.archive().withSegmentSize(1 << 20));
        book = bookQueue.createWriter();
        if (tradesInBook) {
            tradeQueue = null;
            trades = book;
        } else {
            tradeQueue = ChronicleQueue.open(layout.importQueue(VENUE, SYMBOL, DAY, "trades"),
                    QueueOptions.archive().withSegmentSize(1 << 20));
            trades = tradeQueue.createWriter();
        }
    }

    private void header(long time, EventType type, BookMode mode, StreamKind stream, long first, long last,
                        long prev) {
        header.wrapForWrite(buffer, 0).venueId(ids.venueId()).marketId(ids.marketId()).stream(stream)
                .eventType(type).bookMode(mode).priceExponent(-2).sizeExponent(0)
                .ingestTimestamp(time).exchangeTimestamp(time - FEED_LATENCY).sequence(sequence++)
                .firstUpdateId(first).lastUpdateId(last).prevUpdateId(prev);
    }

    /**
     * An L2 snapshot.
     *
     * @param time   journal (local) time.
     * @param levels {side, price, size} triples: {@code Side.BID, 10000, 5, Side.ASK, 10100, 5, ...}.
     * @return this tape.
     */
    Tape snapshot(long time, Object... levels) {
        long id = ++updateId;
        header(time, EventType.SNAPSHOT, BookMode.L2, StreamKind.BOOK, id, id, EventHeader.NULL_ID);
        int n = levels.length / 3;
        this.levels.wrap(buffer, EventHeader.LENGTH).count(n);
        for (int i = 0; i < n; i++) {
            this.levels.level(i, (Side) levels[3 * i], ((Number) levels[3 * i + 1]).longValue(),
                    ((Number) levels[3 * i + 2]).longValue());
        }
        book.append(MessageType.L2_SNAPSHOT.id(), time, buffer, 0, EventHeader.LENGTH + L2Levels.length(n));
        return this;
    }

    /**
     * An L2 diff of one level (size 0 deletes it), chained to the previous update.
     *
     * @return this tape.
     */
    Tape diff(long time, Side side, long price, long size) {
        long prev = updateId;
        long id = ++updateId;
        return diffWithIds(time, side, price, size, id, prev);
    }

    /** A diff that does not chain (a gap): its previous id skips one. @return this tape. */
    Tape gapDiff(long time, Side side, long price, long size) {
        long prev = updateId + 1;
        updateId += 2;
        return diffWithIds(time, side, price, size, updateId, prev);
    }

    private Tape diffWithIds(long time, Side side, long price, long size, long id, long prev) {
        header(time, EventType.DIFF, BookMode.L2, StreamKind.BOOK, id, id, prev);
        levels.wrap(buffer, EventHeader.LENGTH).count(1).level(0, side, price, size);
        book.append(MessageType.L2_DIFF.id(), time, buffer, 0, EventHeader.LENGTH + L2Levels.length(1));
        return this;
    }

    /**
     * A trade on the trades stream (or the book stream: see the constructor).
     *
     * @param aggressor the taker's side: {@link Side#ASK} when a seller hit the bids.
     * @return this tape.
     */
    Tape trade(long time, long price, long size, Side aggressor) {
        header(time, EventType.TRADE, BookMode.NONE, StreamKind.TRADES, EventHeader.NULL_ID, EventHeader.NULL_ID,
                EventHeader.NULL_ID);
        trade.wrap(buffer, EventHeader.LENGTH).set(++tradeId, price, size, aggressor);
        trades.append(MessageType.TRADE.id(), time, buffer, 0, EventHeader.LENGTH + Trade.LENGTH);
        return this;
    }

    /**
     * One L3 event on the book stream; {@code snapshot} marks a record that replaces the book.
     *
     * @return this tape.
     */
    Tape l3(long time, boolean snapshot, L3Action action, Side side, long orderId, long price, long size) {
        long prev = updateId;
        long id = ++updateId;
        header(time, snapshot ? EventType.SNAPSHOT : EventType.DIFF, BookMode.L3, StreamKind.BOOK, id, id,
                snapshot ? EventHeader.NULL_ID : prev);
        l3.wrap(buffer, EventHeader.LENGTH).count(1).event(0, action, side, orderId, price, size, 0);
        book.append(MessageType.L3_EVENTS.id(), time, buffer, 0, EventHeader.LENGTH + L3Events.length(1));
        return this;
    }

    @Override
    public void close() {
        book.close();
        if (tradeQueue != null) {
            trades.close();
            tradeQueue.close();
        }
        bookQueue.close();
    }
}
