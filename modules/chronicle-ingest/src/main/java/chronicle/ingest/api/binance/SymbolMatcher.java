package chronicle.ingest.api.binance;

import java.nio.charset.StandardCharsets;

/**
 * The requested symbol, compared case-insensitively (character by character, {@link Character#toUpperCase(char)})
 * with a symbol in a message (its UTF-8 bytes, in place) or in a REST URL. Stream names write symbols in lower case,
 * events in upper case.
 */
final class SymbolMatcher {

    /** the symbol's characters upper-cased, as every comparison needs them. */
    private final char[] upper;

    /** @param symbol the requested symbol. */
    SymbolMatcher(String symbol) {
        upper = new char[symbol.length()];
        for (int i = 0; i < upper.length; i++) {
            upper[i] = Character.toUpperCase(symbol.charAt(i));
        }
    }

    /**
     * @param text a symbol.
     * @return whether it is the requested one.
     */
    boolean matches(CharSequence text) {
        if (text.length() != upper.length) {
            return false;
        }
        for (int i = 0; i < upper.length; i++) {
            if (Character.toUpperCase(text.charAt(i)) != upper[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares byte by byte while the text is ASCII (Binance's symbols are), as characters (allocating) if not.
     *
     * @param text   holds a symbol, UTF-8.
     * @param offset where it begins.
     * @param length its length in bytes.
     * @return whether it is the requested one.
     */
    boolean matches(byte[] text, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (text[offset + i] < 0) {
                return matches(new String(text, offset, length, StandardCharsets.UTF_8));
            }
        }
        if (length != upper.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = text[offset + i];
            if ((c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c) != upper[i]) {
                return false;
            }
        }
        return true;
    }
}
