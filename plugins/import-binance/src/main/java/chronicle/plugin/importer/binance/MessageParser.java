package chronicle.plugin.importer.binance;

import chronicle.protocol.api.AsciiDecimals;
import chronicle.protocol.api.Decimals;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Turns the JSON of one line into a {@link Message} with Jackson's streaming parser, in one pass: the fields of
 * interest are read as they come (in any order), prices and sizes go straight to mantissas, everything else is
 * skipped. Messages of other symbols, and of streams that were not asked for, are dropped as early as the JSON
 * allows (an envelope's stream name, before its data is parsed). Not thread-safe: one per input.
 */
final class MessageParser {

    /** Most levels one record can carry ({@code L2Levels} counts in 16 bits). */
    static final int MAX_LEVELS = 0xFFFF;

    private byte[] scratch = new byte[32];

    private static final int E_NONE = 0;
    private static final int E_DEPTH = 1;
    private static final int E_AGG_TRADE = 2;
    private static final int E_TRADE = 3;
    private static final int E_BOOK_TICKER = 4;
    private static final int E_OTHER = 5;

    private static final int S_UNKNOWN = 0;
    private static final int S_MATCH = 1;
    private static final int S_OTHER = 2;

    private final JsonFactory factory;
    private final char[] symbol;
    private final StreamKind wanted;
    private final int priceExponent;
    private final int sizeExponent;

    // per-message state
    private Message out;
    private int event;
    private boolean envelope;
    private boolean skipEnvelopeData;
    private boolean partialDepthStream;
    private int streamSymbol;
    private int dataSymbol;
    private boolean hasEventTime;
    private boolean hasTradeTime;
    private boolean hasFirstId;
    private boolean hasLastId;
    private boolean hasLastUpdateId;
    private boolean hasBids;
    private boolean hasAsks;
    private boolean hasBidPrice;
    private boolean hasAskPrice;
    private boolean hasBidSize;
    private boolean hasAskSize;
    private boolean hasPrice;
    private boolean hasQuantity;
    private boolean hasMaker;
    private boolean hasAggId;
    private boolean hasTradeId;
    private boolean hasResult;
    private long aggId;
    private long tradeId;
    private String error;

    /**
     * @param factory       the shared Jackson factory.
     * @param symbol        the requested symbol (compared case-insensitively).
     * @param wanted        which stream is imported.
     * @param priceExponent exponent of price mantissas.
     * @param sizeExponent  exponent of size mantissas.
     */
    MessageParser(JsonFactory factory, String symbol, StreamKind wanted, int priceExponent, int sizeExponent) {
        this.factory = factory;
        this.symbol = symbol.toCharArray();
        this.wanted = wanted;
        this.priceExponent = priceExponent;
        this.sizeExponent = sizeExponent;
    }

    /** @return whether a symbol (from a REST URL, say) is the requested one. */
    boolean isSymbol(CharSequence text) {
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
     * @param bytes    the line.
     * @param offset   where the JSON begins.
     * @param length   its length.
     * @param restLine whether the line is a REST depth snapshot of the requested symbol (cryptofeed http file).
     * @param message  filled in; its kind says what it is ({@link Message.Kind#BAD} with a reason for bad input).
     * @return false if the line is of no interest (another symbol, a stream not asked for, a kline ...).
     */
    boolean parse(byte[] bytes, int offset, int length, boolean restLine, Message message) {
        out = message;
        resetState();
        try (JsonParser parser = factory.createParser(bytes, offset, length)) {
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
        return classify(restLine);
    }

    private void resetState() {
        event = E_NONE;
        envelope = false;
        skipEnvelopeData = false;
        partialDepthStream = false;
        streamSymbol = S_UNKNOWN;
        dataSymbol = S_UNKNOWN;
        hasEventTime = false;
        hasTradeTime = false;
        hasFirstId = false;
        hasLastId = false;
        hasLastUpdateId = false;
        hasBids = false;
        hasAsks = false;
        hasBidPrice = false;
        hasAskPrice = false;
        hasBidSize = false;
        hasAskSize = false;
        hasPrice = false;
        hasQuantity = false;
        hasMaker = false;
        hasAggId = false;
        hasTradeId = false;
        hasResult = false;
        aggId = 0;
        tradeId = 0;
        error = null;
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    private void fail(String reason) {
        if (error == null) {
            error = reason;
        }
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

    private void field(JsonParser p, String name) throws IOException {
        JsonToken token = p.currentToken();
        switch (name) {
            case "e" -> {
                if (token == JsonToken.VALUE_STRING) {
                    event = switch (p.getText()) {
                        case "depthUpdate" -> E_DEPTH;
                        case "aggTrade" -> E_AGG_TRADE;
                        case "trade" -> E_TRADE;
                        case "bookTicker" -> E_BOOK_TICKER;
                        default -> E_OTHER;
                    };
                } else {
                    fail("field 'e' is not a string");
                    p.skipChildren();
                }
            }
            case "s" -> {
                if (token == JsonToken.VALUE_STRING) {
                    dataSymbol = isSymbol(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                            ? S_MATCH : S_OTHER;
                } else {
                    fail("field 's' is not a string");
                    p.skipChildren();
                }
            }
            case "E" -> {
                out.eventTime = millis(p, name);
                hasEventTime = true;
            }
            case "T" -> {
                out.tradeTime = millis(p, name);
                hasTradeTime = true;
            }
            case "U" -> {
                out.firstId = integer(p, name);
                hasFirstId = true;
            }
            case "u" -> {
                out.lastId = integer(p, name);
                hasLastId = true;
            }
            case "pu" -> out.prevId = integer(p, name);
            case "lastUpdateId" -> {
                out.id = integer(p, name);
                hasLastUpdateId = true;
            }
            case "bids" -> {
                levels(p, Side.BID, name);
                hasBids = true;
            }
            case "asks" -> {
                levels(p, Side.ASK, name);
                hasAsks = true;
            }
            case "b" -> {
                if (token == JsonToken.START_ARRAY) {
                    levels(p, Side.BID, name);
                    hasBids = true;
                } else {
                    out.bidPrice = decimal(p, name, priceExponent);
                    hasBidPrice = true;
                }
            }
            case "a" -> {
                if (token == JsonToken.START_ARRAY) {
                    levels(p, Side.ASK, name);
                    hasAsks = true;
                } else if (token == JsonToken.VALUE_NUMBER_INT) {
                    aggId = integer(p, name);
                    hasAggId = true;
                } else {
                    out.askPrice = decimal(p, name, priceExponent);
                    hasAskPrice = true;
                }
            }
            case "B" -> {
                out.bidSize = decimal(p, name, sizeExponent);
                hasBidSize = true;
            }
            case "A" -> {
                out.askSize = decimal(p, name, sizeExponent);
                hasAskSize = true;
            }
            case "p" -> {
                out.price = decimal(p, name, priceExponent);
                hasPrice = true;
            }
            case "q" -> {
                out.size = decimal(p, name, sizeExponent);
                hasQuantity = true;
            }
            case "t" -> {
                tradeId = integer(p, name);
                hasTradeId = true;
            }
            case "m" -> {
                if (token == JsonToken.VALUE_TRUE) {
                    out.aggressor = Side.ASK; // the buyer made the market: the seller took it
                    hasMaker = true;
                } else if (token == JsonToken.VALUE_FALSE) {
                    out.aggressor = Side.BID;
                    hasMaker = true;
                } else {
                    fail("unknown aggressor side: field 'm' is " + p.getText() + ", not true or false");
                    p.skipChildren();
                }
            }
            case "result", "id" -> {
                hasResult = true; // a subscription reply: {"result":null,"id":1}
                p.skipChildren();
            }
            default -> p.skipChildren();
        }
    }

    private long integer(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            fail("bad number: field '" + name + "' is " + describe(p) + ", not an integer");
            p.skipChildren();
            return 0;
        }
        if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
            fail("bad number: field '" + name + "' (" + p.getText() + ") does not fit 64 bits");
            return 0;
        }
        return p.getLongValue();
    }

    private long millis(JsonParser p, String name) throws IOException {
        long ms = integer(p, name);
        if (ms < 0 || ms > Long.MAX_VALUE / 1_000_000L) {
            fail("bad number: field '" + name + "' (" + ms + ") is not epoch milliseconds");
            return Message.NO_TIME;
        }
        return ms * 1_000_000L;
    }

    private static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            return "an array";
        }
        if (t == JsonToken.START_OBJECT) {
            return "an object";
        }
        return "'" + p.getText() + "'";
    }

    /** A decimal given as a string (Binance's way) or a JSON number, to a mantissa; negative is bad input. */
    private long decimal(JsonParser p, String name, int exponent) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            fail("bad number: field '" + name + "' is " + describe(p) + ", not a decimal");
            p.skipChildren();
            return 0;
        }
        return decimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), name, exponent);
    }

    /**
     * Jackson hands out characters; the shared allocation-free parser reads ASCII bytes. Anything that is not ASCII
     * cannot be a number and goes to {@link Decimals#parse}, which rejects it.
     */
    private long parseDecimal(char[] text, int offset, int length, int exponent) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            char c = text[offset + i];
            if (c > 127) {
                return Decimals.parse(java.nio.CharBuffer.wrap(text, offset, length), exponent);
            }
            scratch[i] = (byte) c;
        }
        return AsciiDecimals.parse(scratch, 0, length, exponent);
    }

    private long decimal(char[] text, int offset, int length, String name, int exponent) {
        try {
            long mantissa = parseDecimal(text, offset, length, exponent);
            if (mantissa < 0) {
                fail("bad number: " + name + " '" + new String(text, offset, length) + "' is negative");
                return 0;
            }
            return mantissa;
        } catch (NumberFormatException e) {
            fail("bad number: " + name + " '" + new String(text, offset, length) + "'"
                    + (e.getMessage() != null && e.getMessage().contains("does not fit")
                    ? " has more decimals than 10^" + exponent + " or is too large" : " is not a decimal"));
            return 0;
        }
    }

    /** {@code [["price","size"], ...]}: extra elements of a level (old APIs sent a third, empty one) are skipped. */
    private void levels(JsonParser p, Side side, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            fail("field '" + name + "' is " + describe(p) + ", not an array of levels");
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                fail("a level of '" + name + "' is " + describe(p) + ", not [price, size]");
                p.skipChildren();
                continue;
            }
            long price = 0;
            long size = 0;
            int element = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (element == 0) {
                    price = decimal(p, name + " price", priceExponent);
                } else if (element == 1) {
                    size = decimal(p, name + " size", sizeExponent);
                } else {
                    p.skipChildren();
                }
                element++;
            }
            if (element < 2) {
                fail("a level of '" + name + "' has " + element + " elements, not [price, size]");
                continue;
            }
            if (out.levels >= MAX_LEVELS) {
                fail("more than " + MAX_LEVELS + " levels in one message");
                continue;
            }
            out.addLevel(side, price, size);
        }
    }

    /** Decides what the parsed object is; false for objects of no interest. */
    private boolean classify(boolean restLine) {
        Message m = out;
        int symbolState = dataSymbol != S_UNKNOWN ? dataSymbol : streamSymbol;
        Message.Kind kind;
        if (restLine) {
            kind = Message.Kind.SNAPSHOT;
            symbolState = S_MATCH; // the URL named it
        } else {
            switch (event) {
                case E_DEPTH -> kind = partialDepthStream ? null : Message.Kind.DIFF;
                case E_AGG_TRADE, E_TRADE -> kind = Message.Kind.TRADE;
                case E_BOOK_TICKER -> kind = Message.Kind.QUOTE;
                case E_OTHER -> kind = null;
                default -> {
                    if (hasLastUpdateId && (hasBids || hasAsks)) {
                        // a REST snapshot as a bare line; inside an envelope it is a partial-depth view
                        kind = envelope ? null : Message.Kind.SNAPSHOT;
                        if (symbolState == S_UNKNOWN) {
                            symbolState = S_MATCH; // bare snapshots carry no symbol: the request's
                        }
                    } else if (hasBidPrice || hasAskPrice || hasBidSize || hasAskSize) {
                        kind = Message.Kind.QUOTE;
                    } else if (hasResult) {
                        kind = null;
                    } else if (symbolState == S_OTHER || (envelope && skipEnvelopeData)) {
                        kind = null;
                    } else {
                        m.bad(error != null ? error : "not a Binance depth, trade or book-ticker message");
                        return true;
                    }
                }
            }
        }
        if (kind == null || symbolState == S_OTHER || streamOf(kind) != wanted) {
            return false;
        }
        if (symbolState == S_UNKNOWN) {
            m.bad("missing field 's' (symbol)");
            return true;
        }
        if (error != null) {
            m.bad(error);
            return true;
        }
        String missing = missing(kind);
        if (missing != null) {
            m.bad("missing field '" + missing + "'");
            return true;
        }
        m.kind = kind;
        if (kind == Message.Kind.TRADE) {
            m.id = event == E_AGG_TRADE ? aggId : tradeId;
            m.firstId = m.id;
            m.lastId = m.id;
        } else if (kind == Message.Kind.QUOTE) {
            m.id = m.lastId;
            m.firstId = m.lastId;
        }
        return true;
    }

    private static StreamKind streamOf(Message.Kind kind) {
        return switch (kind) {
            case SNAPSHOT, DIFF -> StreamKind.BOOK;
            case TRADE -> StreamKind.TRADES;
            case QUOTE -> StreamKind.QUOTES;
            case BAD -> null;
        };
    }

    private String missing(Message.Kind kind) {
        return switch (kind) {
            case SNAPSHOT -> !hasLastUpdateId ? "lastUpdateId" : !hasBids ? "bids" : !hasAsks ? "asks" : null;
            case DIFF -> !hasEventTime ? "E" : !hasFirstId ? "U" : !hasLastId ? "u" : !hasBids ? "b"
                    : !hasAsks ? "a" : null;
            case TRADE -> (event == E_AGG_TRADE ? !hasAggId : !hasTradeId) ? (event == E_AGG_TRADE ? "a" : "t")
                    : !hasPrice ? "p" : !hasQuantity ? "q" : !hasMaker ? "m"
                    : !hasEventTime && !hasTradeTime ? "T" : null;
            case QUOTE -> !hasLastId ? "u" : !hasBidPrice ? "b" : !hasBidSize ? "B" : !hasAskPrice ? "a"
                    : !hasAskSize ? "A" : null;
            case BAD -> null;
        };
    }
}
