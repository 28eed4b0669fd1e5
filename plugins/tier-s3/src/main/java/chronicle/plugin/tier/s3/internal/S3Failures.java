package chronicle.plugin.tier.s3.internal;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Turns what the AWS SDK throws into one line an operator can act on: the tier, the operation, the key and its
 * location, then the cause in words, with the setting to fix where there is one.
 *
 * <p>No line ever holds a credential: service errors are described by their code and the service's own message
 * (which S3 never fills with a secret), client errors by the kind of failure, and the credentials chain by where
 * it looks, not by what it found.
 */
public final class S3Failures {

    /** Where the AWS SDK's default chain looks for credentials, in its order. */
    public static final String CREDENTIALS_CHAIN = "the AWS SDK default chain: the environment (AWS_ACCESS_KEY_ID, "
            + "AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), the Java properties aws.accessKeyId and "
            + "aws.secretAccessKey, web identity (AWS_WEB_IDENTITY_TOKEN_FILE), the profile AWS_PROFILE (or default) "
            + "in ~/.aws/credentials and ~/.aws/config, then container or EC2 instance metadata";

    private static final Set<String> REJECTED_CREDENTIALS = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "InvalidSecurity");

    private final S3Settings settings;

    /** @param settings the tier's settings, for the names of what to fix. */
    public S3Failures(S3Settings settings) {
        this.settings = settings;
    }

    /**
     * Describes a failed request.
     *
     * @param operation what was attempted, for example {@code put}.
     * @param key       the object key, or null for a request about the bucket.
     * @param location  where the object is, or null.
     * @param failure   what the SDK threw.
     * @return an exception with one line; the SDK's exception is its cause.
     */
    public IOException describe(String operation, String key, String location, SdkException failure) {
        String what = "tier " + settings.tier() + ": " + operation
                + (key == null ? " " + settings.root() : " " + key + " (" + location + ")");
        return new IOException(oneLine(what + ": " + cause(failure) + attempts(failure)), failure);
    }

    /**
     * A one-line failure that is not an SDK exception (a damaged object, a source that changed).
     *
     * @param operation what was attempted.
     * @param key       the object key.
     * @param location  where the object is.
     * @param problem   what is wrong.
     * @return the exception.
     */
    public IOException problem(String operation, String key, String location, String problem) {
        return new IOException(oneLine("tier " + settings.tier() + ": " + operation + " " + key + " (" + location
                + "): " + problem));
    }

    private String cause(SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            return serviceCause(service);
        }
        if (failure instanceof ApiCallAttemptTimeoutException || failure instanceof ApiCallTimeoutException) {
            return "no answer within " + settings.path("attemptTimeout") + " ("
                    + settings.attemptTimeout().toMillis() + "ms) from " + settings.endpointText();
        }
        String message = String.valueOf(failure.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return "no credentials found; they are looked for in " + CREDENTIALS_CHAIN;
        }
        if (message.startsWith("Unable to load region")) {
            return "no region: set " + settings.path("region") + " (or AWS_REGION)";
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            switch (t) {
                case ConnectException e -> {
                    return "cannot reach " + settings.endpointText() + " (" + e.getMessage() + "); check "
                            + settings.path("endpoint") + " and the network";
                }
                case UnknownHostException e -> {
                    return "cannot resolve the host of " + settings.endpointText() + " (" + e.getMessage()
                            + "); check " + settings.path("endpoint") + " and DNS";
                }
                case NoRouteToHostException e -> {
                    return "no route to " + settings.endpointText() + "; check " + settings.path("endpoint");
                }
                case SocketTimeoutException e -> {
                    return "timed out waiting for " + settings.endpointText() + " (" + e.getMessage() + "; "
                            + settings.path("connectTimeout") + " " + settings.connectTimeout().toMillis() + "ms, "
                            + settings.path("readTimeout") + " " + settings.readTimeout().toMillis() + "ms)";
                }
                case IOException e -> {
                    return "connection to " + settings.endpointText() + " failed: " + e.getMessage();
                }
                default -> {
                }
            }
        }
        return message;
    }

    private String serviceCause(AwsServiceException service) {
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        int status = service.statusCode();
        if ("NoSuchBucket".equals(code)) {
            return "bucket " + settings.bucket() + " does not exist at " + settings.endpointText() + "; create it "
                    + "or fix " + settings.path("bucket");
        }
        if (REJECTED_CREDENTIALS.contains(code)) {
            return settings.endpointText() + " rejected the credentials (" + code + "); they come from "
                    + CREDENTIALS_CHAIN + "; check what that chain finds for the user running chronicle";
        }
        if ("AccessDenied".equals(code) || status == 403) {
            return "access denied by " + settings.endpointText() + " (HTTP " + status + (code == null ? "" : " "
                    + code) + "): the credentials (from the AWS SDK default chain) lack a permission this tier "
                    + "needs on bucket " + settings.bucket() + " (see the S3 tier's permissions in docs/OPERATIONS.md)";
        }
        if ("PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code) || status == 301) {
            return "bucket " + settings.bucket() + " is in another region (" + code + "); fix "
                    + settings.path("region");
        }
        String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
        return "HTTP " + status + (code == null ? "" : " " + code) + (message == null || message.isBlank() ? ""
                : ": " + message);
    }

    private static String attempts(SdkException failure) {
        Integer attempts = failure.numAttempts();
        return attempts != null && attempts > 1 ? " (after " + attempts + " attempts)" : "";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
