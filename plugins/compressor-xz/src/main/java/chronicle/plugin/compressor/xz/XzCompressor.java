package chronicle.plugin.compressor.xz;

import chronicle.storage.spi.Compressor;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.tukaani.xz.LZMA2Options;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * xz (the {@code .xz} container with LZMA2 and a CRC64 per block) through Apache Commons Compress, including
 * concatenated streams as {@code xz} itself writes them with {@code -T}. Slower than zstd and smaller: for
 * vendor files that come as {@code .xz} and for archives that are written once and rarely read.
 */
public final class XzCompressor implements Compressor {

    /** xz's own default preset: an 8 MiB dictionary, about 94 MiB to compress and 9 MiB to decompress. */
    static final int PRESET = 6;
    private static final int BUFFER = 1 << 16;

    @Override
    public String name() {
        return "xz";
    }

    @Override
    public String description() {
        return "xz streams (Apache Commons Compress, XZ for Java), preset " + PRESET + ", .xz";
    }

    @Override
    public String fileExtension() {
        return ".xz";
    }

    @Override
    public OutputStream compress(OutputStream sink) throws IOException {
        XZCompressorOutputStream xz = XZCompressorOutputStream.builder().setOutputStream(sink)
                .setLzma2Options(new LZMA2Options(PRESET)).get();
        return new BufferedOutputStream(xz, BUFFER);
    }

    @Override
    public InputStream decompress(InputStream source) throws IOException {
        XZCompressorInputStream xz = XZCompressorInputStream.builder()
                .setInputStream(new BufferedInputStream(source, BUFFER)).setDecompressConcatenated(true).get();
        return new BufferedInputStream(xz, BUFFER);
    }
}
