package chronicle.plugin.tier.s3.internal;

import chronicle.storage.spi.TierKeys;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated settings of one S3 tier. Credentials are not among them: they come only from the AWS SDK's
 * default chain, so a configuration file never holds a secret.
 *
 * @param tier                 the tier's name, for messages.
 * @param bucket               the bucket.
 * @param prefix               the key prefix, empty or ending with {@code /}.
 * @param region               the signing region, or empty for the SDK's region chain.
 * @param endpoint             the endpoint of an S3-compatible store, or empty for AWS.
 * @param pathStyle            whether requests name the bucket in the path rather than the host name.
 * @param partSize             the multipart threshold and part size in bytes.
 * @param maxAttempts          attempts per request, the first included.
 * @param retryBaseDelay       the first back-off delay, doubled per attempt, with full jitter.
 * @param retryMaxDelay        the longest back-off delay.
 * @param connectTimeout       the time allowed to open a connection.
 * @param readTimeout          the longest silence allowed while waiting for response bytes.
 * @param attemptTimeout       the longest one attempt of a request may take.
 * @param listPageSize         keys asked for per list request.
 * @param uploadChecksum       what the service checks each upload against.
 * @param storageClass         the storage class of new objects, or empty for the bucket's default.
 * @param serverSideEncryption {@code AES256} or {@code aws:kms}, or empty for the bucket's default.
 * @param kmsKeyId             the KMS key for {@code aws:kms}, or empty for the account's default key.
 */
public record S3Settings(String tier, String bucket, String prefix, Optional<String> region,
                         Optional<URI> endpoint, boolean pathStyle, long partSize, int maxAttempts,
                         Duration retryBaseDelay, Duration retryMaxDelay, Duration connectTimeout,
                         Duration readTimeout, Duration attemptTimeout, int listPageSize,
                         UploadChecksum uploadChecksum, Optional<String> storageClass,
                         Optional<String> serverSideEncryption, Optional<String> kmsKeyId) {

    /** The smallest part S3 accepts (except the last): 5 MiB. */
    public static final long MIN_PART_SIZE = 5L << 20;
    /** The largest part this backend buffers in memory: 1 GiB (S3 allows 5 GiB). */
    public static final long MAX_PART_SIZE = 1L << 30;
    /** The default part size and multipart threshold: 16 MiB. */
    public static final long DEFAULT_PART_SIZE = 16L << 20;

    /** Storage classes whose objects can be read at once (Glacier Flexible Retrieval and Deep Archive cannot). */
    private static final List<String> STORAGE_CLASSES =
            List.of("STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR");

    /** Every setting with its one-line description, as {@code TierBackend.settings()} returns them. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("bucket", "the bucket (required); it must exist");
        d.put("prefix", "key prefix inside the bucket, e.g. chronicle/ (default: none)");
        d.put("region", "signing region, e.g. eu-west-1 (default: AWS_REGION or the profile; us-east-1 with endpoint)");
        d.put("endpoint", "URL of an S3-compatible store (MinIO, Ceph, s3proxy), e.g. http://minio:9000 (default: AWS)");
        d.put("pathStyle", "true to put the bucket in the path, as MinIO, Ceph and s3proxy need (default: false)");
        d.put("partSize", "multipart threshold and part size, 5MiB to 1GiB (default: 16MiB)");
        d.put("maxAttempts", "attempts per request on 500, 503 SlowDown, throttling, resets and timeouts (default: 5)");
        d.put("retryBaseDelay", "first back-off delay, doubled per attempt with full jitter (default: 100ms)");
        d.put("retryMaxDelay", "longest back-off delay (default: 20s)");
        d.put("connectTimeout", "time allowed to open a connection (default: 5s)");
        d.put("readTimeout", "longest wait for the next response bytes (default: 30s)");
        d.put("attemptTimeout", "longest one attempt of a request may take (default: 5m)");
        d.put("listPageSize", "keys per list request, 1 to 1000 (default: 1000)");
        d.put("uploadChecksum", "what the service verifies uploads against: crc32c (x-amz-checksum-crc32c) or md5 "
                + "(Content-MD5, for stores without flexible checksums) (default: crc32c)");
        d.put("storageClass", "storage class of new objects: " + String.join(", ", STORAGE_CLASSES)
                + " (default: the bucket's)");
        d.put("serverSideEncryption", "AES256 or aws:kms (default: the bucket's)");
        d.put("kmsKeyId", "KMS key id or ARN with aws:kms (default: the account's S3 key)");
        return java.util.Collections.unmodifiableMap(d);
    }

    /**
     * Validates a tier's settings.
     *
     * @param tier   the tier's name.
     * @param values setting name to its text (JSON quotes allowed).
     * @return the settings.
     * @throws IllegalArgumentException with one line naming {@code tiers.<tier>.<setting>} and the fix.
     */
    public static S3Settings parse(String tier, Map<String, String> values) {
        for (String name : values.keySet()) {
            if (!DESCRIPTIONS.containsKey(name) && !name.equals("backend")) {
                throw new IllegalArgumentException("tiers." + tier + "." + name + " is not a setting of the s3 "
                        + "backend; it knows " + String.join(", ", DESCRIPTIONS.keySet()));
            }
        }
        SettingValues v = new SettingValues(tier, values);
        String bucket = bucket(v);
        Optional<URI> endpoint = v.string("endpoint").map(text -> endpoint(v, text));
        Optional<String> sse = v.oneOf("serverSideEncryption", List.of("AES256", "aws:kms"));
        Optional<String> kmsKeyId = v.string("kmsKeyId");
        if (kmsKeyId.isPresent() && !sse.equals(Optional.of("aws:kms"))) {
            throw new IllegalArgumentException(v.path("kmsKeyId") + " needs " + v.path("serverSideEncryption")
                    + " set to aws:kms");
        }
        Duration baseDelay = v.duration("retryBaseDelay", Duration.ofMillis(100), Duration.ofMillis(1),
                Duration.ofMinutes(1));
        Duration maxDelay = v.duration("retryMaxDelay", Duration.ofSeconds(20), Duration.ofMillis(1),
                Duration.ofMinutes(10));
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(v.path("retryMaxDelay") + " (" + maxDelay.toMillis() + "ms) is "
                    + "shorter than " + v.path("retryBaseDelay") + " (" + baseDelay.toMillis() + "ms)");
        }
        return new S3Settings(tier, bucket, prefix(v), v.string("region"), endpoint, v.bool("pathStyle", false),
                v.size("partSize", DEFAULT_PART_SIZE, MIN_PART_SIZE, MAX_PART_SIZE),
                v.integer("maxAttempts", 5, 1, 20), baseDelay, maxDelay,
                v.duration("connectTimeout", Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMinutes(5)),
                v.duration("readTimeout", Duration.ofSeconds(30), Duration.ofMillis(10), Duration.ofHours(1)),
                v.duration("attemptTimeout", Duration.ofMinutes(5), Duration.ofMillis(10), Duration.ofHours(12)),
                v.integer("listPageSize", 1000, 1, 1000),
                v.oneOf("uploadChecksum", List.of("crc32c", "md5")).map(UploadChecksum::valueOfSetting)
                        .orElse(UploadChecksum.CRC32C),
                v.oneOf("storageClass", STORAGE_CLASSES), sse, kmsKeyId);
    }

    /** @param name a setting. @return {@code tiers.<tier>.<name>}. */
    public String path(String name) {
        return "tiers." + tier + "." + name;
    }

    /** @return {@code s3://bucket/prefix}, for messages. */
    public String root() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** @return where requests go, for messages: the endpoint, or AWS in the region. */
    public String endpointText() {
        return endpoint.map(URI::toString).orElse("AWS S3" + region.map(r -> " in " + r).orElse(""));
    }

    private static String bucket(SettingValues v) {
        String bucket = v.required("bucket", "md-archive");
        // The S3 rules, loosely: S3-compatible stores accept a little more, but never '/' or spaces.
        if (!bucket.matches("[A-Za-z0-9][A-Za-z0-9._-]{2,254}")) {
            throw new IllegalArgumentException(v.path("bucket") + " is \"" + bucket + "\": a bucket name has 3 to "
                    + "63 letters, digits, dots and dashes");
        }
        return bucket;
    }

    private static String prefix(SettingValues v) {
        Optional<String> text = v.string("prefix");
        if (text.isEmpty()) {
            return "";
        }
        String prefix = text.get().endsWith("/") ? text.get() : text.get() + "/";
        if (!TierKeys.isValid(prefix.substring(0, prefix.length() - 1))) {
            throw new IllegalArgumentException(v.path("prefix") + " is \"" + text.get() + "\": use /-separated "
                    + "names, none empty, . or .., without a leading /, backslash or control character");
        }
        return prefix;
    }

    private static URI endpoint(SettingValues v, String text) {
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(v.path("endpoint") + " is \"" + text + "\": use a URL such as "
                        + "https://s3.example.com or http://127.0.0.1:9000");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(v.path("endpoint") + " holds a user name or password: remove "
                        + "it; credentials come from the AWS SDK default chain, never from the configuration");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(v.path("endpoint") + " is not a URL: " + e.getMessage());
        }
    }
}
