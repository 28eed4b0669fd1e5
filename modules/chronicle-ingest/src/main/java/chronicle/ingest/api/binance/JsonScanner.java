package chronicle.ingest.api.binance;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/*
 * Over 500 lines for one concept: every part of the tokenizer (structure, strings, numbers, literals, errors) moves
 * the same position and keeps the same first error; split apart, each part would reach into the others' state.
 */

/**
 * A strict JSON tokenizer over the bytes of one message (RFC 8259, UTF-8), for {@link BinanceMessageParser}: the
 * parser walks objects and arrays with {@link #nextField} and {@link #nextElement}, reads each value's first token
 * with {@link #value()} (a scalar is read whole, a container only opened) and skips what it does not want with
 * {@link #skipChildren()}. String contents and number texts stay where they are in the input: the parser reads them
 * in place ({@link #textBytes()}), so nothing is copied or allocated, except the decoded text of a string with
 * escapes, which goes to one reused scratch array.
 *
 * <p><b>Bad input.</b> The first syntax error (a truncated message, an unexpected byte, a bad escape, invalid UTF-8
 * in a string, a number with leading zeros or of more than {@value #MAX_DIGITS} digits, nesting deeper
 * than {@value #MAX_DEPTH}) ends the scan: {@link #error()} holds a one-line reason naming the byte and the field
 * where it was found ({@code malformed JSON: Unexpected end-of-input at byte 57 (field 'b')}), every later call
 * reports the end, and nothing is thrown. Every call consumes input or fails, so no loop over it can run forever.
 * Only the reason allocates. <b>Not thread-safe:</b> one per parser.
 */
final class JsonScanner {

    /** Containers nested deeper than this are a syntax error (the usual default limit of JSON parsers). */
    static final int MAX_DEPTH = 1000;
    /** A number of more digits than this (its exponent's included) is a syntax error (the usual default limit). */
    static final int MAX_DIGITS = 1000;

    /** Token: none, the scan failed ({@link #error()}). */
    static final int FAILED = 0;
    /** Token: a string; its content is the text. */
    static final int STRING = 1;
    /** Token: a number without fraction or exponent; its characters are the text. */
    static final int INTEGER = 2;
    /** Token: a number with a fraction or an exponent; its characters are the text. */
    static final int DECIMAL = 3;
    /** Token: {@code true}. */
    static final int TRUE = 4;
    /** Token: {@code false}. */
    static final int FALSE = 5;
    /** Token: {@code null}. */
    static final int NULL = 6;
    /** Token: an object was opened. */
    static final int OBJECT = 7;
    /** Token: an array was opened. */
    static final int ARRAY = 8;

    /** Eight bytes of a string at once, the first in the lowest bits, whatever the platform's byte order. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = ' ' * ONES;

    private static final byte[] TRUE_TEXT = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE_TEXT = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL_TEXT = {'n', 'u', 'l', 'l'};

    private byte[] bytes;
    private int start;
    private int pos;
    private int end;
    private int token;
    private int textStart;
    private int textEnd;
    private boolean escaped;
    private byte[] decoded = new byte[64];
    private int decodedLength;
    /** the containers open now; {@code arrays[d]} tells whether the one at depth d is an array. */
    private int depth;
    private final boolean[] arrays = new boolean[MAX_DEPTH + 1];
    /** the name of the field of the top-level object or of an envelope's data being read, for reasons. */
    private int fieldStart;
    private int fieldEnd;
    private boolean readingName;
    private String error;

    /**
     * Starts on a message.
     *
     * @param bytes  the message's bytes.
     * @param offset where its JSON begins.
     * @param length its length.
     */
    void wrap(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.start = offset;
        this.pos = offset;
        this.end = offset + length;
        this.token = FAILED;
        this.depth = 0;
        this.fieldStart = -1;
        this.readingName = false;
        this.error = null;
    }

    /** @return the reason of the syntax error that ended the scan, or null. */
    String error() {
        return error;
    }

    /** @return the token {@link #value()} read last. */
    int token() {
        return token;
    }

    /**
     * Opens the message's object: whitespace (and a UTF-8 byte-order mark) may come before it.
     *
     * @return false if the message does not begin with an object: a syntax error is kept if it does not begin with
     *         JSON either (garbage rather than, say, an array).
     */
    boolean startObject() {
        if (end - pos >= 3 && bytes[pos] == (byte) 0xEF && bytes[pos + 1] == (byte) 0xBB
                && bytes[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
        skipWhitespace();
        if (pos == end) {
            return false;
        }
        byte c = bytes[pos];
        if (c != '{') {
            boolean json = c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f'
                    || c == 'n';
            return json ? false : unexpected("'{'");
        }
        pos++;
        depth = 1;
        arrays[1] = false;
        return true;
    }

    /** @return after the message's object: whether only whitespace follows. */
    boolean atEnd() {
        skipWhitespace();
        return pos == end;
    }

    /**
     * Moves to the next field of the object open at the current depth: past the comma before it, its name (the
     * text, until {@link #value()}) and the colon after it; or past the object's closing brace.
     *
     * @param first whether no field of the object was read yet.
     * @return true at a field, false at the object's end or after a syntax error.
     */
    boolean nextField(boolean first) {
        if (!separator(first, '}', "',' or '}'")) {
            return false;
        }
        if (pos == end) {
            return eof();
        }
        if (bytes[pos] != '"') {
            return unexpected("'\"' (a field name)");
        }
        readingName = true;
        if (!string()) {
            return false;
        }
        readingName = false;
        if (depth <= 2) {
            fieldStart = textStart;
            fieldEnd = textEnd;
        }
        skipWhitespace();
        if (pos == end) {
            return eof();
        }
        if (bytes[pos] != ':') {
            return unexpected("':'");
        }
        pos++;
        return true;
    }

    /**
     * Moves to the next element of the array open at the current depth (past the comma before it), or past the
     * array's closing bracket.
     *
     * @param first whether no element of the array was read yet.
     * @return true before an element ({@link #value()} reads it), false at the array's end or after a syntax error.
     */
    boolean nextElement(boolean first) {
        return separator(first, ']', "',' or ']'");
    }

    /** Past the comma between two members, or past the container's end (false); true before a member. */
    private boolean separator(boolean first, char close, String expectedNext) {
        if (error != null) {
            return false;
        }
        skipWhitespace();
        if (pos == end) {
            return eof();
        }
        byte c = bytes[pos];
        if (c == close) {
            pos++;
            depth--;
            return false;
        }
        if (first) {
            return true;
        }
        if (c != ',') {
            return unexpected(expectedNext);
        }
        pos++;
        skipWhitespace();
        if (pos < end && bytes[pos] == close) {
            return unexpected(close == '}' ? "'\"' (a field name)" : "a value");
        }
        return true;
    }

    /**
     * Reads the token at the start of a value: a scalar whole (a string's or a number's text then stays readable
     * until the next call), an object or array only opened (its members follow).
     *
     * @return the token, {@link #FAILED} after a syntax error.
     */
    int value() {
        token = FAILED;
        if (error != null) {
            return FAILED;
        }
        skipWhitespace();
        if (pos == end) {
            eof();
            return FAILED;
        }
        byte c = bytes[pos];
        int read = switch (c) {
            case '"' -> string() ? STRING : FAILED;
            case '{', '[' -> open(c == '[');
            case 't' -> literal(TRUE_TEXT, TRUE);
            case 'f' -> literal(FALSE_TEXT, FALSE);
            case 'n' -> literal(NULL_TEXT, NULL);
            default -> c == '-' || (c >= '0' && c <= '9') ? number() : unexpectedValue();
        };
        token = read;
        return read;
    }

    /** After {@link #value()}: skips the members of the object or array it opened (nothing for a scalar). */
    void skipChildren() {
        if (token != OBJECT && token != ARRAY) {
            return;
        }
        int base = depth - 1;
        boolean first = true;
        while (depth > base && error == null) {
            if (!(arrays[depth] ? nextElement(first) : nextField(first))) {
                first = false; // a container closed; its parent had a member (it)
                continue;
            }
            int read = value();
            first = read == OBJECT || read == ARRAY;
        }
    }

    /**
     * Makes the text of the last string (decoded, if it has escapes) or number readable through {@link #textBytes()},
     * {@link #textOffset()} and {@link #textLength()}.
     */
    void prepareText() {
        if (escaped) {
            if (decoded.length < textEnd - textStart) {
                decoded = new byte[Math.max(textEnd - textStart, decoded.length * 2)];
            }
            decodedLength = JsonEscapes.decode(bytes, textStart, textEnd, decoded);
        }
    }

    /** @return the array holding the text ({@link #prepareText()} first). */
    byte[] textBytes() {
        return escaped ? decoded : bytes;
    }

    /** @return where the text begins in {@link #textBytes()}. */
    int textOffset() {
        return escaped ? 0 : textStart;
    }

    /** @return the text's length in bytes. */
    int textLength() {
        return escaped ? decodedLength : textEnd - textStart;
    }

    /**
     * @return the token's text as JSON shows it, for a reason (allocates): a string's content (line breaks as
     *         spaces, so the reason stays one line), a number, a literal, "{" or "[".
     */
    String tokenText() {
        return switch (token) {
            case STRING -> {
                prepareText();
                yield new String(textBytes(), textOffset(), textLength(), StandardCharsets.UTF_8)
                        .replace('\r', ' ').replace('\n', ' ');
            }
            case INTEGER, DECIMAL -> new String(bytes, textStart, textEnd - textStart, StandardCharsets.US_ASCII);
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> "null";
            case OBJECT -> "{";
            case ARRAY -> "[";
            default -> "";
        };
    }

    private int open(boolean array) {
        if (depth == MAX_DEPTH) {
            fail("nesting deeper than " + MAX_DEPTH + " levels");
            return FAILED;
        }
        pos++;
        depth++;
        arrays[depth] = array;
        return array ? ARRAY : OBJECT;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = bytes[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** At the opening quote: to after the closing one, the content between them the text. */
    private boolean string() {
        byte[] b = bytes;
        int e = end;
        int i = pos + 1;
        textStart = i;
        escaped = false;
        while (true) {
            while (i <= e - Long.BYTES) { // eight plain bytes at a time, up to the first that is not plain
                long special = special((long) LONGS.get(b, i));
                if (special != 0) {
                    i += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                i += Long.BYTES;
            }
            if (i >= e) {
                pos = end;
                return eof();
            }
            int c = b[i];
            if (c == '"') {
                textEnd = i;
                pos = i + 1;
                return true;
            }
            if (c >= 0x20 && c != '\\') {
                i++;
            } else if (c == '\\') {
                escaped = true;
                i = escape(i);
            } else if (c < 0) {
                i = utf8(i);
            } else {
                pos = i;
                return fail("Illegal unquoted character (code " + c + ") in a string: it has to be escaped");
            }
            if (i < 0) {
                return false;
            }
        }
    }

    /**
     * @param word eight bytes of a string, the first in the lowest bits.
     * @return the high bit set in every byte that is a quote, a backslash, a control character or not ASCII, the
     *         lowest such bit exactly (a borrow can set bits above it only): 0 if all eight are plain.
     */
    private static long special(long word) {
        long quote = word ^ QUOTES;
        long backslash = word ^ BACKSLASHES;
        return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (word - SPACES) & ~word | word) & HIGH_BITS;
    }

    /** At a backslash: to after its escape, or -1 (a syntax error). */
    private int escape(int at) {
        if (at + 1 >= end) {
            pos = end;
            eof();
            return -1;
        }
        byte c = bytes[at + 1];
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return at + 2;
            }
            case 'u' -> {
                for (int i = at + 2; i < at + 6; i++) {
                    if (i >= end) {
                        pos = end;
                        eof();
                        return -1;
                    }
                    if (JsonEscapes.hex(bytes[i]) < 0) {
                        pos = i;
                        unexpected("a hex digit of a \\u escape");
                        return -1;
                    }
                }
                return at + 6;
            }
            default -> {
                pos = at + 1;
                fail("Unrecognized character escape " + describe(c));
                return -1;
            }
        }
    }

    /** At the first byte of a multi-byte UTF-8 character: to after it, or -1 (a syntax error). */
    private int utf8(int at) {
        int lead = bytes[at] & 0xFF;
        int more = (lead & 0xE0) == 0xC0 ? 1 : (lead & 0xF0) == 0xE0 ? 2 : (lead & 0xF8) == 0xF0 ? 3 : -1;
        if (more < 0) {
            pos = at;
            fail("Invalid UTF-8 start byte " + describe(bytes[at]) + " in a string");
            return -1;
        }
        for (int i = at + 1; i <= at + more; i++) {
            if (i >= end) {
                pos = end;
                eof();
                return -1;
            }
            if ((bytes[i] & 0xC0) != 0x80) {
                pos = i;
                fail("Invalid UTF-8 middle byte " + describe(bytes[i]) + " in a string");
                return -1;
            }
        }
        return at + more + 1;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, as JSON has it. */
    private int number() {
        byte[] b = bytes;
        int i = pos;
        textStart = i;
        escaped = false;
        boolean integer = true;
        if (b[i] == '-') {
            i++;
        }
        if (i < end && b[i] == '0') {
            i++;
            if (i < end && isDigit(b[i])) {
                pos = i;
                return failToken("Invalid numeric value: leading zeroes not allowed");
            }
        } else {
            int digits = i;
            i = digits(i);
            if (i == digits) {
                return missingDigit(i, "Invalid numeric value: no digit after '-'");
            }
        }
        if (i < end && b[i] == '.') {
            integer = false;
            int digits = ++i;
            i = digits(i);
            if (i == digits) {
                return missingDigit(i, "Invalid numeric value: decimal point not followed by a digit");
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            integer = false;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int digits = i;
            i = digits(i);
            if (i == digits) {
                return missingDigit(i, "Invalid numeric value: exponent indicator not followed by a digit");
            }
        }
        textEnd = i;
        if (i - textStart > MAX_DIGITS && tooManyDigits()) {
            pos = textStart;
            return failToken("a number of more than " + MAX_DIGITS + " digits");
        }
        pos = i;
        return integer ? INTEGER : DECIMAL;
    }

    private boolean tooManyDigits() {
        int digits = 0;
        for (int at = textStart; at < textEnd; at++) {
            digits += isDigit(bytes[at]) ? 1 : 0;
        }
        return digits > MAX_DIGITS;
    }

    private int digits(int from) {
        int i = from;
        while (i < end && isDigit(bytes[i])) {
            i++;
        }
        return i;
    }

    private int missingDigit(int at, String reason) {
        pos = at;
        if (at == end) {
            eof();
            return FAILED;
        }
        return failToken(reason);
    }

    private int literal(byte[] text, int literal) {
        for (int i = 0; i < text.length; i++) {
            if (pos + i == end) {
                pos = end;
                eof();
                return FAILED;
            }
            if (bytes[pos + i] != text[i]) {
                pos += i;
                return failToken("Unrecognized token: expected '" + new String(text, StandardCharsets.US_ASCII) + "'");
            }
        }
        pos += text.length;
        return literal;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private int unexpectedValue() {
        unexpected("a value");
        return FAILED;
    }

    private boolean unexpected(String expected) {
        return fail("Unexpected character " + describe(bytes[pos]) + ", expected " + expected);
    }

    private boolean eof() {
        pos = end;
        return fail("Unexpected end-of-input");
    }

    private int failToken(String reason) {
        fail(reason);
        return FAILED;
    }

    /** Keeps the first syntax error and ends the scan. */
    private boolean fail(String reason) {
        if (error == null) {
            String field = fieldStart < 0 ? "" : "'" + new String(bytes, fieldStart, fieldEnd - fieldStart,
                    StandardCharsets.UTF_8) + "'";
            String where = readingName ? (field.isEmpty() ? "the first field's name" : "a field name after " + field)
                    : (field.isEmpty() ? "before the first field" : "field " + field);
            error = "malformed JSON: " + reason + " at byte " + (pos - start) + " (" + where + ")";
        }
        token = FAILED;
        pos = end;
        return false;
    }

    private static String describe(byte c) {
        return c > 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("0x%02X", c & 0xFF);
    }
}
