package chronicle.ingest.api.binance;

import chronicle.ingest.spi.LevelBuffer;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Turns the JSON of one Binance message (the bytes of one websocket message or REST reply, wherever they come from:
 * a capture file's line or a live connection) into a {@link BinanceMessage} with Jackson's streaming parser, in one pass:
 * the fields of interest are read as they come (in any order), prices and sizes go straight to mantissas
 * ({@link JsonValues}), everything else is skipped. Messages of other symbols, and of streams that were not asked
 * for, are dropped as early as the JSON allows (an envelope's stream name, before its data is parsed). Knows nothing
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

    /** Thread-safe, shared by every parser. */
    private static final JsonFactory JSON = new JsonFactory();

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

    private final char[] symbol;
    private final StreamKind wanted;
    private final int priceExponent;
    private final int sizeExponent;
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
        this.symbol = symbol.toCharArray();
        this.wanted = wanted;
        this.priceExponent = priceExponent;
        this.sizeExponent = sizeExponent;
    }

    /** @return whether a symbol (from a REST URL, say) is the requested one. */
    public boolean isSymbol(CharSequence text) {
        if (text.length() != symbol.length) {
            return false;
        }
        for (int i = 0; i < symbol.length; i++) {
            if (Character.toUpperCase(text.charAt(i)) != Character.toUpperCase(symbol[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean isSymbol(char[] text, int offset, int length) {
        if (length != symbol.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (Character.toUpperCase(text[offset + i]) != Character.toUpperCase(symbol[i])) {
                return false;
            }
        }
        return true;
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
        try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                message.bad("expected a JSON object");
                return true;
            }
            topLevel(parser);
            if (parser.nextToken() != null) {
                message.bad("unexpected text after the JSON object");
                return true;
            }
        } catch (JsonProcessingException e) {
            message.bad("malformed JSON: " + oneLine(e.getOriginalMessage()));
            return true;
        } catch (IOException e) {
            message.bad("unreadable JSON: " + oneLine(e.getMessage()));
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

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    private void topLevel(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("stream".equals(name) && value == JsonToken.VALUE_STRING) {
                envelope = true;
                streamName(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } else if ("data".equals(name) && value == JsonToken.START_OBJECT) {
                envelope = true;
                if (skipEnvelopeData) {
                    p.skipChildren();
                } else {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        field(p, field);
                    }
                }
            } else {
                field(p, name);
            }
        }
    }

    /** An envelope's stream name, {@code <symbol>@<channel>[@<speed>]}: filters before the data is parsed. */
    private void streamName(char[] text, int offset, int length) {
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
        streamSymbol = isSymbol(text, offset, at) ? S_MATCH : S_OTHER;
        int start = at + 1;
        int end = start;
        while (end < length && text[offset + end] != '@') {
            end++;
        }
        String channel = new String(text, offset + start, end - start);
        StreamKind kind;
        if (channel.equals("depth")) {
            kind = StreamKind.BOOK;
        } else if (channel.startsWith("depth")) {
            partialDepthStream = true; // <symbol>@depth5/10/20: top-N views, not diffs
            kind = null;
        } else if (channel.equals("bookTicker")) {
            kind = StreamKind.QUOTES;
        } else if (channel.equals("aggTrade") || channel.equals("trade")) {
            kind = StreamKind.TRADES;
        } else {
            kind = null;
        }
        skipEnvelopeData = streamSymbol == S_OTHER || kind != wanted;
    }

    /** One field of an event (or of a bare REST snapshot): dispatched by what it holds. */
    private void field(JsonParser p, String name) throws IOException {
        switch (name) {
            case "e", "s" -> eventOrSymbol(p, name);
            case "E", "T", "U", "u", "pu", "lastUpdateId", "t" -> timeOrId(p, name);
            case "bids", "asks", "b", "a" -> bookSide(p, name);
            case "B", "A", "p", "q" -> amount(p, name);
            case "m" -> maker(p);
            case "result", "id" -> {
                seen |= RESULT; // a subscription reply: {"result":null,"id":1}
                p.skipChildren();
            }
            default -> p.skipChildren();
        }
    }

    private void eventOrSymbol(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            values.fail("field '" + name + "' is not a string");
            p.skipChildren();
        } else if (name.equals("e")) {
            event = switch (p.getText()) {
                case "depthUpdate" -> E_DEPTH;
                case "aggTrade" -> E_AGG_TRADE;
                case "trade" -> E_TRADE;
                case "bookTicker" -> E_BOOK_TICKER;
                default -> E_OTHER;
            };
        } else {
            dataSymbol = isSymbol(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) ? S_MATCH : S_OTHER;
        }
    }

    private void timeOrId(JsonParser p, String name) throws IOException {
        switch (name) {
            case "E" -> {
                out.eventTime = values.millis(p, name);
                seen |= EVENT_TIME;
            }
            case "T" -> {
                out.tradeTime = values.millis(p, name);
                seen |= TRADE_TIME;
            }
            case "U" -> {
                out.firstId = values.integer(p, name);
                seen |= FIRST_ID;
            }
            case "u" -> {
                out.lastId = values.integer(p, name);
                seen |= LAST_ID;
            }
            case "pu" -> out.prevId = values.integer(p, name);
            case "lastUpdateId" -> {
                out.id = values.integer(p, name);
                seen |= LAST_UPDATE_ID;
            }
            default -> {
                tradeId = values.integer(p, name);
                seen |= TRADE_ID;
            }
        }
    }

    /** bids / asks (REST), b / a: levels of a diff, the best price of a bookTicker, or (a) an aggTrade id. */
    private void bookSide(JsonParser p, String name) throws IOException {
        boolean bid = name.startsWith("b");
        JsonToken token = p.currentToken();
        if (name.length() > 1 || token == JsonToken.START_ARRAY) {
            levels(p, bid ? Side.BID : Side.ASK, name);
            seen |= bid ? BIDS : ASKS;
        } else if (!bid && token == JsonToken.VALUE_NUMBER_INT) {
            aggId = values.integer(p, name);
            seen |= AGG_ID;
        } else if (bid) {
            out.bidPrice = values.decimal(p, name, priceExponent);
            seen |= BID_PRICE;
        } else {
            out.askPrice = values.decimal(p, name, priceExponent);
            seen |= ASK_PRICE;
        }
    }

    /** B / A: a bookTicker's sizes; p / q: a trade's price and quantity. */
    private void amount(JsonParser p, String name) throws IOException {
        switch (name) {
            case "B" -> {
                out.bidSize = values.decimal(p, name, sizeExponent);
                seen |= BID_SIZE;
            }
            case "A" -> {
                out.askSize = values.decimal(p, name, sizeExponent);
                seen |= ASK_SIZE;
            }
            case "p" -> {
                out.price = values.decimal(p, name, priceExponent);
                seen |= PRICE;
            }
            default -> {
                out.size = values.decimal(p, name, sizeExponent);
                seen |= QUANTITY;
            }
        }
    }

    private void maker(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            out.aggressor = Side.ASK; // the buyer made the market: the seller took it
            seen |= MAKER;
        } else if (token == JsonToken.VALUE_FALSE) {
            out.aggressor = Side.BID;
            seen |= MAKER;
        } else {
            values.fail("unknown aggressor side: field 'm' is " + p.getText() + ", not true or false");
            p.skipChildren();
        }
    }

    /** {@code [["price","size"], ...]}: extra elements of a level (old APIs sent a third, empty one) are skipped. */
    private void levels(JsonParser p, Side side, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            values.fail("field '" + name + "' is " + JsonValues.describe(p) + ", not an array of levels");
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                values.fail("a level of '" + name + "' is " + JsonValues.describe(p) + ", not [price, size]");
                p.skipChildren();
                continue;
            }
            long price = 0;
            long size = 0;
            int element = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (element == 0) {
                    price = values.decimal(p, name + " price", priceExponent);
                } else if (element == 1) {
                    size = values.decimal(p, name + " size", sizeExponent);
                } else {
                    p.skipChildren();
                }
                element++;
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
