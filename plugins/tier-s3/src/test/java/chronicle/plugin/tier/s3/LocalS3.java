package chronicle.plugin.tier.s3;

import chronicle.storage.spi.TierStore;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * An S3 service for tests: s3proxy in this JVM on 127.0.0.1 (a random port), with an in-memory blob store and
 * one bucket, and a plain SDK client beside the tier for what a test needs to see or damage behind its back.
 *
 * <p>The tier finds its credentials where production does, in the AWS SDK default chain: here the Java
 * properties {@code aws.accessKeyId} and {@code aws.secretAccessKey}, which {@link #start()} sets.
 *
 * <p>Shared through this module's test jar with the runtime image's integration test and the S3 benchmark.
 */
public final class LocalS3 implements AutoCloseable {

    /** The access key the service accepts. */
    public static final String ACCESS_KEY = "chronicle-test-access";
    /** The secret key the service accepts. */
    public static final String SECRET_KEY = "chronicle-test-secret-0123456789";
    /** The bucket {@link #start()} creates. */
    public static final String BUCKET = "chronicle-test";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client raw;

    private LocalS3(S3Proxy proxy, URI endpoint, S3Client raw) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.raw = raw;
    }

    /** @return a started service with an empty bucket {@link #BUCKET}. */
    public static LocalS3 start() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient-nio2", properties))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        S3Client raw = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        raw.createBucket(b -> b.bucket(BUCKET));
        return new LocalS3(proxy, endpoint, raw);
    }

    /** @return the service's URL. */
    public URI endpoint() {
        return endpoint;
    }

    /** @return a client that bypasses the tier. */
    public S3Client raw() {
        return raw;
    }

    /**
     * The settings of a tier in the test bucket, with short retry delays.
     *
     * @param endpoint where the tier sends requests: the service, or a fault proxy in front of it.
     * @param extra    more settings, overriding these.
     * @return setting name to text.
     */
    static Map<String, String> settings(URI endpoint, String... extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bucket", BUCKET);
        settings.put("endpoint", endpoint.toString());
        settings.put("pathStyle", "true");
        settings.put("retryBaseDelay", "10ms");
        settings.put("retryMaxDelay", "100ms");
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }

    /** @return a tier named {@code cold} on this service. */
    TierStore open(String... extra) throws IOException {
        return new S3TierBackend().open("cold", settings(endpoint, extra));
    }

    /** @return the keys of incomplete multipart uploads in the bucket. */
    java.util.List<String> incompleteUploads() {
        return raw.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().stream()
                .map(software.amazon.awssdk.services.s3.model.MultipartUpload::key).toList();
    }

    @Override
    public void close() throws Exception {
        raw.close();
        proxy.stop();
    }
}
