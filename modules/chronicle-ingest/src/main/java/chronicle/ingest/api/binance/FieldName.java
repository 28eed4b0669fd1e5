package chronicle.ingest.api.binance;

/**
 * The field names {@link BinanceMessageParser} reads, as small integer codes: a name is recognised from its bytes
 * (length first, then the bytes), without making a String of it. Binance's names are case-sensitive ({@code b} is a
 * bid price, {@code B} its size).
 */
final class FieldName {

    static final int OTHER = 0;
    static final int STREAM = 1;
    static final int DATA = 2;
    static final int EVENT = 3;
    static final int SYMBOL = 4;
    static final int EVENT_TIME = 5;
    static final int TRADE_TIME = 6;
    static final int FIRST_ID = 7;
    static final int LAST_ID = 8;
    static final int PREV_ID = 9;
    static final int LAST_UPDATE_ID = 10;
    static final int TRADE_ID = 11;
    static final int BIDS = 12;
    static final int ASKS = 13;
    static final int BID = 14;
    static final int ASK = 15;
    static final int BID_SIZE = 16;
    static final int ASK_SIZE = 17;
    static final int PRICE = 18;
    static final int QUANTITY = 19;
    static final int MAKER = 20;
    static final int RESULT = 21;
    static final int ID = 22;

    /** Each code's name as Binance writes it, for reasons. */
    private static final String[] NAMES = {"", "stream", "data", "e", "s", "E", "T", "U", "u", "pu", "lastUpdateId",
            "t", "bids", "asks", "b", "a", "B", "A", "p", "q", "m", "result", "id"};
    private static final byte[][] BYTES = new byte[NAMES.length][];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            BYTES[i] = NAMES[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private FieldName() {
    }

    /**
     * @param code a code.
     * @return its name.
     */
    static String name(int code) {
        return NAMES[code];
    }

    /**
     * @param text   holds a field's name (decoded).
     * @param offset where it begins.
     * @param length its length in bytes.
     * @return its code, {@link #OTHER} for a name the parser does not read.
     */
    static int of(byte[] text, int offset, int length) {
        return switch (length) {
            case 1 -> single(text[offset]);
            case 2 -> is(PREV_ID, text, offset) ? PREV_ID : is(ID, text, offset) ? ID : OTHER;
            case 4 -> is(DATA, text, offset) ? DATA : is(BIDS, text, offset) ? BIDS : is(ASKS, text, offset) ? ASKS
                    : OTHER;
            case 6 -> is(STREAM, text, offset) ? STREAM : is(RESULT, text, offset) ? RESULT : OTHER;
            case 12 -> is(LAST_UPDATE_ID, text, offset) ? LAST_UPDATE_ID : OTHER;
            default -> OTHER;
        };
    }

    private static int single(byte c) {
        return switch (c) {
            case 'e' -> EVENT;
            case 's' -> SYMBOL;
            case 'E' -> EVENT_TIME;
            case 'T' -> TRADE_TIME;
            case 'U' -> FIRST_ID;
            case 'u' -> LAST_ID;
            case 't' -> TRADE_ID;
            case 'b' -> BID;
            case 'a' -> ASK;
            case 'B' -> BID_SIZE;
            case 'A' -> ASK_SIZE;
            case 'p' -> PRICE;
            case 'q' -> QUANTITY;
            case 'm' -> MAKER;
            default -> OTHER;
        };
    }

    private static boolean is(int code, byte[] text, int offset) {
        byte[] name = BYTES[code];
        return equals(text, offset, offset + name.length, name);
    }

    /**
     * A plain loop: for words this short it beats {@code Arrays.equals}' vectorised compare.
     *
     * @param text   holds the bytes.
     * @param from   where they begin.
     * @param to     where they end.
     * @param word   what they should be.
     * @return whether {@code text[from, to)} is the word.
     */
    static boolean equals(byte[] text, int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (text[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }
}
