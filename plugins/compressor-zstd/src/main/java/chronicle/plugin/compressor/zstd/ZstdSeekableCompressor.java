package chronicle.plugin.compressor.zstd;

import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.SeekTable;
import chronicle.storage.spi.SeekableCompressor;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The Zstandard seekable format (zstd's {@code contrib/seekable_format}): the original bytes cut into frames of
 * {@code frameSize} bytes, each an independent zstd frame (level {@value #LEVEL}, with its content size and
 * content checksum), followed by the seek table ({@link SeekTableLayout}) with an XXH64 checksum per frame. Plain
 * {@code zstd -d} restores the original: it decompresses the frames one after the other and skips the table.
 *
 * <p>Damage is always detected: libzstd checks each frame's content checksum, and {@link #decompressFrame} checks
 * the frame's size, and its checksum in the seek table when the frame has no content checksum of its own.
 *
 * <p><b>Thread safety:</b> stateless and shared; each call takes zstd contexts from a pool ({@link ContextPool}) and
 * gives them back, so contexts are reused rather than made per call or per frame.
 */
public final class ZstdSeekableCompressor implements SeekableCompressor {

    /** zstd's own default level: about as fast as the disk, and decompression speed does not depend on it. */
    static final int LEVEL = 3;
    static final int MIN_FRAME_SIZE = 4 << 10;
    /** Offset of a zstd frame's Frame_Header_Descriptor, after its 4-byte magic number. */
    private static final int FRAME_HEADER_DESCRIPTOR = 4;
    /** The descriptor's Content_Checksum_flag: the frame ends with the XXH64 of its content, checked by libzstd. */
    private static final int CONTENT_CHECKSUM_FLAG = 0x04;

    private static final ContextPool<ZstdCompressCtx> COMPRESSORS = new ContextPool<>(() ->
            new ZstdCompressCtx().setLevel(LEVEL).setChecksum(true).setContentSize(true));
    private static final ContextPool<ZstdDecompressCtx> DECOMPRESSORS = new ContextPool<>(ZstdDecompressCtx::new);

    @Override
    public String name() {
        return "zstd";
    }

    @Override
    public String description() {
        return "Zstandard seekable format (zstd-jni), level " + LEVEL + ", .zst";
    }

    @Override
    public String fileExtension() {
        return ".zst";
    }

    @Override
    public SeekTable compress(InputStream source, OutputStream sink, int frameSize) throws IOException {
        if (frameSize < MIN_FRAME_SIZE || frameSize > SeekTableLayout.MAX_FRAME_DECOMPRESSED_SIZE) {
            throw new IllegalArgumentException("frame size " + frameSize + " outside " + MIN_FRAME_SIZE + ".."
                    + SeekTableLayout.MAX_FRAME_DECOMPRESSED_SIZE + " bytes");
        }
        ZstdCompressCtx zstd = COMPRESSORS.take();
        try {
            return compress(zstd, source, sink, frameSize);
        } finally {
            COMPRESSORS.give(zstd);
        }
    }

    private static SeekTable compress(ZstdCompressCtx zstd, InputStream source, OutputStream sink, int frameSize)
            throws IOException {
        byte[] original = new byte[frameSize];
        byte[] packed = new byte[Math.toIntExact(Zstd.compressBound(frameSize))];
        FrameList frames = new FrameList();
        for (int n; (n = source.readNBytes(original, 0, frameSize)) > 0; ) {
            if (frames.count == SeekTableLayout.MAX_FRAMES) {
                throw new IOException("more than " + SeekTableLayout.MAX_FRAMES + " frames of " + frameSize
                        + " bytes: use a larger frame size");
            }
            int length = zstd.compressByteArray(packed, 0, packed.length, original, 0, n);
            sink.write(packed, 0, length);
            frames.add(length, n, (int) XxHash64.hash(ByteBuffer.wrap(original, 0, n)));
        }
        SeekTable table = frames.table();
        ByteBuffer seekTable = SeekTableLayout.encode(table);
        sink.write(seekTable.array(), 0, seekTable.limit());
        return table;
    }

    @Override
    public SeekTable readSeekTable(RangeReader object) throws IOException {
        return SeekTableLayout.read(object);
    }

    @Override
    public void decompressFrame(SeekTable table, int frame, ByteBuffer compressed, ByteBuffer into)
            throws IOException {
        int expected = table.decompressedSize(frame);
        if (compressed.remaining() != table.compressedSize(frame) || into.remaining() < expected) {
            throw new IllegalArgumentException("frame " + frame + ": " + compressed.remaining() + " compressed bytes "
                    + "given for " + table.compressedSize(frame) + ", room for " + into.remaining() + " of "
                    + expected + " original bytes");
        }
        int start = into.position();
        // A frame with zstd's own content checksum (all this plug-in writes) is checked by libzstd while it is
        // decompressed; the seek table's checksum is then checked only for frames without one.
        boolean checkedByZstd = compressed.remaining() > FRAME_HEADER_DESCRIPTOR
                && (compressed.get(compressed.position() + FRAME_HEADER_DESCRIPTOR) & CONTENT_CHECKSUM_FLAG) != 0;
        int produced;
        ZstdDecompressCtx zstd = DECOMPRESSORS.take();
        try {
            produced = decompress(zstd, readable(compressed), into, expected);
        } catch (ZstdException e) {
            throw new IOException(describe(table, frame) + " is damaged: " + e.getMessage(), e);
        } finally {
            DECOMPRESSORS.give(zstd);
        }
        if (produced != expected) {
            throw new IOException(describe(table, frame) + " is damaged: it holds " + produced
                    + " original bytes, the seek table says " + expected);
        }
        if (table.hasChecksums() && !checkedByZstd) {
            int actual = (int) XxHash64.hash(into.duplicate().position(start).limit(start + produced));
            if (actual != table.checksum(frame)) {
                throw new IOException(describe(table, frame) + " is damaged: checksum 0x"
                        + Integer.toHexString(actual) + " of its bytes, the seek table says 0x"
                        + Integer.toHexString(table.checksum(frame)));
            }
        }
        into.position(start + produced);
    }

    /** Every combination of direct and heap buffers, as zstd-jni has one call for each. */
    private static int decompress(ZstdDecompressCtx zstd, ByteBuffer src, ByteBuffer dst, int expected) {
        int s = src.position();
        int n = src.remaining();
        int d = dst.position();
        if (src.isDirect() && dst.isDirect()) {
            return zstd.decompressDirectByteBuffer(dst, d, expected, src, s, n);
        } else if (src.isDirect()) {
            return zstd.decompressDirectByteBufferToByteArray(dst.array(), dst.arrayOffset() + d, expected, src, s, n);
        } else if (dst.isDirect()) {
            return zstd.decompressByteArrayToDirectByteBuffer(dst, d, expected, src.array(), src.arrayOffset() + s, n);
        }
        return zstd.decompressByteArray(dst.array(), dst.arrayOffset() + d, expected, src.array(),
                src.arrayOffset() + s, n);
    }

    /** A read-only heap buffer has no array to hand to zstd-jni: copy it (not a path the platform takes). */
    private static ByteBuffer readable(ByteBuffer compressed) {
        if (compressed.isDirect() || compressed.hasArray()) {
            return compressed;
        }
        return ByteBuffer.allocate(compressed.remaining()).put(compressed.duplicate()).flip();
    }

    private static String describe(SeekTable table, int frame) {
        long from = table.compressedOffset(frame);
        return "frame " + frame + " of " + table.frames() + " (compressed bytes " + from + ".."
                + (from + table.compressedSize(frame)) + ", original bytes " + table.decompressedOffset(frame) + ".."
                + (table.decompressedOffset(frame) + table.decompressedSize(frame)) + ")";
    }

    /** The growing per-frame sizes and checksums of one compression. */
    private static final class FrameList {
        private int[] compressed = new int[256];
        private int[] decompressed = new int[256];
        private int[] checksums = new int[256];
        private int count;

        void add(int compressedSize, int decompressedSize, int checksum) {
            if (count == compressed.length) {
                compressed = Arrays.copyOf(compressed, count * 2);
                decompressed = Arrays.copyOf(decompressed, count * 2);
                checksums = Arrays.copyOf(checksums, count * 2);
            }
            compressed[count] = compressedSize;
            decompressed[count] = decompressedSize;
            checksums[count++] = checksum;
        }

        SeekTable table() {
            return new SeekTable(Arrays.copyOf(compressed, count), Arrays.copyOf(decompressed, count),
                    Arrays.copyOf(checksums, count));
        }
    }
}
