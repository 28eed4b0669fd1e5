package chronicle.ingest.spi;

import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.Side;
import org.agrona.MutableDirectBuffer;

import java.util.Arrays;

/**
 * The price levels of one message being read (a snapshot, a diff), gathered before its {@link L2Levels} record is
 * written. Grows to the largest message, at most {@link #MAX_LEVELS} levels; allocates nothing once grown.
 * <b>Not thread-safe.</b>
 */
public final class LevelBuffer {

    /** Most levels one record can carry ({@code L2Levels} counts in 16 bits). */
    public static final int MAX_LEVELS = 0xFFFF;

    private byte[] sides = new byte[64];
    private long[] prices = new long[64];
    private long[] sizes = new long[64];
    private int count;
    private final L2Levels levels = new L2Levels();

    /** An empty buffer with room for 64 levels before it grows. */
    public LevelBuffer() {
    }

    /** Forgets every level. */
    public void clear() {
        count = 0;
    }

    /** @return the levels held. */
    public int count() {
        return count;
    }

    /** @return whether {@link #MAX_LEVELS} are held: the caller reports a message that has more as bad input. */
    public boolean isFull() {
        return count == MAX_LEVELS;
    }

    /**
     * Adds a level; the caller checks {@link #isFull()} first.
     *
     * @param side  its side.
     * @param price price mantissa.
     * @param size  size mantissa (0 deletes the level in a diff).
     */
    public void add(Side side, long price, long size) {
        int n = count;
        if (n == MAX_LEVELS) {
            throw new IllegalStateException("more than " + MAX_LEVELS + " levels");
        }
        if (n == sides.length) {
            int grown = Math.min(MAX_LEVELS, n * 2);
            sides = Arrays.copyOf(sides, grown);
            prices = Arrays.copyOf(prices, grown);
            sizes = Arrays.copyOf(sizes, grown);
        }
        sides[n] = (byte) side.code();
        prices[n] = price;
        sizes[n] = size;
        count = n + 1;
    }

    /**
     * @param i 0-based.
     * @return the price mantissa of level i.
     */
    public long price(int i) {
        return prices[i];
    }

    /**
     * @param i 0-based.
     * @return the size mantissa of level i.
     */
    public long size(int i) {
        return sizes[i];
    }

    /**
     * Writes the levels as an {@link L2Levels} body.
     *
     * @param buffer     where (grown if it is expandable).
     * @param offset     where the body begins.
     * @param skipEmpty  leave out levels of size 0 (a snapshot lists only levels that hold something).
     * @return the body's length.
     */
    public int writeTo(MutableDirectBuffer buffer, int offset, boolean skipEmpty) {
        buffer.checkLimit(offset + L2Levels.length(count));
        levels.wrap(buffer, offset);
        int written = 0;
        for (int i = 0; i < count; i++) {
            if (skipEmpty && sizes[i] == 0) {
                continue;
            }
            levels.level(written++, Side.of(sides[i]), prices[i], sizes[i]);
        }
        levels.count(written);
        return L2Levels.length(written);
    }
}
