package chronicle.plugin.tier.s3.internal;

import chronicle.storage.spi.ObjectStat;
import chronicle.storage.spi.TierChecksums;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * One multipart upload of a file larger than {@code partSize}: readers see nothing until
 * CompleteMultipartUpload makes the whole object appear at once, and any failure aborts the upload so that no
 * incomplete upload (and its stored parts) is left behind.
 *
 * <p>Steps: abort incomplete uploads of the same key left by an earlier put that died (a crash cannot abort its
 * own; one process tiers an archive, so none of them is live); create the upload with the object's CRC32C in its
 * metadata; send the parts one at a time from one buffer of {@code partSize} bytes, each with its own
 * {@link UploadChecksum}; check that the bytes sent still have the CRC32C computed before (else the source
 * changed under us); complete. A complete that the service answers with NoSuchUpload after a retry was already
 * applied by an earlier attempt whose answer was lost: the object is then checked by size and CRC32C.
 *
 * <p>Memory: one part buffer per put in progress.
 */
final class MultipartPut {

    /** The most parts S3 accepts in one upload. */
    static final int MAX_PARTS = 10_000;

    private final S3TierStore store;
    private final S3Settings settings;
    private final String key;
    private final String fullKey;
    private final Path source;
    private final long size;
    private final String crc;

    /**
     * @param store  the tier.
     * @param key    the object key.
     * @param source the file.
     * @param size   its size, larger than the part size.
     * @param crc    its CRC32C in hex, read before.
     */
    MultipartPut(S3TierStore store, String key, Path source, long size, String crc) {
        this.store = store;
        this.settings = store.settings();
        this.key = key;
        this.fullKey = store.fullKey(key);
        this.source = source;
        this.size = size;
        this.crc = crc;
    }

    /**
     * Uploads the file.
     *
     * @throws IOException one line naming the tier, the key and the cause; the upload is aborted first.
     */
    void upload() throws IOException {
        long parts = (size + settings.partSize() - 1) / settings.partSize();
        if (parts > MAX_PARTS) {
            throw store.failures().problem("put", key, store.location(key), size + " bytes need " + parts
                    + " parts of " + SettingValues.bytes(settings.partSize()) + ", more than the " + MAX_PARTS
                    + " S3 allows; raise " + settings.path("partSize"));
        }
        abortIncompleteUploads();
        String uploadId = store.call("put", key, () -> store.client().createMultipartUpload(create()).uploadId());
        try {
            List<CompletedPart> completed = uploadParts(uploadId);
            complete(uploadId, completed);
        } catch (IOException | RuntimeException e) {
            throw abortAfter(uploadId, e);
        }
    }

    private CreateMultipartUploadRequest create() {
        CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder()
                .bucket(settings.bucket()).key(fullKey).contentType(S3TierStore.OCTET_STREAM)
                .metadata(Map.of(S3TierStore.CHECKSUM_METADATA, crc));
        if (settings.uploadChecksum() == UploadChecksum.CRC32C) {
            request.checksumAlgorithm(ChecksumAlgorithm.CRC32_C);
        }
        settings.storageClass().ifPresent(request::storageClass);
        settings.serverSideEncryption().ifPresent(request::serverSideEncryption);
        settings.kmsKeyId().ifPresent(request::ssekmsKeyId);
        return request.build();
    }

    private List<CompletedPart> uploadParts(String uploadId) throws IOException {
        List<CompletedPart> completed = new ArrayList<>();
        byte[] buffer = new byte[(int) settings.partSize()];
        CRC32C sent = new CRC32C();
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ)) {
            int number = 1;
            for (long offset = 0; offset < size; offset += settings.partSize(), number++) {
                int length = (int) Math.min(settings.partSize(), size - offset);
                readFully(channel, buffer, length, offset);
                sent.update(buffer, 0, length);
                completed.add(uploadPart(uploadId, number, buffer, length));
            }
            if (channel.size() != size) {
                throw changed();
            }
        }
        if (!TierChecksums.hex(sent.getValue()).equals(crc)) {
            throw changed();
        }
        return completed;
    }

    private CompletedPart uploadPart(String uploadId, int number, byte[] buffer, int length) throws IOException {
        String digest = settings.uploadChecksum().of(buffer, length);
        UploadPartRequest.Builder request = UploadPartRequest.builder().bucket(settings.bucket()).key(fullKey)
                .uploadId(uploadId).partNumber(number).contentLength((long) length);
        CompletedPart.Builder part = CompletedPart.builder().partNumber(number);
        switch (settings.uploadChecksum()) {
            case CRC32C -> {
                request.checksumCRC32C(digest);
                part.checksumCRC32C(digest);
            }
            case MD5 -> request.contentMD5(digest);
        }
        String eTag = store.sendBody("put", key, () -> store.client().uploadPart(request.build(),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                        S3TierStore.OCTET_STREAM)).eTag());
        return part.eTag(eTag).build();
    }

    private void complete(String uploadId, List<CompletedPart> parts) throws IOException {
        store.call("put", key, () -> {
            try {
                return store.client().completeMultipartUpload(b -> b.bucket(settings.bucket()).key(fullKey)
                        .uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
            } catch (NoSuchUploadException e) {
                return null; // an earlier attempt completed it and its answer was lost: checked below
            }
        });
        Optional<ObjectStat> stored = store.stat(key);
        if (stored.isEmpty() || stored.get().size() != size || !crc.equals(stored.get().checksum())) {
            throw store.failures().problem("put", key, store.location(key), "the multipart upload completed but "
                    + "the object reads back as " + stored.map(s -> s.size() + " bytes with CRC32C "
                    + s.checksum()).orElse("absent") + ", not " + size + " bytes with CRC32C " + crc);
        }
    }

    private void abortIncompleteUploads() throws IOException {
        List<String> stale = new ArrayList<>();
        store.call("put", key, () -> {
            for (MultipartUpload upload : store.client().listMultipartUploadsPaginator(b -> b
                    .bucket(settings.bucket()).prefix(fullKey)).uploads()) {
                if (upload.key().equals(fullKey)) {
                    stale.add(upload.uploadId());
                }
            }
            return null;
        });
        for (String uploadId : stale) {
            abort(uploadId);
        }
    }

    private IOException abortAfter(String uploadId, Exception failure) {
        IOException reported = failure instanceof IOException io ? io
                : new IOException("tier " + settings.tier() + ": put " + key + " (" + store.location(key) + "): "
                + failure, failure);
        try {
            abort(uploadId);
            return reported;
        } catch (IOException abortFailure) {
            IOException both = new IOException(reported.getMessage() + "; the incomplete upload " + uploadId
                    + " could not be aborted either (" + abortFailure.getMessage() + "): the next put of this key "
                    + "aborts it, or the bucket's AbortIncompleteMultipartUpload lifecycle rule", failure);
            both.addSuppressed(abortFailure);
            return both;
        }
    }

    private void abort(String uploadId) throws IOException {
        store.call("put", key, () -> {
            try {
                return store.client().abortMultipartUpload(b -> b.bucket(settings.bucket()).key(fullKey)
                        .uploadId(uploadId));
            } catch (NoSuchUploadException e) {
                return null; // already gone: aborted, or completed by an attempt whose answer was lost
            }
        });
    }

    private IOException changed() {
        return store.failures().problem("put", key, store.location(key), source + " changed while it was "
                + "uploaded (its size or CRC32C differs from when the put began); nothing was stored");
    }

    private void readFully(FileChannel channel, byte[] buffer, int length, long offset) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        while (target.hasRemaining()) {
            if (channel.read(target, offset + target.position()) < 0) {
                throw changed();
            }
        }
    }
}
