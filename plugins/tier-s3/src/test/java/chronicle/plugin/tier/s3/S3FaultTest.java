package chronicle.plugin.tier.s3;

import chronicle.plugin.tier.s3.FaultProxy.Fault;
import chronicle.plugin.tier.s3.FaultProxy.Request;
import chronicle.storage.spi.ObjectStat;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.TierStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The S3 tier through a proxy that fails requests: each failure ends in success after retries, or in one clear
 * line; either way no partial object is visible afterwards (stat and list show the whole object or nothing) and
 * no incomplete multipart upload is left.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class S3FaultTest {

    private static final Predicate<Request> PUT_OBJECT = r -> r.method().equals("PUT") && !r.target().contains("uploadId");
    private static final Predicate<Request> UPLOAD_PART = r -> r.is("PUT", "partNumber=", "uploadId=");
    private static final Predicate<Request> COMPLETE = r -> r.is("POST", "uploadId=");
    private static final Predicate<Request> RANGED_GET = r -> r.method().equals("GET") && !r.target().contains("list-type")
            && r.headers().stream().anyMatch(h -> h.toLowerCase().startsWith("range:"));

    @RegisterExtension
    static final LocalS3Extension S3 = new LocalS3Extension();
    private FaultProxy proxy;

    @TempDir
    Path tmp;

    @BeforeEach
    void startProxy() throws IOException {
        proxy = new FaultProxy(S3.get().endpoint());
    }

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
        assertEquals(List.of(), proxy.errors(), "the proxy itself failed");
        assertEquals(List.of(), S3.get().incompleteUploads(), "an incomplete multipart upload was left behind");
    }

    @Test
    void shouldRetryAPutAnsweredWithHttp500() throws IOException {
        byte[] data = SampleBytes.random(10_000, 1);
        proxy.inject(PUT_OBJECT, Fault.INTERNAL_ERROR, 2);
        try (TierStore tier = open()) {
            ObjectStat stat = tier.put("r500/a.q", file(data), false);

            assertEquals(3, count(PUT_OBJECT), proxy.requests()::toString);
            assertArrayEquals(data, S3TierStoreTest.readAll(tier, "r500/a.q"));
            assertEquals(Optional.of(stat), tier.stat("r500/a.q"));
        }
    }

    @Test
    void shouldRetryAPartAnsweredWithSlowDown() throws IOException {
        byte[] data = SampleBytes.random((11 << 20) + 5, 2);
        proxy.inject(UPLOAD_PART, Fault.SLOW_DOWN, 3);
        try (TierStore tier = open("partSize", "5MiB")) {
            tier.put("slowdown/a.q", file(data), false);

            assertEquals(3 + 3, count(UPLOAD_PART), proxy.requests()::toString);
            assertArrayEquals(data, S3TierStoreTest.readAll(tier, "slowdown/a.q"));
        }
    }

    @Test
    void shouldRetryAReadWhoseConnectionIsResetInTheMiddleOfTheBody() throws IOException {
        byte[] data = SampleBytes.random(200_000, 3);
        try (TierStore tier = open()) {
            tier.put("reset/a.q", file(data), false);
            proxy.inject(RANGED_GET, Fault.RESET_MID_BODY, 2);
            try (RangeReader reader = tier.open("reset/a.q")) {
                ByteBuffer range = ByteBuffer.allocate(50_000);
                reader.readFully(70_000, range);

                assertArrayEquals(Arrays.copyOfRange(data, 70_000, 120_000), range.array());
                assertEquals(3, count(RANGED_GET), proxy.requests()::toString);
            }
        }
    }

    @Test
    void shouldRetryAReadThatIsAnsweredTooLate() throws IOException {
        byte[] data = SampleBytes.random(5_000, 4);
        try (TierStore tier = open("readTimeout", "300ms")) {
            tier.put("late/a.q", file(data), false);
            proxy.inject(RANGED_GET, Fault.SLOW_RESPONSE, 1);

            assertArrayEquals(data, S3TierStoreTest.readAll(tier, "late/a.q"));
            assertEquals(2, count(RANGED_GET), proxy.requests()::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"crc32c", "md5"})
    void shouldResendABodyDamagedOnItsWay(String uploadChecksum) throws IOException {
        byte[] small = SampleBytes.random(30_000, 5);
        byte[] large = SampleBytes.random((6 << 20) + 1, 6);
        proxy.inject(PUT_OBJECT, Fault.CORRUPT_REQUEST_BODY, 1);
        proxy.inject(UPLOAD_PART, Fault.CORRUPT_REQUEST_BODY, 1);
        try (TierStore tier = open("uploadChecksum", uploadChecksum, "partSize", "5MiB")) {
            tier.put("digest/" + uploadChecksum + "/small.q", file(small), false);
            tier.put("digest/" + uploadChecksum + "/large.q", file(large), false);

            // The service refused each damaged body and the tier sent it again: over plain HTTP the SDK signs
            // the body's SHA-256 (SignatureDoesNotMatch), over HTTPS the checksum header catches it (BadDigest).
            assertEquals(2, count(PUT_OBJECT), proxy.requests()::toString);
            String header = uploadChecksum.equals("md5") ? "content-md5" : "x-amz-checksum-crc32c";
            String digest = uploadChecksum.equals("md5") ? md5(small) : crc32c(small);
            assertEquals(List.of(digest, digest), proxy.requests().stream().filter(PUT_OBJECT)
                    .map(r -> r.header(header)).toList());
            assertTrue(proxy.requests().stream().filter(UPLOAD_PART).allMatch(r -> r.header(header) != null));
            assertEquals(3, count(UPLOAD_PART), proxy.requests()::toString);
            assertArrayEquals(small, S3TierStoreTest.readAll(tier, "digest/" + uploadChecksum + "/small.q"));
            assertArrayEquals(large, S3TierStoreTest.readAll(tier, "digest/" + uploadChecksum + "/large.q"));
        }
    }

    @Test
    void shouldFinishWhenTheAnswerToCompleteIsLost() throws IOException {
        byte[] data = SampleBytes.random((5 << 20) + 7, 7);
        proxy.inject(COMPLETE, Fault.LOSE_RESPONSE, 1);
        try (TierStore tier = open("partSize", "5MiB")) {
            ObjectStat stat = tier.put("lost/a.q", file(data), false);

            assertTrue(count(COMPLETE) >= 2, proxy.requests()::toString);
            assertEquals(Optional.of(stat), tier.stat("lost/a.q"));
            assertArrayEquals(data, S3TierStoreTest.readAll(tier, "lost/a.q"));
        }
    }

    @Test
    void shouldGiveUpOnAPutAfterMaxAttemptsWithOneLineAndNoObject() throws IOException {
        proxy.inject(PUT_OBJECT, Fault.INTERNAL_ERROR, Integer.MAX_VALUE);
        try (TierStore tier = open("maxAttempts", "3")) {
            IOException e = assertThrows(IOException.class,
                    () -> tier.put("fail500/a.q", file(SampleBytes.random(1_000, 8)), false));

            assertEquals("tier cold: put fail500/a.q (s3://" + LocalS3.BUCKET + "/fail500/a.q): HTTP 500 "
                    + "InternalError: We encountered an internal error. (after 3 attempts)", e.getMessage());
            assertEquals(3, count(PUT_OBJECT));
            assertNothingAt(tier, "fail500/a.q");
        }
    }

    @Test
    void shouldAbortAMultipartUploadWhosePartKeepsFailing() throws IOException {
        byte[] data = SampleBytes.random((10 << 20) + 9, 9);
        proxy.inject(r -> UPLOAD_PART.test(r) && r.target().contains("partNumber=2"), Fault.SLOW_DOWN,
                Integer.MAX_VALUE);
        try (TierStore tier = open("partSize", "5MiB", "maxAttempts", "4")) {
            IOException e = assertThrows(IOException.class, () -> tier.put("failpart/a.q", file(data), false));

            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().startsWith("tier cold: put failpart/a.q (s3://" + LocalS3.BUCKET
                    + "/failpart/a.q): HTTP 503 SlowDown"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(after 4 attempts)"), e.getMessage());
            assertEquals(1, count(r -> r.is("DELETE", "/failpart/a.q?uploadId=")), proxy.requests()::toString);
            assertNothingAt(tier, "failpart/a.q");
        }
    }

    @Test
    void shouldAbortWhenCompleteKeepsResettingAndLeaveNoObject() throws IOException {
        byte[] data = SampleBytes.random((5 << 20) + 11, 10);
        proxy.inject(COMPLETE, Fault.INTERNAL_ERROR, Integer.MAX_VALUE);
        try (TierStore tier = open("partSize", "5MiB", "maxAttempts", "2")) {
            IOException e = assertThrows(IOException.class, () -> tier.put("failcomplete/a.q", file(data), false));

            assertTrue(e.getMessage().contains("HTTP 500 InternalError"), e.getMessage());
            assertNothingAt(tier, "failcomplete/a.q");
        }
    }

    @Test
    void shouldGiveUpOnReadsThatAreAlwaysTooLateNamingTheTimeout() throws IOException {
        try (TierStore tier = open("readTimeout", "200ms", "maxAttempts", "2")) {
            tier.put("alwayslate/a.q", file(SampleBytes.random(100, 11)), false);
            proxy.inject(RANGED_GET, Fault.SLOW_RESPONSE, Integer.MAX_VALUE);
            try (RangeReader reader = tier.open("alwayslate/a.q")) {
                IOException e = assertThrows(IOException.class, () -> reader.readFully(0, ByteBuffer.allocate(100)));

                assertTrue(e.getMessage().startsWith("tier cold: get alwayslate/a.q (s3://" + LocalS3.BUCKET
                        + "/alwayslate/a.q): timed out waiting for " + proxy.uri()), e.getMessage());
                assertTrue(e.getMessage().contains("tiers.cold.readTimeout 200ms"), e.getMessage());
                assertTrue(e.getMessage().endsWith("(after 2 attempts)"), e.getMessage());
            }
        }
    }

    @Test
    void shouldLeaveNoObjectWhenPutsAreAlwaysTooLate() throws IOException {
        proxy.inject(PUT_OBJECT, Fault.SLOW_RESPONSE, Integer.MAX_VALUE);
        try (TierStore tier = open("readTimeout", "200ms", "maxAttempts", "2")) {
            IOException e = assertThrows(IOException.class,
                    () -> tier.put("slowput/a.q", file(SampleBytes.random(100, 12)), false));
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            // The service may have stored what the proxy passed on before the client gave up: then it is whole.
            Optional<ObjectStat> stat = tier.stat("slowput/a.q");
            stat.ifPresent(s -> assertEquals(100, s.size()));
        }
    }

    private static String crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String md5(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldAbortWhenTheSourceChangesDuringAMultipartUpload() throws IOException {
        Path source = file(SampleBytes.random((11 << 20) + 3, 13));
        proxy.onFirst(UPLOAD_PART, () -> {
            try (FileChannel channel = FileChannel.open(source, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(new byte[]{1, 2, 3, 4}), 10L << 20); // in the last part, not yet read
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (TierStore tier = open("partSize", "5MiB")) {
            IOException e = assertThrows(IOException.class, () -> tier.put("changing/a.q", source, false));

            assertEquals("tier cold: put changing/a.q (s3://" + LocalS3.BUCKET + "/changing/a.q): " + source
                    + " changed while it was uploaded (its size or CRC32C differs from when the put began); nothing "
                    + "was stored", e.getMessage());
            assertNothingAt(tier, "changing/a.q");
        }
    }

    private void assertNothingAt(TierStore tier, String key) throws IOException {
        assertEquals(Optional.empty(), tier.stat(key));
        assertEquals(List.of(), tier.list(key.substring(0, key.indexOf('/') + 1)));
        assertEquals(List.of(), S3.get().incompleteUploads());
    }

    private TierStore open(String... extra) throws IOException {
        return new S3TierBackend().open("cold", LocalS3.settings(proxy.uri(), extra));
    }

    private long count(Predicate<Request> which) {
        return proxy.requests().stream().filter(which).count();
    }

    private Path file(byte[] data) throws IOException {
        return Files.write(Files.createTempFile(tmp, "src", ".q"), data);
    }
}
