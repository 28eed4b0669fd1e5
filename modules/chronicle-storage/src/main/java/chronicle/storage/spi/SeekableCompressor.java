package chronicle.storage.spi;

import chronicle.pluginhost.spi.Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A compression format with random access: the original bytes are cut into independent frames of a fixed
 * original size, and a seek table at the end of the object says where each frame is, so a reader decompresses
 * only the frames it needs (with ranged reads, when the object lives in a remote tier).
 *
 * <p>Built-in provider: {@code zstd}, which writes the Zstandard seekable format (a plain multi-frame zstd file
 * that {@code zstd -d} decompresses). Sealed segments are tiered with it.
 *
 * <p><b>Thread safety:</b> providers are stateless and shared; every method may be called from any thread.
 */
public interface SeekableCompressor extends Plugin {

    /**
     * The original bytes per frame unless configured otherwise: 128 KiB. One random record costs one frame's
     * decompression (about an eighth of a millisecond at this size, eight times less than at 1 MiB), and on
     * archive segments zstd level 3 compresses 128 KiB frames within 1% of 1 MiB ones (docs/BENCHMARKS.md).
     */
    int DEFAULT_FRAME_SIZE = 128 << 10;

    /**
     * The file name suffix of this format, with its dot.
     *
     * @return for example {@code ".zst"}.
     */
    String fileExtension();

    /**
     * Compresses all of {@code source} into {@code sink} as independent frames followed by the seek table.
     *
     * @param source    the original bytes, read to its end; not closed.
     * @param sink      where the compressed object goes; not closed.
     * @param frameSize original bytes per frame (the last frame may be shorter), at least 4 KiB.
     * @return the seek table written.
     * @throws IOException if reading or writing fails.
     */
    SeekTable compress(InputStream source, OutputStream sink, int frameSize) throws IOException;

    /**
     * Reads the seek table at the end of a compressed object.
     *
     * @param object the compressed object.
     * @return its seek table.
     * @throws IOException naming {@link RangeReader#location()} if the object does not end with a valid seek table.
     */
    SeekTable readSeekTable(RangeReader object) throws IOException;

    /**
     * Decompresses one frame and checks its checksum when the table has one.
     *
     * @param table      the object's seek table.
     * @param frame      the frame number.
     * @param compressed the frame's compressed bytes, from its position to its limit (a direct or heap buffer).
     * @param into       receives exactly {@code table.decompressedSize(frame)} bytes at its position, which
     *                   advances by that much.
     * @throws IOException if the frame is damaged: its checksum or its size does not match the table.
     */
    void decompressFrame(SeekTable table, int frame, ByteBuffer compressed, ByteBuffer into) throws IOException;
}
