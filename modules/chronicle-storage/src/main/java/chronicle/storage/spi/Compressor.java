package chronicle.storage.spi;

import chronicle.pluginhost.spi.Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A streaming compression format, used for sealed archive segments and for compressed vendor input files.
 *
 * <p>Built-in providers: {@code gzip} (JDK), {@code zstd} (zstd-jni) and {@code xz} (Apache Commons Compress). A
 * user adds a format by dropping a jar that provides this interface into {@code plugins/}.
 *
 * <p><b>Thread safety:</b> providers are stateless and shared; each stream they return belongs to one thread.
 */
public interface Compressor extends Plugin {

    /**
     * The file name suffix of this format, with its dot, used to pick a compressor for an input file.
     *
     * @return for example {@code ".zst"}.
     */
    String fileExtension();

    /**
     * Wraps a stream so that what is written to the result is compressed into {@code sink}.
     *
     * @param sink where compressed bytes go; closed when the returned stream is closed.
     * @return a stream that compresses.
     * @throws IOException if the format cannot start (for example a native library fails to load).
     */
    OutputStream compress(OutputStream sink) throws IOException;

    /**
     * Wraps a stream of compressed bytes so that reading the result gives the original bytes.
     *
     * @param source compressed bytes; closed when the returned stream is closed.
     * @return a stream that decompresses.
     * @throws IOException if the source does not start with this format's header.
     */
    InputStream decompress(InputStream source) throws IOException;
}
