package chronicle.ingest.api.binance;

import chronicle.ingest.spi.LevelBuffer;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.Side;

/**
 * One parsed venue message of the requested symbol (or one bad message), with prices and sizes already converted
 * to mantissas. Knows nothing of files: the import adapter's capture files and the live feed alike fill it through
 * {@link BinanceMessageParser}. Mutable and recycled: at most a bounded number are alive per input.
 */
public final class BinanceMessage {

    /** What a message is. */
    public enum Kind {
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
    public static final long NO_TIME = Long.MIN_VALUE;

    public Kind kind;
    /** where it came from: the line of its file (or a live feed's message number). */
    public long line;
    /** the receive time (ns), or {@link #NO_TIME} until one is assigned. */
    public long time = NO_TIME;
    /** whether {@link #time} came from the line itself (receive prefix or event time) rather than a neighbour. */
    public boolean ownTime;
    /** venue event time E (ns), or {@link #NO_TIME}. */
    public long eventTime = NO_TIME;
    /** venue transaction / trade time T (ns), or {@link #NO_TIME}. */
    public long tradeTime = NO_TIME;
    public long firstId = EventHeader.NULL_ID;
    public long lastId = EventHeader.NULL_ID;
    public long prevId = EventHeader.NULL_ID;
    /** snapshot: lastUpdateId; trade: the trade id; quote: u. */
    public long id = EventHeader.NULL_ID;

    /** snapshot and diff: the levels, in the order given. */
    public final LevelBuffer levels = new LevelBuffer();

    public long price;
    public long size;
    public Side aggressor = Side.UNKNOWN;
    public long bidPrice;
    public long bidSize;
    public long askPrice;
    public long askSize;

    public String reason;

    /** Clears every field, for the next message. */
    public void reset() {
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
    public void bad(String why) {
        kind = Kind.BAD;
        reason = why;
    }

    /** @return the exchange time for the header: a trade's T, else E, else T, else the receive time. */
    public long exchangeTime() {
        if (kind == Kind.TRADE && tradeTime != NO_TIME) {
            return tradeTime;
        }
        if (eventTime != NO_TIME) {
            return eventTime;
        }
        return tradeTime != NO_TIME ? tradeTime : time;
    }
}
