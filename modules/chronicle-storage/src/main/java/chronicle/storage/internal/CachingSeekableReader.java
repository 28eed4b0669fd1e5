package chronicle.storage.internal;

import chronicle.storage.api.SeekableObjectReader;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.SeekTable;
import chronicle.storage.spi.SeekableCompressor;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link SeekableObjectReader}: frames decompressed on demand into a {@link FrameCache}, and the next frames
 * decompressed ahead, in parallel, on an executor when reads go forward.
 *
 * <p>Locking: {@code state} guards the cache, the read-ahead bookkeeping and the counters, and every copy out of a
 * cached frame happens under it (so an evicted buffer that becomes a spare is never still being read);
 * decompression runs outside it. {@code objectLock} serialises reads of the underlying object between the reading
 * thread and the read-ahead tasks.
 */
public final class CachingSeekableReader implements SeekableObjectReader {

    /**
     * Frames decompressed ahead at most: enough to keep several read-ahead threads busy while the reader works
     * through one frame.
     */
    static final int MAX_READ_AHEAD_FRAMES = 4;

    private final RangeReader object;
    private final SeekableCompressor format;
    private final SeekTable table;
    private final Executor readAhead;
    private final Object state = new Object();
    private final ReentrantLock objectLock = new ReentrantLock();
    private final FrameCache cache;

    private final int readAheadFrames;

    // guarded by state
    private final Map<Integer, CompletableFuture<Void>> readingAhead = new HashMap<>();
    private final ArrayDeque<ByteBuffer> spareCompressed = new ArrayDeque<>();
    private long decompressed;
    private long readAheadCount;

    // used by the reading thread only
    private int lastFrame = -1;
    private ByteBuffer compressed = ByteBuffer.allocate(0);

    private volatile boolean closed;

    private CachingSeekableReader(RangeReader object, SeekableCompressor format, SeekTable table, long cacheBytes,
                                  Executor readAhead) {
        this.object = object;
        this.format = format;
        this.table = table;
        this.readAhead = readAhead;
        this.cache = new FrameCache(cacheBytes);
        // Frames read ahead must fit in half the cache, or they could evict each other (or the frames being read)
        // before they are read.
        long frameBytes = Math.max(1, table.frames() == 0 ? 1 : table.decompressedSize(0));
        this.readAheadFrames = (int) Math.max(1, Math.min(MAX_READ_AHEAD_FRAMES, cacheBytes / frameBytes / 2 - 1));
    }

    /**
     * See {@link SeekableObjectReader#open(RangeReader, SeekableCompressor, long, Executor)}.
     *
     * @param object     the compressed object, owned from now on.
     * @param format     its format.
     * @param cacheBytes bytes of decompressed frames to keep.
     * @param readAhead  the read-ahead executor, or null.
     * @return the reader.
     * @throws IOException if the seek table cannot be read; the object is closed.
     */
    public static CachingSeekableReader open(RangeReader object, SeekableCompressor format, long cacheBytes,
                                             Executor readAhead) throws IOException {
        try {
            return new CachingSeekableReader(object, format, format.readSeekTable(object), cacheBytes, readAhead);
        } catch (IOException | RuntimeException e) {
            try {
                object.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public SeekTable seekTable() {
        return table;
    }

    @Override
    public long size() {
        return table.decompressedLength();
    }

    /** The end of the frame that holds the position. */
    @Override
    public long unitEnd(long position) {
        int frame = table.frameAt(position);
        return table.decompressedOffset(frame) + table.decompressedSize(frame);
    }

    @Override
    public String location() {
        return object.location();
    }

    @Override
    public void readFully(long position, ByteBuffer dst) throws IOException {
        if (closed) {
            throw new IOException(location() + ": reader is closed");
        }
        long length = table.decompressedLength();
        if (position < 0 || position > length - dst.remaining()) {
            throw new EOFException(location() + ": " + dst.remaining() + " original bytes at offset " + position
                    + " are outside its " + length + " original bytes");
        }
        if (!dst.hasRemaining()) {
            return;
        }
        int first = table.frameAt(position);
        if (lastFrame >= 0 && (first == lastFrame || first == lastFrame + 1)) {
            // Going forward: the other frames of this read and the next few are decompressed on the read-ahead
            // executor while this thread serves the first.
            int last = table.frameAt(position + dst.remaining() - 1);
            for (int frame = first + 1; frame <= last + readAheadFrames; frame++) {
                startReadAhead(frame);
            }
        }
        long at = position;
        int frame = first;
        while (dst.hasRemaining()) {
            frame = table.frameAt(at);
            at += copyFromFrame(frame, (int) (at - table.decompressedOffset(frame)), dst);
        }
        lastFrame = frame;
    }

    private int copyFromFrame(int frame, int offset, ByteBuffer dst) throws IOException {
        CompletableFuture<Void> pending;
        synchronized (state) {
            ByteBuffer cached = cache.get(frame);
            if (cached != null) {
                return copy(cached, offset, dst);
            }
            pending = readingAhead.get(frame);
        }
        if (pending != null) {
            pending.join(); // never fails: the task reports nothing, a damaged frame fails below instead
            synchronized (state) {
                ByteBuffer cached = cache.get(frame);
                if (cached != null) {
                    return copy(cached, offset, dst);
                }
            }
        }
        compressed = sized(compressed, table.compressedSize(frame));
        ByteBuffer data = decompress(frame, compressed);
        synchronized (state) {
            cache.put(frame, data);
            return copy(data, offset, dst);
        }
    }

    private static int copy(ByteBuffer frame, int offset, ByteBuffer dst) {
        int n = Math.min(dst.remaining(), frame.limit() - offset);
        dst.put(dst.position(), frame, offset, n);
        dst.position(dst.position() + n);
        return n;
    }

    /** Decompresses a frame into a buffer of the cache's (not yet in it); counts it. */
    private ByteBuffer decompress(int frame, ByteBuffer scratch) throws IOException {
        objectLock.lock();
        try {
            object.readFully(table.compressedOffset(frame), scratch);
        } finally {
            objectLock.unlock();
        }
        scratch.flip();
        ByteBuffer into;
        synchronized (state) {
            into = cache.acquire(table.decompressedSize(frame));
        }
        try {
            format.decompressFrame(table, frame, scratch, into);
        } catch (IOException e) {
            throw new IOException(location() + ": " + e.getMessage(), e);
        }
        synchronized (state) {
            decompressed++;
        }
        return into.flip();
    }

    private void startReadAhead(int frame) {
        if (readAhead == null || frame >= table.frames() || closed) {
            return;
        }
        CompletableFuture<Void> done;
        synchronized (state) {
            if (readingAhead.containsKey(frame) || cache.contains(frame)) {
                return;
            }
            done = new CompletableFuture<>();
            readingAhead.put(frame, done);
        }
        try {
            readAhead.execute(() -> readAhead(frame, done));
        } catch (RejectedExecutionException e) {
            finishReadAhead(frame, done, null); // a shut-down executor: the frame is decompressed when it is read
        }
    }

    private void readAhead(int frame, CompletableFuture<Void> done) {
        ByteBuffer scratch = null;
        try {
            if (!closed) {
                synchronized (state) {
                    scratch = spareCompressed.poll();
                }
                scratch = sized(scratch == null ? ByteBuffer.allocate(0) : scratch, table.compressedSize(frame));
                ByteBuffer data = decompress(frame, scratch);
                synchronized (state) {
                    cache.put(frame, data);
                    readAheadCount++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Left for the reading thread: it decompresses the frame itself when it needs it and reports the
            // damage, with the object and the frame, where it can be handled.
        } finally {
            finishReadAhead(frame, done, scratch);
        }
    }

    private void finishReadAhead(int frame, CompletableFuture<Void> done, ByteBuffer scratch) {
        synchronized (state) {
            readingAhead.remove(frame);
            if (scratch != null) {
                spareCompressed.push(scratch);
            }
        }
        done.complete(null);
    }

    private static ByteBuffer sized(ByteBuffer buffer, int size) {
        return buffer.capacity() >= size ? buffer.clear().limit(size) : ByteBuffer.allocate(size);
    }

    @Override
    public long framesDecompressed() {
        synchronized (state) {
            return decompressed;
        }
    }

    @Override
    public long framesReadAhead() {
        synchronized (state) {
            return readAheadCount;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<?> pending;
        synchronized (state) {
            pending = CompletableFuture.allOf(readingAhead.values().toArray(CompletableFuture[]::new));
        }
        pending.join(); // a few frames at most: the object must not be closed under a running read-ahead
        synchronized (state) {
            cache.clear();
        }
        object.close();
    }
}
