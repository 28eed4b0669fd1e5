package chronicle.plugin.tier.s3;

import chronicle.plugin.tier.s3.internal.S3Settings;
import chronicle.plugin.tier.s3.internal.UploadChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings of an S3 tier: defaults, the forms values may take, and one-line errors naming the setting. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class S3SettingsTest {

    @Test
    void shouldApplyDefaults() {
        S3Settings s = S3Settings.parse("cold", Map.of("backend", "s3", "bucket", "md-archive"));

        assertEquals("md-archive", s.bucket());
        assertEquals("", s.prefix());
        assertEquals(Optional.empty(), s.region());
        assertEquals(Optional.empty(), s.endpoint());
        assertFalse(s.pathStyle());
        assertEquals(16L << 20, s.partSize());
        assertEquals(5, s.maxAttempts());
        assertEquals(Duration.ofMillis(100), s.retryBaseDelay());
        assertEquals(Duration.ofSeconds(20), s.retryMaxDelay());
        assertEquals(Duration.ofSeconds(5), s.connectTimeout());
        assertEquals(Duration.ofSeconds(30), s.readTimeout());
        assertEquals(Duration.ofMinutes(5), s.attemptTimeout());
        assertEquals(1000, s.listPageSize());
        assertEquals(UploadChecksum.CRC32C, s.uploadChecksum());
        assertEquals("s3://md-archive/", s.root());
    }

    @Test
    void shouldReadValuesWithOrWithoutTheirJsonQuotes() {
        S3Settings s = S3Settings.parse("lab", Map.ofEntries(
                Map.entry("bucket", "\"md-lab\""), Map.entry("prefix", "\"chronicle\""),
                Map.entry("endpoint", "\"http://minio.lan:9000\""), Map.entry("pathStyle", "true"),
                Map.entry("region", "eu-west-1"), Map.entry("partSize", "\"64 MiB\""), Map.entry("maxAttempts", "8"),
                Map.entry("readTimeout", "\"PT2M\""), Map.entry("connectTimeout", "500ms"),
                Map.entry("uploadChecksum", "MD5"), Map.entry("storageClass", "standard_ia"),
                Map.entry("serverSideEncryption", "aws:kms"), Map.entry("kmsKeyId", "alias/md")));

        assertEquals("chronicle/", s.prefix(), "a prefix always ends with /");
        assertEquals(Optional.of(URI.create("http://minio.lan:9000")), s.endpoint());
        assertTrue(s.pathStyle());
        assertEquals(Optional.of("eu-west-1"), s.region());
        assertEquals(64L << 20, s.partSize());
        assertEquals(8, s.maxAttempts());
        assertEquals(Duration.ofMinutes(2), s.readTimeout());
        assertEquals(Duration.ofMillis(500), s.connectTimeout());
        assertEquals(UploadChecksum.MD5, s.uploadChecksum());
        assertEquals(Optional.of("STANDARD_IA"), s.storageClass());
        assertEquals(Optional.of("alias/md"), s.kmsKeyId());
        assertEquals("s3://md-lab/chronicle/", s.root());
    }

    @Test
    void shouldNameTheSettingAndTheFixForEveryBadValue() {
        assertError("tiers.cold.bucket is required (for example \"bucket\": \"md-archive\")", Map.of());
        assertError("tiers.cold.bucket is \"my bucket\": a bucket name has 3 to 63 letters, digits, dots and "
                + "dashes", Map.of("bucket", "my bucket"));
        assertError("tiers.cold.buckt is not a setting of the s3 backend; it knows bucket, prefix, region, "
                + "endpoint, pathStyle, partSize, maxAttempts, retryBaseDelay, retryMaxDelay, connectTimeout, "
                + "readTimeout, attemptTimeout, listPageSize, uploadChecksum, storageClass, serverSideEncryption, "
                + "kmsKeyId", Map.of("buckt", "x"));
        assertError("tiers.cold.partSize is 4MiB: it must be from 5MiB to 1GiB", Map.of("partSize", "4MiB"));
        assertError("tiers.cold.partSize is \"lots\": use bytes or a size such as 16MiB (units B, KiB, MiB, GiB)",
                Map.of("partSize", "lots"));
        assertError("tiers.cold.maxAttempts is 0: it must be from 1 to 20", Map.of("maxAttempts", "0"));
        assertError("tiers.cold.pathStyle is \"yes\": use true or false", Map.of("pathStyle", "yes"));
        assertError("tiers.cold.readTimeout is \"soon\": use a duration such as 500ms, 30s, 5m or 1h",
                Map.of("readTimeout", "soon"));
        assertError("tiers.cold.endpoint is \"minio:9000\": use a URL such as https://s3.example.com or "
                + "http://127.0.0.1:9000", Map.of("endpoint", "minio:9000"));
        assertError("tiers.cold.prefix is \"../up\": use /-separated names, none empty, . or .., without a leading "
                + "/, backslash or control character", Map.of("prefix", "../up"));
        assertError("tiers.cold.storageClass is \"GLACIER\": use one of STANDARD, STANDARD_IA, ONEZONE_IA, "
                + "INTELLIGENT_TIERING, GLACIER_IR", Map.of("storageClass", "GLACIER"));
        assertError("tiers.cold.kmsKeyId needs tiers.cold.serverSideEncryption set to aws:kms",
                Map.of("kmsKeyId", "alias/x"));
        assertError("tiers.cold.retryMaxDelay (50ms) is shorter than tiers.cold.retryBaseDelay (100ms)",
                Map.of("retryMaxDelay", "50ms"));
    }

    @Test
    void shouldRefuseCredentialsInTheEndpointWithoutRepeatingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> S3Settings.parse("cold",
                Map.of("bucket", "md-lab", "endpoint", "https://AKIAEXAMPLE:s3cr3t-value@s3.example.com")));

        assertTrue(e.getMessage().startsWith("tiers.cold.endpoint holds a user name or password: remove it; "
                + "credentials come from the AWS SDK default chain"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t-value"), e.getMessage());
    }

    @Test
    void shouldDescribeEverySetting() {
        assertEquals(S3Settings.DESCRIPTIONS, new S3TierBackend().settings());
        assertTrue(S3Settings.DESCRIPTIONS.values().stream().noneMatch(d -> d.isBlank() || d.contains("\n")));
    }

    private static void assertError(String expected, Map<String, String> settings) {
        Map<String, String> withBucket = new java.util.HashMap<>(settings);
        if (!settings.isEmpty()) {
            withBucket.putIfAbsent("bucket", "md-archive");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> S3Settings.parse("cold", withBucket));
        assertEquals(expected, e.getMessage());
    }
}
