package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Body of {@link MessageType#GAP}: which native update ids were lost, why, and a short note.
 *
 * <pre>
 *  0                   8                   16       17        19
 *  +-------------------+-------------------+--------+---------+----------------------+
 *  | first missing id  | last missing id   | reason | note len| note (US-ASCII) ...  |
 *  +-------------------+-------------------+--------+---------+----------------------+
 *  ids: {@link EventHeader#NULL_ID} when not known.
 * </pre>
 */
public final class Gap {

    /** Bytes before the note. */
    public static final int HEADER = 19;
    /** Longest note kept. */
    public static final int MAX_NOTE = 1024;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param buffer holds the body.
     * @param offset at which the body begins.
     * @return this flyweight.
     */
    public Gap wrap(DirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @param noteLength bytes of note. @return the body's length. */
    public static int length(int noteLength) {
        return HEADER + Math.min(noteLength, MAX_NOTE);
    }

    /** @return first missing native id. */
    public long fromId() {
        return buffer.getLong(offset);
    }

    /** @return last missing native id. */
    public long toId() {
        return buffer.getLong(offset + 8);
    }

    /** @return the reason's wire code. */
    public int reasonCode() {
        return buffer.getByte(offset + 16) & 0xFF;
    }

    /** @return the note (allocates: for tools, not the hot path). */
    public String note() {
        int length = buffer.getShort(offset + 17) & 0xFFFF;
        byte[] bytes = new byte[length];
        buffer.getBytes(offset + HEADER, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /**
     * @param fromId first missing id.
     * @param toId   last missing id.
     * @param reason why.
     * @param note   a short explanation (cut at {@link #MAX_NOTE} bytes; non-ASCII becomes '?').
     * @return the body's length.
     */
    public int set(long fromId, long toId, GapReason reason, String note) {
        MutableDirectBuffer out = (MutableDirectBuffer) buffer;
        byte[] bytes = note.getBytes(StandardCharsets.US_ASCII);
        int length = Math.min(bytes.length, MAX_NOTE);
        out.putLong(offset, fromId);
        out.putLong(offset + 8, toId);
        out.putByte(offset + 16, (byte) reason.code());
        out.putShort(offset + 17, (short) length);
        out.putBytes(offset + HEADER, bytes, 0, length);
        return HEADER + length;
    }
}
