package chronicle.plugin.tier.s3.internal;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.io.IOException;

/**
 * Builds the AWS SDK client of one tier from its settings.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>HTTP: the SDK's {@code url-connection-client} (the JDK's HttpURLConnection), which keeps the plug-in's
 *       folder small; {@code connectTimeout} and {@code readTimeout} are its timeouts.</li>
 *   <li>Retries: the SDK's standard strategy, bounded by {@code maxAttempts}, with exponential back-off and full
 *       jitter from {@code retryBaseDelay} up to {@code retryMaxDelay}. It retries HTTP 500, 502, 503, 504,
 *       throttling (503 SlowDown and the like), and I/O failures such as connection resets and timeouts,
 *       including those in the middle of a response body read inside the call. A request body the service
 *       refuses as damaged is sent again by {@link S3TierStore} itself. The circuit breaker (a token bucket that stops
 *       retrying after many failures across calls) is off: tiering is a batch job that must not give up on a
 *       key because other keys failed before it.</li>
 *   <li>Checksums: the SDK's own request checksums are off ({@code WHEN_REQUIRED}); the store sets the header
 *       of {@link UploadChecksum} itself for every body, and checks full reads against its own CRC32C.</li>
 *   <li>Credentials: only the SDK's default chain ({@link S3Failures#CREDENTIALS_CHAIN}).</li>
 * </ul>
 */
final class S3Clients {

    private S3Clients() {
    }

    /**
     * @param settings    the tier's settings.
     * @param credentials the default chain, closed by the caller with the client.
     * @return a client.
     * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can be found.
     */
    static S3Client build(S3Settings settings, AwsCredentialsProvider credentials) {
        RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(settings.retryBaseDelay(), settings.retryMaxDelay()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.retryBaseDelay(),
                        settings.retryMaxDelay()))
                .circuitBreakerEnabled(false)
                .retryOnExceptionOrCause(IOException.class)
                .build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout()))
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(retry).apiCallAttemptTimeout(settings.attemptTimeout()))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(settings.pathStyle());
        settings.endpoint().ifPresent(builder::endpointOverride);
        if (settings.region().isPresent()) {
            builder.region(Region.of(settings.region().get()));
        } else if (settings.endpoint().isPresent()) {
            // S3-compatible stores sign with a region but rarely care which: the SDK's default one.
            builder.region(Region.US_EAST_1);
        }
        return builder.build();
    }
}
