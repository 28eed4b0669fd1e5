package chronicle.storage.api;

import chronicle.storage.internal.CachingSeekableReader;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.SeekTable;
import chronicle.storage.spi.SeekableCompressor;

import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * Random access to the original bytes of a seekable-compressed object (a tiered segment {@code <n>.q.zst}, local
 * or in a remote tier): {@link #readFully} at an original offset decompresses only the frames that cover the range.
 *
 * <p>The seek table is read once, at {@link #open}. Decompressed frames are kept in an LRU cache bounded by the
 * caller's byte budget (it always keeps the frame last used, even when one frame is larger than the budget). With
 * a read-ahead executor, a read that goes forward (it starts in the frame where the previous read ended, or in the
 * next one) has its other frames and the next few after it decompressed on that
 * executor, several at once when it has several threads, so a sequential replay rarely waits for decompression;
 * a frame being read ahead is waited for, never decompressed twice.
 *
 * <p>Damage is reported as an {@link IOException} naming the object's location and the frame.
 *
 * <p><b>Thread safety:</b> one thread at a time, like any {@link RangeReader}; read-ahead tasks synchronise with
 * it internally, and reads of the underlying object are serialised, so that object is never used by two threads
 * at once.
 */
public interface SeekableObjectReader extends RangeReader {

    /**
     * Opens a reader without read-ahead.
     *
     * @param object     the compressed object; owned by the result from now on and closed by its {@link #close()}.
     * @param format     the format it was written in (for example the {@code zstd} {@link SeekableCompressor}).
     * @param cacheBytes bytes of decompressed frames to keep (for example 8 MiB: eight 1 MiB frames).
     * @return a reader of the original bytes.
     * @throws IOException naming the object if its seek table cannot be read or is invalid; the object is closed.
     */
    static SeekableObjectReader open(RangeReader object, SeekableCompressor format, long cacheBytes)
            throws IOException {
        return open(object, format, cacheBytes, null);
    }

    /**
     * Opens a reader that decompresses the next frames ahead when reads go forward.
     *
     * @param object     the compressed object; owned by the result from now on and closed by its {@link #close()}.
     * @param format     the format it was written in.
     * @param cacheBytes bytes of decompressed frames to keep; at least two frames' worth lets read-ahead pay off.
     * @param readAhead  runs read-ahead tasks (a few at a time per reader, one frame each), or null for none; a task
     *                   it rejects is skipped.
     * @return a reader of the original bytes.
     * @throws IOException naming the object if its seek table cannot be read or is invalid; the object is closed.
     */
    static SeekableObjectReader open(RangeReader object, SeekableCompressor format, long cacheBytes,
                                     Executor readAhead) throws IOException {
        return CachingSeekableReader.open(object, format, cacheBytes, readAhead);
    }

    /**
     * The object's frames.
     *
     * @return its seek table.
     */
    SeekTable seekTable();

    /**
     * Frames decompressed so far, read-ahead included (cache hits not counted).
     *
     * @return a count.
     */
    long framesDecompressed();

    /**
     * Frames decompressed so far by read-ahead tasks.
     *
     * @return a count, at most {@link #framesDecompressed()}.
     */
    long framesReadAhead();
}
