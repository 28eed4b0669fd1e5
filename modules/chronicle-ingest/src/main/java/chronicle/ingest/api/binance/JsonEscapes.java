package chronicle.ingest.api.binance;

/**
 * The escapes of JSON strings, decoded to UTF-8 bytes for {@link JsonScanner}: Binance never escapes anything in
 * the fields it sends, but a string with escapes must read as the text it stands for (a name, a symbol, a decimal).
 * Allocates nothing.
 */
final class JsonEscapes {

    private JsonEscapes() {
    }

    /**
     * @param c a byte.
     * @return its value as a hex digit, or -1.
     */
    static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Decodes a string's content whose escapes the scanner checked. The result is never longer than the input
     * ({@code \\uXXXX} is 6 bytes, its character at most 3; a surrogate pair 12 bytes, its character 4), so an
     * output array as long as the input always suffices.
     *
     * @param text the string's bytes, without quotes.
     * @param from where its content begins.
     * @param to   where it ends.
     * @param out  where the decoded UTF-8 goes (a lone surrogate as U+FFFD).
     * @return the decoded length.
     */
    static int decode(byte[] text, int from, int to, byte[] out) {
        int n = 0;
        int i = from;
        while (i < to) {
            byte c = text[i];
            if (c != '\\') {
                out[n++] = c;
                i++;
                continue;
            }
            byte e = text[i + 1];
            if (e != 'u') {
                out[n++] = switch (e) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e; // " \ /
                };
                i += 2;
                continue;
            }
            char unit = unit(text, i);
            i += 6;
            int codePoint = unit;
            if (Character.isHighSurrogate(unit) && i + 5 < to && text[i] == '\\' && text[i + 1] == 'u'
                    && Character.isLowSurrogate(unit(text, i))) {
                codePoint = Character.toCodePoint(unit, unit(text, i));
                i += 6;
            } else if (Character.isSurrogate(unit)) {
                codePoint = 0xFFFD;
            }
            n = encode(codePoint, out, n);
        }
        return n;
    }

    /** The code unit of the {@code \\uXXXX} escape at {@code at}. */
    private static char unit(byte[] text, int at) {
        return (char) (hex(text[at + 2]) << 12 | hex(text[at + 3]) << 8 | hex(text[at + 4]) << 4 | hex(text[at + 5]));
    }

    private static int encode(int codePoint, byte[] out, int at) {
        int n = at;
        if (codePoint < 0x80) {
            out[n++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            out[n++] = (byte) (0xC0 | codePoint >> 6);
            out[n++] = (byte) (0x80 | codePoint & 0x3F);
        } else if (codePoint < 0x10000) {
            out[n++] = (byte) (0xE0 | codePoint >> 12);
            out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | codePoint & 0x3F);
        } else {
            out[n++] = (byte) (0xF0 | codePoint >> 18);
            out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | codePoint & 0x3F);
        }
        return n;
    }
}
