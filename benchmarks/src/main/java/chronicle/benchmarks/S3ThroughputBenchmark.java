package chronicle.benchmarks;

import chronicle.plugin.tier.s3.LocalS3;
import chronicle.plugin.tier.s3.S3TierBackend;
import chronicle.storage.spi.RangeReader;
import chronicle.storage.spi.TierStore;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the S3 tier ({@code plugins/tier-s3}) against s3proxy running in the benchmark JVM on 127.0.0.1
 * (in-memory blob store), so the figures are the client's and the loopback's, not a real S3's: the put of a
 * {@link #objectSize} object (multipart above {@link #partSize}, with its CRC32C and per-part checksums), the
 * whole-object get (checked against the stored CRC32C) and a 1 MiB ranged get at a random offset.
 *
 * <p>The score {@code megabytes} (an auxiliary counter) is MiB moved per second; the primary score is operations
 * per second. Before each put the object is deleted, as a put of the same bytes would send nothing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@State(Scope.Benchmark)
public class S3ThroughputBenchmark {

    private static final String KEY = "bench/object.q";
    private static final int RANGE = 1 << 20;

    /** Bytes of the object put and read. */
    @Param({"67108864"})
    long objectSize;

    /** The tier's partSize setting. */
    @Param({"16MiB"})
    String partSize;

    Path dir;
    Path source;
    LocalS3 s3;
    TierStore tier;
    RangeReader reader;
    ByteBuffer whole;
    ByteBuffer range;
    SplittableRandom random;

    /** MiB moved, reported per second next to the operations. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Moved {
        /** MiB moved so far in this iteration. */
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        QuietLogs.warningsOnly();
        dir = BenchDirs.create("s3-bench-");
        byte[] bytes = new byte[(int) objectSize];
        new SplittableRandom(7).nextBytes(bytes);
        source = Files.write(dir.resolve("object.q"), bytes);
        // s3proxy with a bucket; it also points the AWS SDK default chain, where the tier reads its credentials
        // as in production, at the service's key (Java properties aws.accessKeyId and aws.secretAccessKey).
        s3 = LocalS3.start();
        String endpoint = s3.endpoint().toString();
        tier = new S3TierBackend().open("bench", Map.of("bucket", LocalS3.BUCKET, "endpoint", endpoint,
                "pathStyle", "true", "partSize", partSize));
        tier.put(KEY, source, false);
        reader = tier.open(KEY);
        whole = ByteBuffer.allocateDirect((int) objectSize);
        range = ByteBuffer.allocateDirect(RANGE);
        random = new SplittableRandom(11);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        reader.close();
        tier.close();
        s3.close();
        BenchDirs.delete(dir);
    }

    /** A put of the whole object: its CRC32C, then one PUT or a multipart upload. */
    @Benchmark
    public void put(Moved moved) throws IOException {
        tier.delete("bench/put.q");
        tier.put("bench/put.q", source, false);
        moved.megabytes += objectSize / 1048576.0;
    }

    /** A get of the whole object, checked against its stored CRC32C. */
    @Benchmark
    public void getWhole(Moved moved) throws IOException {
        whole.clear();
        reader.readFully(0, whole);
        moved.megabytes += objectSize / 1048576.0;
    }

    /** A ranged get of 1 MiB at a random offset, as a reader of one compressed frame does. */
    @Benchmark
    public void getRange1MiB(Moved moved) throws IOException {
        range.clear();
        reader.readFully(random.nextLong(objectSize - RANGE), range);
        moved.megabytes += 1.0;
    }
}
