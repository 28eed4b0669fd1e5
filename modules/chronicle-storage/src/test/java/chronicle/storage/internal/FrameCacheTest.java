package chronicle.storage.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class FrameCacheTest {

    @Test
    void shouldEvictTheLeastRecentlyUsedFrameBeyondItsBudget() {
        FrameCache cache = new FrameCache(3 * 100);
        for (int frame = 0; frame < 3; frame++) {
            cache.put(frame, ByteBuffer.allocate(100));
        }
        cache.get(0); // frame 1 is now the least recently used
        cache.put(3, ByteBuffer.allocate(100));
        assertNull(cache.get(1));
        assertTrue(cache.contains(0) && cache.contains(2) && cache.contains(3));
    }

    @Test
    void shouldKeepTheLastFrameEvenWhenItAloneExceedsTheBudget() {
        FrameCache cache = new FrameCache(50);
        cache.put(7, ByteBuffer.allocate(100));
        assertTrue(cache.contains(7));
        cache.put(8, ByteBuffer.allocate(100));
        assertFalse(cache.contains(7));
        assertTrue(cache.contains(8));
    }

    @Test
    void shouldReuseAnEvictedBufferForTheNextFrame() {
        FrameCache cache = new FrameCache(100);
        ByteBuffer first = ByteBuffer.allocate(100);
        cache.put(0, first);
        cache.put(1, cache.acquire(100)); // a new buffer: nothing evicted yet
        ByteBuffer reused = cache.acquire(60);
        assertSame(first, reused, "frame 0 was evicted by frame 1 and becomes the spare");
        assertEquals(0, reused.position());
        assertEquals(60, reused.limit());
        assertNotSame(first, cache.acquire(60), "the spare is handed out once");
    }
}
