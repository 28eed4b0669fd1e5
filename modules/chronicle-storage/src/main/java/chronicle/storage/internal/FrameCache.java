package chronicle.storage.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decompressed frames by frame number, least recently used first out, bounded in bytes. It always keeps the frame
 * added last, so a budget smaller than one frame still works (as a cache of one). Evicted buffers are kept as
 * spares (a few: one per frame being decompressed at once) for the next frames, so that a sequential replay through
 * a full cache allocates nothing per frame.
 *
 * <p><b>Not thread-safe:</b> its owner guards it.
 */
final class FrameCache {

    /** Spares kept at most: frames decompressed at once by a reader and its read-ahead, with room to spare. */
    static final int MAX_SPARES = 8;

    private final long budget;
    private final LinkedHashMap<Integer, ByteBuffer> frames = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private final ArrayDeque<ByteBuffer> spares = new ArrayDeque<>();

    /** @param budget bytes of frames to keep. */
    FrameCache(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("cache budget " + budget + " bytes is negative");
        }
        this.budget = budget;
    }

    /**
     * @param frame a frame number.
     * @return its bytes (position 0, limit its size), now the most recently used; or null if not cached.
     */
    ByteBuffer get(int frame) {
        return frames.get(frame);
    }

    /** @param frame a frame number. @return whether it is cached (its recency unchanged). */
    boolean contains(int frame) {
        return frames.containsKey(frame);
    }

    /**
     * Adds a frame, then evicts the least recently used frames while over budget (never the one just added).
     *
     * @param frame a frame number not cached yet.
     * @param data  its bytes, from position 0 to the limit; owned by the cache from now on.
     */
    void put(int frame, ByteBuffer data) {
        ByteBuffer old = frames.put(frame, data);
        if (old != null) {
            bytes -= old.capacity();
        }
        bytes += data.capacity();
        Iterator<Map.Entry<Integer, ByteBuffer>> eldest = frames.entrySet().iterator();
        while (bytes > budget && frames.size() > 1) {
            ByteBuffer evicted = eldest.next().getValue();
            eldest.remove();
            bytes -= evicted.capacity();
            if (spares.size() < MAX_SPARES) {
                spares.push(evicted);
            }
        }
    }

    /**
     * A buffer to decompress a frame into: a spare if one is large enough, else a new one.
     *
     * @param size the frame's original size.
     * @return a buffer at position 0 with limit {@code size}, owned by the caller until it {@link #put}s it.
     */
    ByteBuffer acquire(int size) {
        for (Iterator<ByteBuffer> it = spares.iterator(); it.hasNext(); ) {
            ByteBuffer buffer = it.next();
            if (buffer.capacity() >= size) {
                it.remove();
                return buffer.clear().limit(size);
            }
        }
        return ByteBuffer.allocate(size);
    }

    /** Drops every frame and the spares. */
    void clear() {
        frames.clear();
        bytes = 0;
        spares.clear();
    }
}
