package chronicle.plugin.compressor.gzip;

import chronicle.storage.spi.Compressor;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip (RFC 1952), including multi-member files as written by {@code pigz} and concatenated downloads. */
public final class GzipCompressor implements Compressor {

    private static final int BUFFER = 1 << 16;

    @Override
    public String name() {
        return "gzip";
    }

    @Override
    public String description() {
        return "gzip streams (java.util.zip), .gz";
    }

    @Override
    public String fileExtension() {
        return ".gz";
    }

    @Override
    public OutputStream compress(OutputStream sink) throws IOException {
        return new GZIPOutputStream(sink, BUFFER);
    }

    @Override
    public InputStream decompress(InputStream source) throws IOException {
        return new GZIPInputStream(new BufferedInputStream(source, BUFFER), BUFFER);
    }
}
