package chronicle.ingest.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Opens an input file as plain bytes, decompressing it when its name ends with a compressor's extension. */
@FunctionalInterface
public interface InputOpener {

    /**
     * @param file the input.
     * @return its (decompressed) bytes; the caller closes the stream.
     * @throws IOException if it cannot be opened.
     */
    InputStream open(Path file) throws IOException;
}
