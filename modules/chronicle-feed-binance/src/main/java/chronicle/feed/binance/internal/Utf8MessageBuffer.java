package chronicle.feed.binance.internal;

import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * One websocket text message, assembled from the parts the JDK hands over as characters, encoded to UTF-8 into one
 * reused byte array that grows to the largest message: no allocation per message once grown. ASCII (all of
 * Binance's JSON) is copied a character to a byte; anything else is encoded as {@code String.getBytes(UTF_8)} would
 * encode it: a surrogate pair as one 4-byte character, even when a part ends between its halves, and a lone
 * surrogate as {@code '?'}. <b>Not thread-safe:</b> one per connection.
 */
public final class Utf8MessageBuffer {

    private byte[] bytes;
    private int length;
    /** a high surrogate that ended the last part: its low half may begin the next. */
    private char pendingHigh;

    /** @param initialCapacity bytes before the buffer first grows. */
    public Utf8MessageBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** @return the bytes of the message so far (valid up to {@link #length()}). */
    public byte[] bytes() {
        return bytes;
    }

    /** @return the message's length in bytes so far. */
    public int length() {
        return length;
    }

    /** Forgets the message, for the next one. */
    public void clear() {
        length = 0;
        pendingHigh = 0;
    }

    /**
     * Appends a part of the message.
     *
     * @param part the characters.
     * @param last whether it is the message's last part (a high surrogate at its end is then a lone one).
     */
    public void append(CharSequence part, boolean last) {
        int n = part.length();
        ensure(length + n * 3 + 4); // 3 bytes per char at most; a pending high surrogate's pair takes 4
        int i = 0;
        if (pendingHigh != 0 && n > 0) {
            char low = part.charAt(0);
            if (Character.isLowSurrogate(low)) {
                encode(Character.toCodePoint(pendingHigh, low));
                i = 1;
            } else {
                bytes[length++] = '?';
            }
            pendingHigh = 0;
        }
        if (part instanceof CharBuffer buffer && buffer.hasArray()) {
            i = asciiRun(buffer.array(), buffer.arrayOffset() + buffer.position(), i, n);
        }
        for (; i < n; i++) {
            char c = part.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (!Character.isSurrogate(c)) {
                encode(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(part.charAt(i + 1))) {
                encode(Character.toCodePoint(c, part.charAt(i + 1)));
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 == n) {
                pendingHigh = c;
            } else {
                bytes[length++] = '?';
            }
        }
        if (last && pendingHigh != 0) {
            bytes[length++] = '?';
            pendingHigh = 0;
        }
    }

    /** Copies the ASCII characters from {@code from} on straight from the array; @return where they end. */
    private int asciiRun(char[] chars, int offset, int from, int to) {
        int i = from;
        byte[] out = bytes;
        int at = length;
        while (i < to) {
            char c = chars[offset + i];
            if (c >= 0x80) {
                break;
            }
            out[at++] = (byte) c;
            i++;
        }
        length = at;
        return i;
    }

    private void encode(int codePoint) {
        byte[] out = bytes;
        int n = length;
        if (codePoint < 0x800) {
            out[n++] = (byte) (0xC0 | codePoint >> 6);
        } else if (codePoint < 0x10000) {
            out[n++] = (byte) (0xE0 | codePoint >> 12);
            out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        } else {
            out[n++] = (byte) (0xF0 | codePoint >> 18);
            out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        }
        out[n++] = (byte) (0x80 | codePoint & 0x3F);
        length = n;
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }
}
