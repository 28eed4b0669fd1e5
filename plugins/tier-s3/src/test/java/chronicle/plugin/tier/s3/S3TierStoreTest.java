package chronicle.plugin.tier.s3;

import chronicle.storage.spi.ObjectStat;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.TierChecksums;
import chronicle.storage.spi.TierStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 tier against s3proxy on 127.0.0.1: every operation of {@link TierStore}, as the SPI specifies it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class S3TierStoreTest {

    @RegisterExtension
    static final LocalS3Extension S3 = new LocalS3Extension();
    private static FaultProxy counter;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCounter() throws IOException {
        counter = new FaultProxy(S3.get().endpoint());
    }

    @AfterAll
    static void stopCounter() throws IOException {
        counter.close();
    }

    @Test
    void shouldPutAndReadRangesAndTheWholeObject() throws IOException {
        byte[] data = SampleBytes.random(300_000, 1);
        Path file = write("seg.q", data);
        try (TierStore tier = S3.get().open("prefix", "chronicle")) {
            ObjectStat stat = tier.put("kraken/XBT%2FUSD/2023-11-14/book/000000001.q", file, false);

            assertEquals(new ObjectStat("kraken/XBT%2FUSD/2023-11-14/book/000000001.q", data.length,
                    TierChecksums.of(file)), stat);
            assertEquals(Optional.of(stat), tier.stat(stat.key()));
            assertEquals("s3://" + LocalS3.BUCKET + "/chronicle/kraken/XBT%2FUSD/2023-11-14/book/000000001.q",
                    tier.location(stat.key()));
            // Under the prefix in the bucket, with the checksum in its metadata.
            assertEquals(stat.checksum(), S3.get().raw().headObject(b -> b.bucket(LocalS3.BUCKET)
                    .key("chronicle/" + stat.key())).metadata().get("crc32c"));
            try (RangeReader reader = tier.open(stat.key())) {
                assertEquals(data.length, reader.size());
                ByteBuffer range = ByteBuffer.allocate(4096);
                reader.readFully(123_457, range);
                assertArrayEquals(Arrays.copyOfRange(data, 123_457, 123_457 + 4096), range.array());
                ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
                reader.readFully(0, direct);
                byte[] whole = new byte[data.length];
                direct.flip().get(whole);
                assertArrayEquals(data, whole);
                assertThrows(EOFException.class, () -> reader.readFully(data.length - 10, ByteBuffer.allocate(11)));
            }
        }
    }

    @Test
    void shouldNotUploadAgainWhenTheSameBytesAreThere() throws IOException {
        Path file = write("same.q", SampleBytes.random(50_000, 2));
        try (TierStore tier = new S3TierBackend().open("cold", LocalS3.settings(counter.uri()))) {
            ObjectStat first = tier.put("idem/a.q", file, false);
            ObjectStat second = tier.put("idem/a.q", file, true);

            assertEquals(first, second);
            assertEquals(1, uploads("idem/a.q"), counter.requests()::toString);
            assertTrue(Files.exists(file), "a remote tier never takes the source file");
        }
    }

    @Test
    void shouldReplaceAnObjectWithDifferentBytes() throws IOException {
        byte[] second = SampleBytes.random(2_000, 4);
        try (TierStore tier = S3.get().open()) {
            tier.put("replace/a.q", write("one.q", SampleBytes.random(1_000, 3)), false);
            ObjectStat stat = tier.put("replace/a.q", write("two.q", second), false);

            assertEquals(second.length, stat.size());
            assertArrayEquals(second, readAll(tier, "replace/a.q"));
        }
    }

    @Test
    void shouldUploadAnObjectLargerThanThePartSizeInParts() throws IOException {
        byte[] data = SampleBytes.random((12 << 20) + 123, 5);
        Path file = write("big.q", data);
        try (TierStore tier = new S3TierBackend().open("cold", LocalS3.settings(counter.uri(), "partSize", "5MiB"))) {
            ObjectStat stat = tier.put("multi/big.q", file, false);

            assertEquals(new ObjectStat("multi/big.q", data.length, TierChecksums.of(file)), stat);
            assertEquals(Optional.of(stat), tier.stat("multi/big.q"));
            assertArrayEquals(data, readAll(tier, "multi/big.q"));
            List<FaultProxy.Request> parts = counter.requests().stream()
                    .filter(r -> r.is("PUT", "/multi/big.q?", "partNumber=")).toList();
            assertEquals(3, parts.size(), parts::toString);
            assertEquals(List.of(), S3.get().incompleteUploads());
            // Idempotent in parts too: the second put sends nothing.
            tier.put("multi/big.q", file, false);
            assertEquals(3, counter.requests().stream().filter(r -> r.is("PUT", "/multi/big.q?")).count());
        }
    }

    @Test
    void shouldAbortAnIncompleteUploadLeftByAPutThatDied() throws IOException {
        String left = S3.get().raw().createMultipartUpload(b -> b.bucket(LocalS3.BUCKET).key("died/big.q")).uploadId();
        S3.get().raw().uploadPart(b -> b.bucket(LocalS3.BUCKET).key("died/big.q").uploadId(left).partNumber(1),
                RequestBody.fromBytes(SampleBytes.random(1000, 12)));
        assertEquals(List.of("died/big.q"), S3.get().incompleteUploads());
        byte[] data = SampleBytes.random((5 << 20) + 1, 13);
        try (TierStore tier = S3.get().open("partSize", "5MiB")) {
            tier.put("died/big.q", write("big.q", data), false);

            assertEquals(List.of(), S3.get().incompleteUploads());
            assertArrayEquals(data, readAll(tier, "died/big.q"));
        }
    }

    @Test
    void shouldServeConcurrentPutsAndReads() throws Exception {
        int threads = 4;
        List<byte[]> contents = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            contents.add(SampleBytes.random(200_000 + i, 20 + i));
        }
        try (TierStore tier = S3.get().open();
             var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<byte[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    tier.put("parallel/" + n + ".q", write("p" + n + ".q", contents.get(n)), false);
                    return readAll(tier, "parallel/" + n + ".q");
                }));
            }
            for (int i = 0; i < threads; i++) {
                assertArrayEquals(contents.get(i), results.get(i).get());
            }
            assertEquals(threads, tier.list("parallel/").size());
        }
    }

    @Test
    void shouldListEveryPageInKeyOrder() throws IOException {
        Path file = write("small.q", SampleBytes.random(10, 6));
        List<String> keys = List.of("list/b/2.q", "list/a/1.q", "list/c.q", "list/a/0.q", "list/b/1.q",
                "list/d/x/y.q", "list/a/2.q");
        try (TierStore tier = new S3TierBackend().open("cold", LocalS3.settings(counter.uri(), "listPageSize", "2",
                "prefix", "p/"))) {
            for (String key : keys) {
                tier.put(key, file, false);
            }
            tier.put("listing/not-under.q", file, false);
            int before = counter.requests().size();

            List<ObjectStat> listed = tier.list("list/");

            assertEquals(keys.stream().sorted().toList(), listed.stream().map(ObjectStat::key).toList());
            assertTrue(listed.stream().allMatch(s -> s.size() == 10));
            long pages = counter.requests().subList(before, counter.requests().size()).stream()
                    .filter(r -> r.is("GET", "list-type=2")).count();
            assertEquals(4, pages, "7 keys, 2 per page");
            assertEquals(List.of("list/a/0.q", "list/a/1.q", "list/a/2.q"),
                    tier.list("list/a").stream().map(ObjectStat::key).toList());
            // Only this tier's prefix p/: the seven keys and listing/not-under.q.
            assertEquals(8, tier.list("").size());
        }
    }

    @Test
    void shouldDeleteIdempotently() throws IOException {
        try (TierStore tier = S3.get().open()) {
            tier.put("gone/a.q", write("a.q", SampleBytes.random(100, 7)), false);

            assertTrue(tier.delete("gone/a.q"));
            assertFalse(tier.delete("gone/a.q"));
            assertEquals(Optional.empty(), tier.stat("gone/a.q"));
            NoSuchFileException absent = assertThrows(NoSuchFileException.class, () -> tier.open("gone/a.q"));
            assertTrue(absent.getMessage().contains("s3://" + LocalS3.BUCKET + "/gone/a.q"), absent.getMessage());
        }
    }

    @Test
    void shouldDetectAChecksumMismatchOnAFullRead() throws IOException {
        byte[] good = SampleBytes.random(40_000, 8);
        byte[] damaged = good.clone();
        damaged[20_000] ^= 1;
        try (TierStore tier = S3.get().open()) {
            ObjectStat stat = tier.put("damaged/a.q", write("a.q", good), false);
            // The object's bytes change behind the tier's back; its stored checksum stays.
            S3.get().raw().putObject(b -> b.bucket(LocalS3.BUCKET).key("damaged/a.q")
                    .metadata(Map.of("crc32c", stat.checksum())), RequestBody.fromBytes(damaged));

            try (RangeReader reader = tier.open("damaged/a.q")) {
                IOException e = assertThrows(IOException.class,
                        () -> reader.readFully(0, ByteBuffer.allocate(good.length)));
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertTrue(e.getMessage().startsWith("tier cold: get damaged/a.q (s3://" + LocalS3.BUCKET
                        + "/damaged/a.q): the object is damaged"), e.getMessage());
                assertTrue(e.getMessage().contains(stat.checksum()), e.getMessage());
                // A ranged read returns the bytes: its frames carry their own checksums.
                ByteBuffer part = ByteBuffer.allocate(100);
                reader.readFully(19_950, part);
                assertArrayEquals(Arrays.copyOfRange(damaged, 19_950, 20_050), part.array());
            }
        }
    }

    @Test
    void shouldRefuseAReadAfterTheObjectWasReplaced() throws IOException {
        try (TierStore tier = S3.get().open()) {
            tier.put("pinned/a.q", write("a.q", SampleBytes.random(1_000, 9)), false);
            try (RangeReader reader = tier.open("pinned/a.q")) {
                tier.put("pinned/a.q", write("b.q", SampleBytes.random(1_000, 10)), false);

                IOException e = assertThrows(IOException.class, () -> reader.readFully(0, ByteBuffer.allocate(10)));
                assertTrue(e.getMessage().contains("412"), e.getMessage());
            }
        }
    }

    @Test
    void shouldStoreAnEmptyFile() throws IOException {
        try (TierStore tier = S3.get().open("uploadChecksum", "md5")) {
            ObjectStat stat = tier.put("empty/a.q", write("e.q", new byte[0]), false);

            assertEquals(new ObjectStat("empty/a.q", 0, "00000000"), stat);
            assertEquals(Optional.of(stat), tier.stat("empty/a.q"));
        }
    }

    @Test
    void shouldRejectKeysThatLeaveTheTier() throws IOException {
        Path file = write("a.q", SampleBytes.random(10, 11));
        try (TierStore tier = S3.get().open("prefix", "inner/")) {
            for (String key : List.of("../a.q", "/a.q", "a/../../b.q", "a//b.q", "a\\b.q")) {
                assertThrows(IllegalArgumentException.class, () -> tier.put(key, file, false), key);
                assertThrows(IllegalArgumentException.class, () -> tier.stat(key), key);
            }
        }
    }

    private long uploads(String key) {
        return counter.requests().stream().filter(r -> r.is("PUT", "/" + key)).count();
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(tmp.resolve(name), data);
    }

    static byte[] readAll(TierStore tier, String key) throws IOException {
        try (RangeReader reader = tier.open(key)) {
            ByteBuffer all = ByteBuffer.allocate((int) reader.size());
            reader.readFully(0, all);
            return all.array();
        }
    }
}
