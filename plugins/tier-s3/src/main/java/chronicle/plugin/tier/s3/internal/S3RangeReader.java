package chronicle.plugin.tier.s3.internal;

import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.TierChecksums;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Reads one object of an S3 tier with ranged GETs ({@code Range: bytes=a-b}), each pinned to the ETag seen when
 * the object was opened ({@code If-Match}), so a reader never mixes bytes of two versions of a key.
 *
 * <p>The bytes are read inside the SDK call, so a connection reset or a timeout in the middle of a body is retried
 * like any other failed attempt, refilling the buffer from its start. A read of the whole object is checked
 * against the CRC32C stored at put; a ranged read is not (the compressed frames it holds have checksums of
 * their own).
 *
 * <p><b>Thread safety:</b> safe for concurrent use; each read is one request.
 */
final class S3RangeReader implements RangeReader {

    private static final int COPY_CHUNK = 64 << 10;

    private final S3TierStore store;
    private final String key;
    private final long size;
    private final String checksum;
    private final String eTag;

    /**
     * @param store    the tier.
     * @param key      the object key.
     * @param size     its length, from HEAD.
     * @param checksum its stored CRC32C in hex, or null for an object put by another tool.
     * @param eTag     its ETag, from HEAD.
     */
    S3RangeReader(S3TierStore store, String key, long size, String checksum, String eTag) {
        this.store = store;
        this.key = key;
        this.size = size;
        this.checksum = checksum;
        this.eTag = eTag;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void readFully(long position, ByteBuffer dst) throws IOException {
        int length = dst.remaining();
        if (length == 0) {
            return;
        }
        if (position < 0 || position + length > size) {
            throw new EOFException(location() + ": bytes " + position + ".." + (position + length) + " asked for, "
                    + "but the object has " + size);
        }
        int start = dst.position();
        String range = "bytes=" + position + "-" + (position + length - 1);
        store.call("get", key, () -> store.client().getObject(b -> b.bucket(store.settings().bucket())
                .key(store.fullKey(key)).range(range).ifMatch(eTag), (ResponseTransformer<GetObjectResponse, Void>)
                (response, body) -> {
                    dst.position(start);
                    try {
                        fill(body, dst);
                    } catch (IOException e) {
                        // A reset or a timeout in the middle of the body: retried as a failed attempt (the SDK
                        // would otherwise give up at once on what a response transformer throws).
                        throw RetryableException.builder().message("the response body broke off: " + e.getMessage())
                                .cause(e).build();
                    }
                    return null;
                }));
        if (position == 0 && length == size && checksum != null) {
            verify(dst.duplicate().position(start).limit(start + length));
        }
    }

    @Override
    public String location() {
        return store.location(key);
    }

    @Override
    public void close() {
        // Nothing to release: each read is a request of the tier's shared client.
    }

    private void verify(ByteBuffer whole) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(whole);
        String read = TierChecksums.hex(crc.getValue());
        if (!read.equals(checksum)) {
            throw store.failures().problem("get", key, location(), "the object is damaged: its " + size
                    + " bytes have CRC32C " + read + ", but " + checksum + " was stored with it (x-amz-meta-"
                    + S3TierStore.CHECKSUM_METADATA + "); put it again from a good copy");
        }
    }

    private static void fill(InputStream body, ByteBuffer dst) throws IOException {
        if (dst.hasArray()) {
            while (dst.hasRemaining()) {
                int n = body.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
                if (n < 0) {
                    throw new EOFException("the response ended " + dst.remaining() + " bytes early");
                }
                dst.position(dst.position() + n);
            }
            return;
        }
        byte[] chunk = new byte[Math.min(COPY_CHUNK, dst.remaining())];
        while (dst.hasRemaining()) {
            int n = body.read(chunk, 0, Math.min(chunk.length, dst.remaining()));
            if (n < 0) {
                throw new EOFException("the response ended " + dst.remaining() + " bytes early");
            }
            dst.put(chunk, 0, n);
        }
    }
}
