package chronicle.storage.internal.tiering;

import chronicle.storage.api.TieredReader;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.SeekableCompressor;

import java.io.IOException;

/** Opens a seekable-compressed segment as its original bytes. */
final class CompressedSegments {

    private CompressedSegments() {
    }

    static RangeReader open(RangeReader stored, SeekableCompressor compressor, TieredReader.Options options)
            throws IOException {
        throw new IOException(stored.location() + ": reading compressed segments is not available in this build");
    }
}
