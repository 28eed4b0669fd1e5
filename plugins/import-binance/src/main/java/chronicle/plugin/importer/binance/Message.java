package chronicle.plugin.importer.binance;

import chronicle.ingest.spi.LevelBuffer;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.Side;

/**
 * One parsed venue message of the requested symbol (or one bad message), with prices and sizes already converted
 * to mantissas. Knows nothing of files: a capture file's {@link InputFile} and a live feed alike fill it through
 * {@link MessageParser}. Mutable and recycled: at most a bounded number are alive per input.
 */
final class Message {

    /** What a message is. */
    enum Kind {
        /** REST depth snapshot: {@code lastUpdateId, bids, asks}. */
        SNAPSHOT,
        /** websocket depthUpdate. */
        DIFF,
        /** aggTrade or trade. */
        TRADE,
        /** bookTicker. */
        QUOTE,
        /** a message that could not be used; {@link #reason} says why. */
        BAD
    }

    /** Marks an absent time. */
    static final long NO_TIME = Long.MIN_VALUE;

    Kind kind;
    /** where it came from: the line of its file (or a live feed's message number). */
    long line;
    /** the receive time (ns), or {@link #NO_TIME} until one is assigned. */
    long time = NO_TIME;
    /** whether {@link #time} came from the line itself (receive prefix or event time) rather than a neighbour. */
    boolean ownTime;
    /** venue event time E (ns), or {@link #NO_TIME}. */
    long eventTime = NO_TIME;
    /** venue transaction / trade time T (ns), or {@link #NO_TIME}. */
    long tradeTime = NO_TIME;
    long firstId = EventHeader.NULL_ID;
    long lastId = EventHeader.NULL_ID;
    long prevId = EventHeader.NULL_ID;
    /** snapshot: lastUpdateId; trade: the trade id; quote: u. */
    long id = EventHeader.NULL_ID;

    /** snapshot and diff: the levels, in the order given. */
    final LevelBuffer levels = new LevelBuffer();

    long price;
    long size;
    Side aggressor = Side.UNKNOWN;
    long bidPrice;
    long bidSize;
    long askPrice;
    long askSize;

    String reason;

    void reset() {
        kind = null;
        line = 0;
        time = NO_TIME;
        ownTime = false;
        eventTime = NO_TIME;
        tradeTime = NO_TIME;
        firstId = EventHeader.NULL_ID;
        lastId = EventHeader.NULL_ID;
        prevId = EventHeader.NULL_ID;
        id = EventHeader.NULL_ID;
        levels.clear();
        price = 0;
        size = 0;
        aggressor = Side.UNKNOWN;
        bidPrice = 0;
        bidSize = 0;
        askPrice = 0;
        askSize = 0;
        reason = null;
    }

    /** Turns this message into a bad one. */
    void bad(String why) {
        kind = Kind.BAD;
        reason = why;
    }

    /** @return the exchange time for the header: a trade's T, else E, else T, else the receive time. */
    long exchangeTime() {
        if (kind == Kind.TRADE && tradeTime != NO_TIME) {
            return tradeTime;
        }
        if (eventTime != NO_TIME) {
            return eventTime;
        }
        return tradeTime != NO_TIME ? tradeTime : time;
    }
}
