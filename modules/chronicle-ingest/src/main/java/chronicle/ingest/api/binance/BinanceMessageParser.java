package chronicle.ingest.api.binance;

import chronicle.ingest.spi.LevelBuffer;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;

import java.nio.charset.StandardCharsets;

/**
 * Turns the JSON of one Binance message (the bytes of one websocket message or REST reply, wherever they come from:
 * a capture file's line or a live connection) into a {@link BinanceMessage}, in one pass over the bytes with a
 * hand-written scanner ({@link JsonScanner}): the fields of interest are read as they come (in any order), prices and
 * sizes go from the bytes of their strings straight to mantissas ({@link JsonValues}), everything else is skipped
 * (whatever its JSON type, however nested), still checked to be JSON. Messages of other symbols, and of streams that
 * were not asked for, are dropped as early as the JSON allows (an envelope's stream name, before its data is parsed).
 *
 * <p>Allocates nothing per message: names and texts are compared as bytes where they lie. Bad input (malformed JSON,
 * a wrong type, a number that is not a decimal or does not fit) never throws: the message comes back
 * {@link BinanceMessage.Kind#BAD} with a one-line reason naming the field, the only thing that allocates. Knows nothing
 * of files. <b>Not thread-safe:</b> one per input.
 */
public final class BinanceMessageParser {

    /**
     * Decimal exponent of every price mantissa: Binance prints spot prices with 8 decimals (futures with fewer), so
     * 10^-8 holds every price exactly, for every symbol, before the first message is seen.
     */
    public static final int PRICE_EXPONENT = -8;
    /** Decimal exponent of every size mantissa, for the same reason. */
    public static final int SIZE_EXPONENT = -8;

    private static final int E_NONE = 0;
    private static final int E_DEPTH = 1;
    private static final int E_AGG_TRADE = 2;
    private static final int E_TRADE = 3;
    private static final int E_BOOK_TICKER = 4;
    private static final int E_OTHER = 5;

    private static final int S_UNKNOWN = 0;
    private static final int S_MATCH = 1;
    private static final int S_OTHER = 2;

    // the fields a message had, as bits of seen
    private static final int EVENT_TIME = 1;
    private static final int TRADE_TIME = 1 << 1;
    private static final int FIRST_ID = 1 << 2;
    private static final int LAST_ID = 1 << 3;
    private static final int LAST_UPDATE_ID = 1 << 4;
    private static final int BIDS = 1 << 5;
    private static final int ASKS = 1 << 6;
    private static final int BID_PRICE = 1 << 7;
    private static final int ASK_PRICE = 1 << 8;
    private static final int BID_SIZE = 1 << 9;
    private static final int ASK_SIZE = 1 << 10;
    private static final int PRICE = 1 << 11;
    private static final int QUANTITY = 1 << 12;
    private static final int MAKER = 1 << 13;
    private static final int AGG_ID = 1 << 14;
    private static final int TRADE_ID = 1 << 15;
    private static final int RESULT = 1 << 16;
    private static final int QUOTE_FIELDS = BID_PRICE | ASK_PRICE | BID_SIZE | ASK_SIZE;

    private static final byte[] DEPTH_UPDATE = ascii("depthUpdate");
    private static final byte[] AGG_TRADE = ascii("aggTrade");
    private static final byte[] TRADE = ascii("trade");
    private static final byte[] BOOK_TICKER = ascii("bookTicker");
    private static final byte[] DEPTH = ascii("depth");

    private final SymbolMatcher symbol;
    private final StreamKind wanted;
    private final int priceExponent;
    private final int sizeExponent;
    private final JsonScanner scanner = new JsonScanner();
    private final JsonValues values = new JsonValues();

    // per-message state
    private BinanceMessage out;
    private int event;
    private boolean envelope;
    private boolean skipEnvelopeData;
    private boolean partialDepthStream;
    private int streamSymbol;
    private int dataSymbol;
    private int seen;
    private long aggId;
    private long tradeId;

    /**
     * @param symbol        the requested symbol (compared case-insensitively).
     * @param wanted        which stream is imported.
     * @param priceExponent exponent of price mantissas.
     * @param sizeExponent  exponent of size mantissas.
     */
    public BinanceMessageParser(String symbol, StreamKind wanted, int priceExponent, int sizeExponent) {
        this.symbol = new SymbolMatcher(symbol);
        this.wanted = wanted;
        this.priceExponent = priceExponent;
        this.sizeExponent = sizeExponent;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return whether a symbol (from a REST URL, say) is the requested one. */
    public boolean isSymbol(CharSequence text) {
        return symbol.matches(text);
    }

    /**
     * Parses one JSON object.
     *
     * @param bytes    the message's bytes.
     * @param offset   where the JSON begins.
     * @param length   its length.
     * @param rest     whether it is a REST depth snapshot of the requested symbol (a reply that names neither).
     * @param message  filled in; its kind says what it is ({@link BinanceMessage.Kind#BAD} with a reason for bad input).
     * @return false if the message is of no interest (another symbol, a stream not asked for, a kline ...).
     */
    public boolean parse(byte[] bytes, int offset, int length, boolean rest, BinanceMessage message) {
        out = message;
        resetState();
        JsonScanner s = scanner;
        s.wrap(bytes, offset, length);
        if (!s.startObject()) {
            message.bad(s.error() != null ? s.error() : "expected a JSON object");
            return true;
        }
        topLevel(s);
        if (s.error() != null) {
            message.bad(s.error());
            return true;
        }
        if (!s.atEnd()) {
            message.bad("unexpected text after the JSON object");
            return true;
        }
        return classify(rest);
    }

    private void resetState() {
        event = E_NONE;
        envelope = false;
        skipEnvelopeData = false;
        partialDepthStream = false;
        streamSymbol = S_UNKNOWN;
        dataSymbol = S_UNKNOWN;
        seen = 0;
        aggId = 0;
        tradeId = 0;
        values.reset();
    }

    private boolean has(int fields) {
        return (seen & fields) == fields;
    }

    /** The field name the scanner just read, as a {@link FieldName} code. */
    private static int fieldName(JsonScanner s) {
        s.prepareText();
        return FieldName.of(s.textBytes(), s.textOffset(), s.textLength());
    }

    private void topLevel(JsonScanner s) {
        for (boolean first = true; s.nextField(first); first = false) {
            int name = fieldName(s);
            int value = s.value();
            if (name == FieldName.STREAM && value == JsonScanner.STRING) {
                envelope = true;
                s.prepareText();
                streamName(s.textBytes(), s.textOffset(), s.textLength());
            } else if (name == FieldName.DATA && value == JsonScanner.OBJECT) {
                envelope = true;
                if (skipEnvelopeData) {
                    s.skipChildren();
                } else {
                    for (boolean firstOfData = true; s.nextField(firstOfData); firstOfData = false) {
                        int field = fieldName(s);
                        s.value();
                        field(s, field);
                    }
                }
            } else {
                field(s, name);
            }
        }
    }

    /** An envelope's stream name, {@code <symbol>@<channel>[@<speed>]}: filters before the data is parsed. */
    private void streamName(byte[] text, int offset, int length) {
        int at = -1;
        for (int i = 0; i < length; i++) {
            if (text[offset + i] == '@') {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return;
        }
        streamSymbol = symbol.matches(text, offset, at) ? S_MATCH : S_OTHER;
        int start = offset + at + 1;
        int end = start;
        while (end < offset + length && text[end] != '@') {
            end++;
        }
        StreamKind kind;
        if (FieldName.equals(text, start, end, DEPTH)) {
            kind = StreamKind.BOOK;
        } else if (end - start > DEPTH.length && FieldName.equals(text, start, start + DEPTH.length, DEPTH)) {
            partialDepthStream = true; // <symbol>@depth5/10/20: top-N views, not diffs
            kind = null;
        } else if (FieldName.equals(text, start, end, BOOK_TICKER)) {
            kind = StreamKind.QUOTES;
        } else if (FieldName.equals(text, start, end, AGG_TRADE) || FieldName.equals(text, start, end, TRADE)) {
            kind = StreamKind.TRADES;
        } else {
            kind = null;
        }
        skipEnvelopeData = streamSymbol == S_OTHER || kind != wanted;
    }

    /** One field of an event (or of a bare REST snapshot), the scanner at its value: dispatched by what it holds. */
    private void field(JsonScanner s, int name) {
        switch (name) {
            case FieldName.EVENT, FieldName.SYMBOL -> eventOrSymbol(s, name);
            case FieldName.EVENT_TIME, FieldName.TRADE_TIME, FieldName.FIRST_ID, FieldName.LAST_ID, FieldName.PREV_ID,
                 FieldName.LAST_UPDATE_ID, FieldName.TRADE_ID -> timeOrId(s, name);
            case FieldName.BIDS, FieldName.ASKS, FieldName.BID, FieldName.ASK -> bookSide(s, name);
            case FieldName.BID_SIZE, FieldName.ASK_SIZE, FieldName.PRICE, FieldName.QUANTITY -> amount(s, name);
            case FieldName.MAKER -> maker(s);
            case FieldName.RESULT, FieldName.ID -> {
                seen |= RESULT; // a subscription reply: {"result":null,"id":1}
                s.skipChildren();
            }
            default -> s.skipChildren();
        }
    }

    private void eventOrSymbol(JsonScanner s, int name) {
        int token = s.token();
        if (token != JsonScanner.STRING) {
            if (token != JsonScanner.FAILED) {
                values.fail("field '" + FieldName.name(name) + "' is not a string");
                s.skipChildren();
            }
            return;
        }
        s.prepareText();
        byte[] text = s.textBytes();
        int from = s.textOffset();
        int to = from + s.textLength();
        if (name == FieldName.EVENT) {
            event = FieldName.equals(text, from, to, DEPTH_UPDATE) ? E_DEPTH
                    : FieldName.equals(text, from, to, AGG_TRADE) ? E_AGG_TRADE
                    : FieldName.equals(text, from, to, TRADE) ? E_TRADE
                    : FieldName.equals(text, from, to, BOOK_TICKER) ? E_BOOK_TICKER
                    : E_OTHER;
        } else {
            dataSymbol = symbol.matches(text, from, to - from) ? S_MATCH : S_OTHER;
        }
    }

    private void timeOrId(JsonScanner s, int name) {
        String label = FieldName.name(name);
        switch (name) {
            case FieldName.EVENT_TIME -> {
                out.eventTime = values.millis(s, label);
                seen |= EVENT_TIME;
            }
            case FieldName.TRADE_TIME -> {
                out.tradeTime = values.millis(s, label);
                seen |= TRADE_TIME;
            }
            case FieldName.FIRST_ID -> {
                out.firstId = values.integer(s, label);
                seen |= FIRST_ID;
            }
            case FieldName.LAST_ID -> {
                out.lastId = values.integer(s, label);
                seen |= LAST_ID;
            }
            case FieldName.PREV_ID -> out.prevId = values.integer(s, label);
            case FieldName.LAST_UPDATE_ID -> {
                out.id = values.integer(s, label);
                seen |= LAST_UPDATE_ID;
            }
            default -> {
                tradeId = values.integer(s, label);
                seen |= TRADE_ID;
            }
        }
    }

    /** bids / asks (REST), b / a: levels of a diff, the best price of a bookTicker, or (a) an aggTrade id. */
    private void bookSide(JsonScanner s, int name) {
        boolean bid = name == FieldName.BIDS || name == FieldName.BID;
        String label = FieldName.name(name);
        int token = s.token();
        if (name == FieldName.BIDS || name == FieldName.ASKS || token == JsonScanner.ARRAY) {
            levels(s, bid ? Side.BID : Side.ASK, label);
            seen |= bid ? BIDS : ASKS;
        } else if (!bid && token == JsonScanner.INTEGER) {
            aggId = values.integer(s, label);
            seen |= AGG_ID;
        } else if (bid) {
            out.bidPrice = values.decimal(s, label, null, priceExponent);
            seen |= BID_PRICE;
        } else {
            out.askPrice = values.decimal(s, label, null, priceExponent);
            seen |= ASK_PRICE;
        }
    }

    /** B / A: a bookTicker's sizes; p / q: a trade's price and quantity. */
    private void amount(JsonScanner s, int name) {
        String label = FieldName.name(name);
        switch (name) {
            case FieldName.BID_SIZE -> {
                out.bidSize = values.decimal(s, label, null, sizeExponent);
                seen |= BID_SIZE;
            }
            case FieldName.ASK_SIZE -> {
                out.askSize = values.decimal(s, label, null, sizeExponent);
                seen |= ASK_SIZE;
            }
            case FieldName.PRICE -> {
                out.price = values.decimal(s, label, null, priceExponent);
                seen |= PRICE;
            }
            default -> {
                out.size = values.decimal(s, label, null, sizeExponent);
                seen |= QUANTITY;
            }
        }
    }

    private void maker(JsonScanner s) {
        int token = s.token();
        if (token == JsonScanner.TRUE) {
            out.aggressor = Side.ASK; // the buyer made the market: the seller took it
            seen |= MAKER;
        } else if (token == JsonScanner.FALSE) {
            out.aggressor = Side.BID;
            seen |= MAKER;
        } else if (token != JsonScanner.FAILED) {
            values.fail("unknown aggressor side: field 'm' is " + s.tokenText() + ", not true or false");
            s.skipChildren();
        }
    }

    /** {@code [["price","size"], ...]}: extra elements of a level (old APIs sent a third, empty one) are skipped. */
    private void levels(JsonScanner s, Side side, String name) {
        int token = s.token();
        if (token != JsonScanner.ARRAY) {
            if (token != JsonScanner.FAILED) {
                values.fail("field '" + name + "' is " + JsonValues.describe(s) + ", not an array of levels");
                s.skipChildren();
            }
            return;
        }
        for (boolean first = true; s.nextElement(first); first = false) {
            int level = s.value();
            if (level != JsonScanner.ARRAY) {
                if (level != JsonScanner.FAILED) {
                    values.fail("a level of '" + name + "' is " + JsonValues.describe(s) + ", not [price, size]");
                    s.skipChildren();
                }
                continue;
            }
            long price = 0;
            long size = 0;
            int element = 0;
            for (boolean firstOfLevel = true; s.nextElement(firstOfLevel); firstOfLevel = false) {
                s.value();
                if (element == 0) {
                    price = values.decimal(s, name, " price", priceExponent);
                } else if (element == 1) {
                    size = values.decimal(s, name, " size", sizeExponent);
                } else {
                    s.skipChildren();
                }
                element++;
            }
            if (s.error() != null) {
                return;
            }
            if (element < 2) {
                values.fail("a level of '" + name + "' has " + element + " elements, not [price, size]");
            } else if (out.levels.isFull()) {
                values.fail("more than " + LevelBuffer.MAX_LEVELS + " levels in one message");
            } else {
                out.levels.add(side, price, size);
            }
        }
    }

    /** Decides what the parsed object is; false for objects of no interest. */
    private boolean classify(boolean rest) {
        BinanceMessage m = out;
        int symbolState = dataSymbol != S_UNKNOWN ? dataSymbol : streamSymbol;
        BinanceMessage.Kind kind;
        if (rest) {
            kind = BinanceMessage.Kind.SNAPSHOT;
            symbolState = S_MATCH; // the URL named it
        } else {
            switch (event) {
                case E_DEPTH -> kind = partialDepthStream ? null : BinanceMessage.Kind.DIFF;
                case E_AGG_TRADE, E_TRADE -> kind = BinanceMessage.Kind.TRADE;
                case E_BOOK_TICKER -> kind = BinanceMessage.Kind.QUOTE;
                case E_OTHER -> kind = null;
                default -> {
                    if (has(LAST_UPDATE_ID) && (seen & (BIDS | ASKS)) != 0) {
                        // a REST snapshot as a bare line; inside an envelope it is a partial-depth view
                        kind = envelope ? null : BinanceMessage.Kind.SNAPSHOT;
                        if (symbolState == S_UNKNOWN) {
                            symbolState = S_MATCH; // bare snapshots carry no symbol: the request's
                        }
                    } else if ((seen & QUOTE_FIELDS) != 0) {
                        kind = BinanceMessage.Kind.QUOTE;
                    } else if (has(RESULT) || symbolState == S_OTHER || (envelope && skipEnvelopeData)) {
                        kind = null;
                    } else {
                        String error = values.error();
                        m.bad(error != null ? error : "not a Binance depth, trade or book-ticker message");
                        return true;
                    }
                }
            }
        }
        if (kind == null || symbolState == S_OTHER || streamOf(kind) != wanted) {
            return false;
        }
        return accept(m, kind, symbolState);
    }

    /** A message of the symbol and stream asked for: bad if a field was bad or is missing. */
    private boolean accept(BinanceMessage m, BinanceMessage.Kind kind, int symbolState) {
        if (symbolState == S_UNKNOWN) {
            m.bad("missing field 's' (symbol)");
            return true;
        }
        if (values.error() != null) {
            m.bad(values.error());
            return true;
        }
        String missing = missing(kind);
        if (missing != null) {
            m.bad("missing field '" + missing + "'");
            return true;
        }
        m.kind = kind;
        if (kind == BinanceMessage.Kind.TRADE) {
            m.id = event == E_AGG_TRADE ? aggId : tradeId;
            m.firstId = m.id;
            m.lastId = m.id;
        } else if (kind == BinanceMessage.Kind.QUOTE) {
            m.id = m.lastId;
            m.firstId = m.lastId;
        }
        return true;
    }

    private static StreamKind streamOf(BinanceMessage.Kind kind) {
        return switch (kind) {
            case SNAPSHOT, DIFF -> StreamKind.BOOK;
            case TRADE -> StreamKind.TRADES;
            case QUOTE -> StreamKind.QUOTES;
            case BAD -> null;
        };
    }

    private String missing(BinanceMessage.Kind kind) {
        return switch (kind) {
            case SNAPSHOT -> !has(LAST_UPDATE_ID) ? "lastUpdateId" : !has(BIDS) ? "bids" : !has(ASKS) ? "asks" : null;
            case DIFF -> !has(EVENT_TIME) ? "E" : !has(FIRST_ID) ? "U" : !has(LAST_ID) ? "u" : !has(BIDS) ? "b"
                    : !has(ASKS) ? "a" : null;
            case TRADE -> !has(event == E_AGG_TRADE ? AGG_ID : TRADE_ID) ? (event == E_AGG_TRADE ? "a" : "t")
                    : !has(PRICE) ? "p" : !has(QUANTITY) ? "q" : !has(MAKER) ? "m"
                    : (seen & (EVENT_TIME | TRADE_TIME)) == 0 ? "T" : null;
            case QUOTE -> !has(LAST_ID) ? "u" : !has(BID_PRICE) ? "b" : !has(BID_SIZE) ? "B" : !has(ASK_PRICE) ? "a"
                    : !has(ASK_SIZE) ? "A" : null;
            case BAD -> null;
        };
    }
}
