package chronicle.storage.internal;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decompressed frames by frame number, least recently used first out, bounded in bytes. It always keeps the frame
 * added last, so a budget smaller than one frame still works (as a cache of one). An evicted buffer is kept as a
 * spare for the next frame, so that a sequential replay through a full cache allocates nothing per frame.
 *
 * <p><b>Not thread-safe:</b> its owner guards it.
 */
final class FrameCache {

    private final long budget;
    private final LinkedHashMap<Integer, ByteBuffer> frames = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private ByteBuffer spare;

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
            if (spare == null || evicted.capacity() > spare.capacity()) {
                spare = evicted;
            }
        }
    }

    /**
     * A buffer to decompress a frame into: the spare if it is large enough, else a new one.
     *
     * @param size the frame's original size.
     * @return a buffer at position 0 with limit {@code size}, owned by the caller until it {@link #put}s it.
     */
    ByteBuffer acquire(int size) {
        ByteBuffer buffer = spare;
        if (buffer != null && buffer.capacity() >= size) {
            spare = null;
            return buffer.clear().limit(size);
        }
        return ByteBuffer.allocate(size);
    }

    /** Drops every frame and the spare. */
    void clear() {
        frames.clear();
        bytes = 0;
        spare = null;
    }
}
