package chronicle.bus.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns names from users and vendors (venues, symbols, streams, queue names) into safe directory names and back.
 *
 * <p>Letters, digits, {@code -}, {@code _} and {@code .} stay as they are; every other character becomes
 * {@code %XX} per UTF-8 byte (so Kraken's {@code XBT/USD} is the directory {@code XBT%2FUSD}, and {@code %} itself is
 * {@code %25}); a leading dot is encoded too, so no name becomes a hidden file. The encoding is reversible.
 * Empty names, {@code .}, {@code ..} and names with control characters are refused: they are mistakes, not
 * symbols.
 */
public final class Names {

    private static final int MAX_ENCODED = 200;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Names() {
    }

    /**
     * @param what what the name is, for the error ("venue", "symbol", ...).
     * @param name the name as the user or vendor spells it.
     * @return a directory name that cannot escape its parent.
     * @throws IllegalArgumentException naming the field and the fix.
     */
    public static String encode(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " name is empty: give a non-empty name");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(what + " name '" + name + "' is not allowed: it would leave its "
                    + "directory");
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                throw new IllegalArgumentException(what + " name '" + printable(name) + "' has a control character "
                        + "(byte 0x" + Integer.toHexString(b) + " at " + i + "): remove it");
            }
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '-' || b == '_' || (b == '.' && i > 0);
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        if (out.length() > MAX_ENCODED) {
            throw new IllegalArgumentException(what + " name '" + printable(name) + "' is too long ("
                    + out.length() + " characters encoded, at most " + MAX_ENCODED + ")");
        }
        return out.toString();
    }

    /**
     * @param encoded a directory name made by {@link #encode}.
     * @return the original name.
     * @throws IllegalArgumentException if the text is not a valid encoding.
     */
    public static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("'" + encoded + "': incomplete %-escape at " + i);
                }
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
