package chronicle.storage.spi;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Random access to the bytes of one stored object: a local file, or an object of a tier read with ranged gets.
 *
 * <p><b>Thread safety:</b> one thread at a time, unless the implementation says otherwise.
 */
public interface RangeReader extends Closeable {

    /**
     * The object's length.
     *
     * @return bytes in the object.
     * @throws IOException if the object cannot be reached.
     */
    long size() throws IOException;

    /**
     * Reads exactly {@code dst.remaining()} bytes starting at {@code position} into {@code dst}.
     *
     * @param position the object offset of the first byte.
     * @param dst      filled from its position to its limit.
     * @throws java.io.EOFException if the object ends first.
     * @throws IOException          if the bytes cannot be read.
     */
    void readFully(long position, ByteBuffer dst) throws IOException;

    /**
     * The end of the unit of reading that holds a position: a read that stops there costs nothing of the next unit.
     * A reader of compressed frames returns the end of the frame (a read past it decompresses one more frame);
     * a plain object has one unit.
     *
     * @param position an offset inside the object.
     * @return the offset where its unit ends, greater than {@code position}; by default {@link #size()}.
     * @throws IOException if the object cannot be reached.
     */
    default long unitEnd(long position) throws IOException {
        return size();
    }

    /**
     * Where the object is, for messages: a path or a URL, never a credential.
     *
     * @return its location.
     */
    String location();
}
