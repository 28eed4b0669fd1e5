package chronicle.plugin.importer.binance;

import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.Side;

import java.util.Arrays;

/**
 * One parsed venue message of the requested symbol (or one bad line), with prices and sizes already converted to
 * mantissas. Mutable and recycled by its {@link InputFile}: at most a bounded number are alive per input.
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
        /** a line that could not be used; {@link #reason} says why. */
        BAD
    }

    /** Marks an absent time. */
    static final long NO_TIME = Long.MIN_VALUE;

    final InputFile source;
    Kind kind;
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

    int levels;
    byte[] sides = new byte[64];
    long[] prices = new long[64];
    long[] sizes = new long[64];

    long price;
    long size;
    Side aggressor = Side.UNKNOWN;
    long bidPrice;
    long bidSize;
    long askPrice;
    long askSize;

    String reason;

    Message(InputFile source) {
        this.source = source;
    }

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
        levels = 0;
        price = 0;
        size = 0;
        aggressor = Side.UNKNOWN;
        bidPrice = 0;
        bidSize = 0;
        askPrice = 0;
        askSize = 0;
        reason = null;
    }

    void addLevel(Side side, long levelPrice, long levelSize) {
        if (levels == prices.length) {
            int grown = levels * 2;
            sides = Arrays.copyOf(sides, grown);
            prices = Arrays.copyOf(prices, grown);
            sizes = Arrays.copyOf(sizes, grown);
        }
        sides[levels] = (byte) side.code();
        prices[levels] = levelPrice;
        sizes[levels] = levelSize;
        levels++;
    }

    /** Turns this message into a bad line. */
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

    /** @return "file:line: reason", the note of a bad line. */
    String where() {
        return source.path() + ":" + line + ": " + reason;
    }
}
