package chronicle.plugin.tier.s3;

import chronicle.storage.spi.TierStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a tier that cannot work fails at once with one line that names what to fix, and never a secret. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class S3TierErrorsTest {

    @RegisterExtension
    static final LocalS3Extension S3 = new LocalS3Extension();

    @Test
    void shouldNameTheBucketAndItsSettingWhenTheBucketIsMissing() {
        IOException e = assertThrows(IOException.class, () -> new S3TierBackend().open("cold",
                LocalS3.settings(S3.get().endpoint(), "bucket", "no-such-bucket")));

        assertEquals("tier cold: open s3://no-such-bucket/: bucket no-such-bucket does not exist at "
                + S3.get().endpoint() + "; create it or fix tiers.cold.bucket", e.getMessage());
    }

    @Test
    void shouldSayRejectedCredentialsComeFromTheDefaultChainWithoutPrintingTheSecret() throws IOException {
        String wrongSecret = "wrong-secret-Zq8xP1mK7vL3";
        String secret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.secretAccessKey", wrongSecret);
        try {
            IOException e = assertThrows(IOException.class, () -> S3.get().open().close());

            String message = e.getMessage();
            assertEquals(1, message.lines().count(), message);
            assertTrue(message.startsWith("tier cold: open s3://" + LocalS3.BUCKET + "/: " + S3.get().endpoint()
                    + " rejected the credentials (SignatureDoesNotMatch); they come from the AWS SDK default "
                    + "chain"), message);
            assertTrue(message.contains("aws.secretAccessKey"), message);
            assertFalse(message.contains(wrongSecret), message);
            assertFalse(message.contains(LocalS3.SECRET_KEY), message);
            assertFalse(String.valueOf(e.getCause()).contains(wrongSecret), "nor in its cause");
        } finally {
            System.setProperty("aws.secretAccessKey", secret);
        }
        try (TierStore tier = S3.get().open()) {
            assertEquals("cold", tier.name(), "the right secret works again");
        }
    }

    @Test
    void shouldSayAnUnknownAccessKeyIsRejected() {
        String key = System.getProperty("aws.accessKeyId");
        System.setProperty("aws.accessKeyId", "AKIA-NOT-KNOWN");
        try {
            IOException e = assertThrows(IOException.class, () -> S3.get().open().close());

            assertTrue(e.getMessage().contains("rejected the credentials (InvalidAccessKeyId)"), e.getMessage());
        } finally {
            System.setProperty("aws.accessKeyId", key);
        }
    }

    @Test
    void shouldNameAnUnreachableEndpoint() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        URI endpoint = closed;
        IOException e = assertThrows(IOException.class, () -> new S3TierBackend().open("cold",
                LocalS3.settings(endpoint, "maxAttempts", "2")));

        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("tier cold: open s3://" + LocalS3.BUCKET + "/: cannot reach "
                + endpoint + " ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("check tiers.cold.endpoint and the network (after 2 attempts)"),
                e.getMessage());
    }

    @Test
    void shouldRefuseAnInvalidSettingBeforeAnyRequest() {
        IOException e = assertThrows(IOException.class, () -> new S3TierBackend().open("cold",
                Map.of("bucket", "\"md-archive\"", "partSize", "\"1MiB\"")));

        assertEquals("tiers.cold.partSize is 1MiB: it must be from 5MiB to 1GiB", e.getMessage());
    }
}
