package chronicle.plugin.tier.s3.internal;

import chronicle.storage.spi.ObjectStat;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.TierChecksums;
import chronicle.storage.spi.TierKeys;
import chronicle.storage.spi.TierStore;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A tier in an S3 bucket (or an S3-compatible store): object {@code k} is {@code s3://<bucket>/<prefix>k}, and
 * carries its CRC32C in the user metadata {@code x-amz-meta-crc32c} (8 lower-case hex digits, as
 * {@link TierChecksums} writes them), which {@link #stat} returns.
 *
 * <ul>
 *   <li>{@link #put}: an object already there with the same size and CRC32C is not uploaded again. Objects up to
 *       {@code partSize} go in one PUT; larger ones in a multipart upload ({@link MultipartPut}) that is
 *       completed only when every part is in, and aborted on any failure: readers see the whole object or none.
 *       The service checks every request body against {@link UploadChecksum}. The source file always stays
 *       in place ({@code mayMove} cannot apply to a remote tier).</li>
 *   <li>{@link #open}: ranged GETs ({@link S3RangeReader}); a read of the whole object is checked against the
 *       stored CRC32C, ranged reads are not (the frames they hold carry their own checksums).</li>
 *   <li>{@link #list}: ListObjectsV2, every page, in key order; {@link #delete}: idempotent.</li>
 * </ul>
 * Every failure is one line naming the tier, the operation, the key and the cause ({@link S3Failures}), after
 * the retries of {@link S3Clients}.
 *
 * <p><b>Thread safety:</b> safe for concurrent use (the SDK client is).
 */
public final class S3TierStore implements TierStore {

    /** The user-metadata name of the object checksum (the header {@code x-amz-meta-crc32c}). */
    public static final String CHECKSUM_METADATA = "crc32c";

    static final String OCTET_STREAM = "application/octet-stream";

    private final S3Settings settings;
    private final DefaultCredentialsProvider credentials;
    private final S3Client client;
    private final S3Failures failures;

    private S3TierStore(S3Settings settings, DefaultCredentialsProvider credentials, S3Client client) {
        this.settings = settings;
        this.credentials = credentials;
        this.client = client;
        this.failures = new S3Failures(settings);
    }

    /**
     * Opens a tier and checks, with one small list request, that the bucket exists and the credentials work.
     *
     * @param settings the tier's settings.
     * @return the open tier.
     * @throws IOException one line naming the tier and what to fix.
     */
    public static S3TierStore open(S3Settings settings) throws IOException {
        S3Failures failures = new S3Failures(settings);
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        S3Client client;
        try {
            client = S3Clients.build(settings, credentials);
        } catch (SdkException e) {
            credentials.close();
            throw failures.describe("open", null, null, e);
        }
        S3TierStore store = new S3TierStore(settings, credentials, client);
        try {
            store.call("open", null, () -> client.listObjectsV2(b -> b.bucket(settings.bucket())
                    .prefix(settings.prefix()).maxKeys(1)));
        } catch (IOException e) {
            store.close();
            throw e;
        }
        return store;
    }

    @Override
    public String name() {
        return settings.tier();
    }

    @Override
    public String location(String key) {
        return settings.root() + key;
    }

    @Override
    public ObjectStat put(String key, Path source, boolean mayMove) throws IOException {
        TierKeys.check(key);
        long size = Files.size(source);
        if (size > settings.partSize()) {
            String crc = TierChecksums.of(source);
            Optional<ObjectStat> existing = stat(key);
            if (!existing.map(s -> s.size() == size && crc.equals(s.checksum())).orElse(false)) {
                new MultipartPut(this, key, source, size, crc).upload();
            }
            return new ObjectStat(key, size, crc);
        }
        byte[] body = Files.readAllBytes(source);
        CRC32C crc32c = new CRC32C();
        crc32c.update(body);
        String crc = TierChecksums.hex(crc32c.getValue());
        Optional<ObjectStat> existing = stat(key);
        if (existing.map(s -> s.size() == body.length && crc.equals(s.checksum())).orElse(false)) {
            return existing.get();
        }
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(settings.bucket()).key(fullKey(key))
                .contentLength((long) body.length).contentType(OCTET_STREAM)
                .metadata(Map.of(CHECKSUM_METADATA, crc));
        settings.storageClass().ifPresent(request::storageClass);
        settings.serverSideEncryption().ifPresent(request::serverSideEncryption);
        settings.kmsKeyId().ifPresent(request::ssekmsKeyId);
        switch (settings.uploadChecksum()) {
            case CRC32C -> request.checksumCRC32C(UploadChecksum.base64Crc32c(crc32c.getValue()));
            case MD5 -> request.contentMD5(UploadChecksum.MD5.of(body, body.length));
        }
        sendBody("put", key, () -> client.putObject(request.build(), RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(body), body.length, OCTET_STREAM)));
        return new ObjectStat(key, body.length, crc);
    }

    @Override
    public RangeReader open(String key) throws IOException {
        TierKeys.check(key);
        HeadObjectResponse head = head("open", key)
                .orElseThrow(() -> new NoSuchFileException(location(key), null, "no such object in tier " + name()));
        return new S3RangeReader(this, key, head.contentLength(), head.metadata().get(CHECKSUM_METADATA),
                head.eTag());
    }

    @Override
    public Optional<ObjectStat> stat(String key) throws IOException {
        TierKeys.check(key);
        return head("stat", key).map(h -> new ObjectStat(key, h.contentLength(), h.metadata().get(CHECKSUM_METADATA)));
    }

    @Override
    public List<ObjectStat> list(String prefix) throws IOException {
        if (!prefix.isEmpty()) {
            // A prefix may end in the middle of a name; with one more character it must be a valid key.
            TierKeys.check(prefix + "x");
        }
        String root = settings.prefix();
        List<ObjectStat> found = new ArrayList<>();
        call("list", prefix.isEmpty() ? null : prefix, () -> {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(settings.bucket())
                    .prefix(root + prefix).maxKeys(settings.listPageSize())).contents()) {
                String key = object.key().substring(root.length());
                if (TierKeys.isValid(key)) { // else a folder marker or another tool's object: not ours
                    found.add(new ObjectStat(key, object.size(), null));
                }
            }
            return null;
        });
        found.sort(Comparator.comparing(ObjectStat::key));
        return found;
    }

    @Override
    public boolean delete(String key) throws IOException {
        TierKeys.check(key);
        boolean existed = head("delete", key).isPresent();
        call("delete", key, () -> client.deleteObject(b -> b.bucket(settings.bucket()).key(fullKey(key))));
        return existed;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            credentials.close();
        }
    }

    /** @return the settings of this tier. */
    S3Settings settings() {
        return settings;
    }

    /** @return the SDK client. */
    S3Client client() {
        return client;
    }

    /** @return the translator of failures into one-line messages. */
    S3Failures failures() {
        return failures;
    }

    /** @param key an object key. @return the S3 key: the tier's prefix and the key. */
    String fullKey(String key) {
        return settings.prefix() + key;
    }

    /** One request to S3, which may throw what the SDK throws. */
    @FunctionalInterface
    interface Request<T> {
        T send() throws IOException;
    }

    /**
     * Sends a request with the plug-in's class loader as the thread's context loader (the SDK looks some classes
     * up through it, and the caller's is the application's), and turns an SDK failure into one line.
     *
     * @param operation what is attempted, for the message.
     * @param key       the object key, or null for a request about the bucket.
     * @param request   the request.
     * @return what the request returns.
     * @throws IOException one line naming the tier, the operation, the key and the cause.
     */
    <T> T call(String operation, String key, Request<T> request) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(S3TierStore.class.getClassLoader());
        try {
            return request.send();
        } catch (SdkException e) {
            throw failures.describe(operation, key, key == null ? null : location(key), e);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    /**
     * Sends a request with a body, and sends it again (up to {@code maxAttempts} times, with the same back-off)
     * when the service says the body it received is not the one the client checksummed or signed: BadDigest
     * (the {@link UploadChecksum} header does not match) or, over plain HTTP where the SDK signs the body's
     * SHA-256, SignatureDoesNotMatch. Both mean the bytes were damaged on their way, and nothing was stored.
     *
     * @param operation what is attempted, for the message.
     * @param key       the object key.
     * @param request   the request; each call must send the whole body again.
     * @return what the request returns.
     * @throws IOException one line, after the last attempt.
     */
    <T> T sendBody(String operation, String key, Request<T> request) throws IOException {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.retryBaseDelay(), settings.retryMaxDelay());
        for (int attempt = 1; ; attempt++) {
            try {
                return call(operation, key, request);
            } catch (IOException e) {
                if (attempt >= settings.maxAttempts() || !(e.getCause() instanceof AwsServiceException service)
                        || !isDamagedBody(service)) {
                    throw e;
                }
                try {
                    Thread.sleep(backoff.computeDelay(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("tier " + name() + ": " + operation + " " + key
                            + " interrupted");
                }
            }
        }
    }

    private boolean isDamagedBody(AwsServiceException service) {
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return "BadDigest".equals(code) || ("SignatureDoesNotMatch".equals(code)
                && settings.endpoint().map(e -> "http".equals(e.getScheme())).orElse(false));
    }

    private Optional<HeadObjectResponse> head(String operation, String key) throws IOException {
        return Optional.ofNullable(call(operation, key, () -> {
            try {
                return client.headObject(b -> b.bucket(settings.bucket()).key(fullKey(key)));
            } catch (NoSuchKeyException e) {
                return null; // HEAD has no body: S3 says 404 and the SDK names it NoSuchKey
            }
        }));
    }

}
