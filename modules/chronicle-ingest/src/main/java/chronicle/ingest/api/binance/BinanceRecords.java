package chronicle.ingest.api.binance;

import chronicle.ingest.spi.EventHeaderWriter;
import chronicle.ingest.spi.EventSink;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Quote;
import chronicle.protocol.api.StreamKind;
import chronicle.protocol.api.Trade;
import org.agrona.ExpandableArrayBuffer;

/**
 * Turns parsed Binance messages into the protocol's records, the one way for the import and the live feed: a REST
 * snapshot becomes {@code L2_SNAPSHOT} (update ids: lastUpdateId), a depth diff {@code L2_DIFF} (absolute sizes,
 * 0 deletes; update ids {@code U}, {@code u}, {@code pu}), a trade {@code TRADE}, a book ticker {@code BBO}. The
 * journal and ingest time is the message's receive time, the exchange time {@link BinanceMessage#exchangeTime()}.
 * Builds each record in one reused buffer: allocates nothing per record. <b>Not thread-safe.</b>
 */
public final class BinanceRecords {

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64 << 10);
    private final Trade trade = new Trade();
    private final Quote quote = new Quote();

    /**
     * @param header the market's header writer.
     * @param m      a snapshot.
     * @param sink   where the record goes.
     */
    public void snapshot(EventHeaderWriter header, BinanceMessage m, EventSink sink) {
        levels(header, m, MessageType.L2_SNAPSHOT, EventType.SNAPSHOT, m.id, m.id, EventHeader.NULL_ID, sink);
    }

    /**
     * @param header the market's header writer.
     * @param m      a diff.
     * @param sink   where the record goes.
     */
    public void diff(EventHeaderWriter header, BinanceMessage m, EventSink sink) {
        levels(header, m, MessageType.L2_DIFF, EventType.DIFF, m.firstId, m.lastId, m.prevId, sink);
    }

    /**
     * @param header the market's header writer.
     * @param m      a trade.
     * @param sink   where the record goes.
     */
    public void trade(EventHeaderWriter header, BinanceMessage m, EventSink sink) {
        start(header, EventType.TRADE, StreamKind.TRADES, BookMode.NONE, m, m.firstId, m.lastId, EventHeader.NULL_ID);
        trade.wrap(buffer, EventHeader.LENGTH).set(m.id, m.price, m.size, m.aggressor);
        sink.append(MessageType.TRADE.id(), m.time, buffer, 0, EventHeader.LENGTH + Trade.LENGTH);
    }

    /**
     * @param header the market's header writer.
     * @param m      a book ticker.
     * @param sink   where the record goes.
     */
    public void quote(EventHeaderWriter header, BinanceMessage m, EventSink sink) {
        start(header, EventType.QUOTE, StreamKind.QUOTES, BookMode.NONE, m, m.firstId, m.lastId, EventHeader.NULL_ID);
        quote.wrap(buffer, EventHeader.LENGTH).set(m.bidPrice, m.bidSize, m.askPrice, m.askSize);
        sink.append(MessageType.BBO.id(), m.time, buffer, 0, EventHeader.LENGTH + Quote.LENGTH);
    }

    private void start(EventHeaderWriter header, EventType event, StreamKind kind, BookMode mode, BinanceMessage m,
                       long firstId, long lastId, long prevId) {
        header.begin(buffer, 0, kind, event, mode, m.time, m.exchangeTime())
                .firstUpdateId(firstId)
                .lastUpdateId(lastId)
                .prevUpdateId(prevId);
    }

    private void levels(EventHeaderWriter header, BinanceMessage m, MessageType type, EventType event, long firstId,
                        long lastId, long prevId, EventSink sink) {
        start(header, event, StreamKind.BOOK, BookMode.L2, m, firstId, lastId, prevId);
        int length = EventHeader.LENGTH + m.levels.writeTo(buffer, EventHeader.LENGTH, false);
        sink.append(type.id(), m.time, buffer, 0, length);
    }
}
