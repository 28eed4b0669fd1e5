package chronicle.plugin.importer.tardis;

import chronicle.ingest.spi.EventHeaderWriter;
import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.LevelBuffer;
import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.GapReason;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Quote;
import chronicle.protocol.api.StreamKind;
import chronicle.protocol.api.Trade;
import org.agrona.ExpandableArrayBuffer;

/**
 * Encodes the records of a Tardis import: header (venue and market of the request, exponents -8, exchange time =
 * {@code timestamp} x 1000, ingest and journal time = {@code local_timestamp} x 1000, sequence a counter from 0,
 * update ids null) and body. Journal time never steps back: a gap marker takes the later of its row's time and the
 * last record's. Allocates nothing per record. <b>Not thread-safe.</b>
 */
final class TardisRecords {

    private static final int BODY = EventHeader.LENGTH;

    private final EventHeaderWriter header;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    private final Trade trade = new Trade();
    private final Quote quote = new Quote();
    /** Journal time of the last record or marker written (ns). */
    private long lastTime;

    /**
     * @param request the import.
     */
    TardisRecords(ImportRequest request) {
        this.header = new EventHeaderWriter(request, TardisAdapter.PRICE_EXPONENT, TardisAdapter.SIZE_EXPONENT);
    }

    /**
     * Writes an {@code L2_SNAPSHOT} (levels of size 0 left out) or an {@code L2_DIFF}.
     *
     * @param snapshot       which.
     * @param timestamp      exchange time (micros).
     * @param localTimestamp receive time (micros).
     * @param levels         the levels.
     * @param sink           where to.
     */
    void levels(boolean snapshot, long timestamp, long localTimestamp, LevelBuffer levels, EventSink sink) {
        begin(StreamKind.BOOK, snapshot ? EventType.SNAPSHOT : EventType.DIFF, BookMode.L2, timestamp,
                localTimestamp);
        int length = BODY + levels.writeTo(buffer, BODY, snapshot);
        sink.append((snapshot ? MessageType.L2_SNAPSHOT : MessageType.L2_DIFF).id(), localTimestamp * 1000, buffer,
                0, length);
    }

    /**
     * Writes a {@code TRADE}.
     *
     * @param row  a good trades row.
     * @param sink where to.
     */
    void trade(TardisRow row, EventSink sink) {
        begin(StreamKind.TRADES, EventType.TRADE, BookMode.NONE, row.timestamp, row.localTimestamp);
        trade.wrap(buffer, BODY).set(row.tradeId, row.price, row.size, row.side);
        sink.append(MessageType.TRADE.id(), row.localTimestamp * 1000, buffer, 0, BODY + Trade.LENGTH);
    }

    /**
     * Writes a {@code BBO}.
     *
     * @param row  a good quotes row.
     * @param sink where to.
     */
    void quote(TardisRow row, EventSink sink) {
        begin(StreamKind.QUOTES, EventType.QUOTE, BookMode.NONE, row.timestamp, row.localTimestamp);
        quote.wrap(buffer, BODY).set(row.bidPrice, row.bidSize, row.askPrice, row.askSize);
        sink.append(MessageType.BBO.id(), row.localTimestamp * 1000, buffer, 0, BODY + Quote.LENGTH);
    }

    /**
     * Writes a BAD_INPUT gap marker.
     *
     * @param localTimestamp the time of the bad stretch (micros), or -1 if unknown.
     * @param note           its {@code file:line: reason}.
     * @param sink           where to.
     */
    void gap(long localTimestamp, String note, EventSink sink) {
        long time = Math.max(lastTime, Math.max(localTimestamp, 0) * 1000);
        lastTime = time;
        sink.gap(time, EventHeader.NULL_ID, EventHeader.NULL_ID, GapReason.BAD_INPUT, note);
    }

    private void begin(StreamKind stream, EventType event, BookMode mode, long timestamp, long localTimestamp) {
        lastTime = localTimestamp * 1000;
        header.begin(buffer, 0, stream, event, mode, localTimestamp * 1000, timestamp * 1000);
    }
}
