package chronicle.plugin.compressor.zstd;

import chronicle.storage.spi.Compressor;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Zstandard frames through zstd-jni; reads multi-frame files such as the seekable format. */
public final class ZstdCompressor implements Compressor {

    /** Level 3 is zstd's own default: fast to write, and decompression speed does not depend on it. */
    private static final int LEVEL = 3;

    @Override
    public String name() {
        return "zstd";
    }

    @Override
    public String description() {
        return "Zstandard (zstd-jni), .zst";
    }

    @Override
    public String fileExtension() {
        return ".zst";
    }

    @Override
    public OutputStream compress(OutputStream sink) throws IOException {
        return new BufferedOutputStream(new ZstdOutputStream(sink, LEVEL), 1 << 16);
    }

    @Override
    public InputStream decompress(InputStream source) throws IOException {
        return new BufferedInputStream(new ZstdInputStream(source), 1 << 16);
    }
}
