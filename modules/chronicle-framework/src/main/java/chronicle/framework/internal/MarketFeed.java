package chronicle.framework.internal;

import chronicle.api.strategy.BookView;
import chronicle.api.strategy.Instrument;
import chronicle.api.strategy.TradeView;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.Trade;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayEngine;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

import java.nio.file.Path;

/**
 * One market-data queue a live strategy follows: a reader from the oldest record, a replay engine that builds the
 * books of the subscribed markets in it, and the hand-over of each book update and trade to the strategy once it
 * has started. Before that the feed only catches up: books are built from the queue's history (so the strategy's
 * first book is whole), but nothing is delivered. A gap resets the market's book until the next snapshot
 * ({@link GapPolicy#RESET_AND_WAIT}); the strategy sees {@link BookView#isStale()} meanwhile.
 * <b>Strategy thread only.</b>
 */
final class MarketFeed implements RecordHandler, ReplayEngine.Listener, AutoCloseable {

    /** Receives what the feed delivers after the start. */
    interface Sink {
        /** @param instrument index. */
        void onBook(int instrument);

        /** @param instrument index. @param trade the trade. */
        void onTrade(int instrument, Trade trade, long exchangeTime);
    }

    private final Path path;
    private final ChronicleQueue queue;
    private final QueueReader reader;
    private final long catchUpTo;
    private final ReplayEngine engine = new ReplayEngine(GapPolicy.RESET_AND_WAIT, 0);
    private final Long2LongHashMap instrumentOf = new Long2LongHashMap(-1);
    private final EventHeader header = new EventHeader();
    private final Trade trade = new Trade();
    private Sink sink;
    private RecordHead head;

    private MarketFeed(Path path, ChronicleQueue queue, QueueReader reader, long catchUpTo) {
        this.path = path;
        this.queue = queue;
        this.reader = reader;
        this.catchUpTo = catchUpTo;
        engine.listener(this);
    }

    /**
     * Opens a market-data queue to follow.
     *
     * @param path the queue's directory.
     * @return the feed.
     * @throws IllegalArgumentException naming the queue and the fix if it does not exist.
     */
    static MarketFeed open(Path path) {
        return open(path, true);
    }

    /**
     * Opens a market-data queue to follow.
     *
     * @param path    the queue's directory.
     * @param catchUp whether the records already in the queue only build the books (live); without, every record
     *                from the oldest counts (a replay in market time).
     * @return the feed.
     * @throws IllegalArgumentException naming the queue and the fix if it does not exist.
     */
    static MarketFeed open(Path path, boolean catchUp) {
        if (!ChronicleQueue.isQueue(path)) {
            throw new IllegalArgumentException("market-data queue " + path + " does not exist: start its feed first "
                    + "(for example 'chronicle feed') or name another queue");
        }
        ChronicleQueue queue = ChronicleQueue.openExisting(path);
        long tail = 0;
        if (catchUp) {
            try (QueueReader latest = queue.createReader(StartPosition.latest())) {
                tail = latest.nextSequence();
            }
        }
        return new MarketFeed(path, queue, queue.createReader(StartPosition.earliest()), tail);
    }

    /** @return the queue's directory. */
    Path path() {
        return path;
    }

    /** Adds a market to follow, delivered as the given instrument. */
    void subscribe(int venueId, long marketId, int instrument) {
        engine.track(venueId, marketId);
        instrumentOf.put(key(venueId, marketId), instrument);
    }

    private static long key(int venueId, long marketId) {
        return ((long) venueId << 32) | (marketId & 0xFFFF_FFFFL);
    }

    /** @return the book of a subscribed market, or null while none of its events has been read. */
    MarketBook book(int venueId, long marketId) {
        return engine.book(venueId, marketId);
    }

    /** @return whether the records that were in the queue at start have been read. */
    boolean caughtUp() {
        return reader.nextSequence() >= catchUpTo;
    }

    /** Starts delivering to the strategy. */
    void deliverTo(Sink sink) {
        this.sink = sink;
    }

    /** @return the next record, read ahead and held: market time applies it when its time comes. */
    RecordHead head() {
        if (head == null) {
            head = new RecordHead(reader);
        }
        return head;
    }

    /** @return records read (0 when none was ready). */
    int poll(int limit) {
        int n = reader.poll(this, limit);
        if (n == QueueReader.CORRUPT) {
            throw new QueueException(reader.lastError());
        }
        return n;
    }

    @Override
    public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
        if (type == MessageType.TRADE.id() && length >= EventHeader.LENGTH_V1) {
            header.wrap(buffer, offset);
            int body = header.headerLength();
            long instrument = instrumentOf.get(key(header.venueId(), header.marketId()));
            if (instrument >= 0 && sink != null && body + Trade.LENGTH <= length) {
                sink.onTrade((int) instrument, trade.wrap(buffer, offset + body), header.exchangeTimestamp());
            }
            return;
        }
        engine.onRecord(type, sequence, timestamp, buffer, offset, length);
    }

    @Override
    public void onApplied(MarketBook book, MessageType type, long sequence) {
        if (sink != null) {
            sink.onBook((int) instrumentOf.get(key(book.venueId(), book.marketId())));
        }
    }

    /**
     * @param instrument the instrument.
     * @param view       the view to point at its book.
     * @return the view.
     */
    BookView view(Instrument instrument, BookView view) {
        return view.wrap(instrument, engine.book(instrument.venueId(), instrument.marketId()));
    }

    /** @return the side of a trade's aggressor. */
    static Side aggressor(Trade trade) {
        Side side = Side.of(trade.aggressorCode());
        return side == null ? Side.UNKNOWN : side;
    }

    @Override
    public void close() {
        reader.close();
        queue.close();
    }
}
