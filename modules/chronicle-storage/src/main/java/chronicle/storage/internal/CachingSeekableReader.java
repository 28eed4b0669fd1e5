package chronicle.storage.internal;

import chronicle.storage.api.SeekableObjectReader;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.SeekTable;
import chronicle.storage.spi.SeekableCompressor;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link SeekableObjectReader}: frames decompressed on demand into a {@link FrameCache}, and the next frame
 * decompressed ahead on an executor when reads go forward.
 *
 * <p>Locking: {@code state} guards the cache, the read-ahead bookkeeping and the counters, and every copy out of a
 * cached frame happens under it (so an evicted buffer that becomes the spare is never still being read);
 * decompression runs outside it. {@code objectLock} serialises reads of the underlying object between the reading
 * thread and the read-ahead task.
 */
public final class CachingSeekableReader implements SeekableObjectReader {

    private final RangeReader object;
    private final SeekableCompressor format;
    private final SeekTable table;
    private final Executor readAhead;
    private final Object state = new Object();
    private final ReentrantLock objectLock = new ReentrantLock();
    private final FrameCache cache;

    // guarded by state
    private int readingAhead = -1;
    private CompletableFuture<Void> readAheadDone = CompletableFuture.completedFuture(null);
    private long decompressed;
    private long readAheadCount;

    // used by the reading thread only
    private int lastFrame = -1;
    private ByteBuffer compressed = ByteBuffer.allocate(0);
    // used by the one read-ahead task at a time only
    private ByteBuffer readAheadCompressed = ByteBuffer.allocate(0);

    private volatile boolean closed;

    private CachingSeekableReader(RangeReader object, SeekableCompressor format, SeekTable table, long cacheBytes,
                                  Executor readAhead) {
        this.object = object;
        this.format = format;
        this.table = table;
        this.readAhead = readAhead;
        this.cache = new FrameCache(cacheBytes);
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
        long at = position;
        int frame = -1;
        while (dst.hasRemaining()) {
            frame = table.frameAt(at);
            int copied = copyFromFrame(frame, (int) (at - table.decompressedOffset(frame)), dst);
            at += copied;
        }
        if (frame >= 0) {
            if (frame == lastFrame || frame == lastFrame + 1) {
                startReadAhead(frame + 1);
            }
            lastFrame = frame;
        }
    }

    private int copyFromFrame(int frame, int offset, ByteBuffer dst) throws IOException {
        CompletableFuture<Void> pending;
        synchronized (state) {
            ByteBuffer cached = cache.get(frame);
            if (cached != null) {
                return copy(cached, offset, dst);
            }
            pending = readingAhead == frame ? readAheadDone : null;
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (state) {
            if (readingAhead >= 0 || cache.contains(frame)) {
                return;
            }
            readingAhead = frame;
            readAheadDone = done;
        }
        try {
            readAhead.execute(() -> readAhead(frame, done));
        } catch (RejectedExecutionException e) {
            finishReadAhead(done); // a busy or shut-down executor: the frame is decompressed when it is read
        }
    }

    private void readAhead(int frame, CompletableFuture<Void> done) {
        try {
            if (!closed) {
                readAheadCompressed = sized(readAheadCompressed, table.compressedSize(frame));
                ByteBuffer data = decompress(frame, readAheadCompressed);
                synchronized (state) {
                    cache.put(frame, data);
                    readAheadCount++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Left for the reading thread: it decompresses the frame itself when it needs it and reports the
            // damage, with the object and the frame, where it can be handled.
        } finally {
            finishReadAhead(done);
        }
    }

    private void finishReadAhead(CompletableFuture<Void> done) {
        synchronized (state) {
            readingAhead = -1;
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
        CompletableFuture<Void> pending;
        synchronized (state) {
            pending = readAheadDone;
        }
        pending.join(); // at most one frame: the object must not be closed under a running read-ahead
        synchronized (state) {
            cache.clear();
        }
        object.close();
    }
}
