package chronicle.plugin.extract.parquet.internal;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Page compression without Hadoop: parquet-java's default codec factory instantiates Hadoop codec classes, so the
 * sink brings its own, on zstd-jni (the library the platform's zstd compressor uses), snappy-java and
 * {@code java.util.zip}.
 */
final class Codecs implements CompressionCodecFactory {

    /** zstd level 3: libzstd's default, fast enough to keep up with the replay. */
    private static final int ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new Compressor(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new Decompressor(codec);
    }

    @Override
    public void release() {
    }

    private static byte[] gzip(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(input);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] input, int size) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(input))) {
            return in.readNBytes(size);
        }
    }

    private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            byte[] input = bytes.toByteArray();
            return BytesInput.from(switch (codec) {
                case ZSTD -> Zstd.compress(input, ZSTD_LEVEL);
                case SNAPPY -> Snappy.compress(input);
                case GZIP -> gzip(input);
                default -> throw new IOException("the Parquet sink cannot write " + codec);
            });
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }
    }

    private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            byte[] input = bytes.toByteArray();
            return BytesInput.from(switch (codec) {
                case ZSTD -> Zstd.decompress(input, uncompressedSize);
                case SNAPPY -> Snappy.uncompress(input);
                case GZIP -> gunzip(input, uncompressedSize);
                default -> throw new IOException("the Parquet sink cannot read " + codec);
            });
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
        }

        @Override
        public void release() {
        }
    }
}
