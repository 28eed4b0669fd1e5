package chronicle.benchmarks;

import chronicle.bus.api.TierConfig;
import chronicle.plugin.tier.s3.LocalS3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The tier a tiered benchmark moves its day into, chosen by a benchmark parameter ({@code -p tier=local}): each
 * value starts whatever the tier needs and gives its configuration. Another backend is one more case of
 * {@link #start}: for example an S3 tier that starts an in-process S3 server in {@code work} and closes it in
 * {@link #close}.
 */
interface FarTier extends AutoCloseable {

    /** The tier's name in the configuration. */
    String NAME = "far";

    /** @return the tier's configuration ({@code "tiers": {"far": ...}}). */
    TierConfig config();

    /** Stops whatever the tier started; its objects go with the benchmark's work directory. */
    @Override
    void close();

    /**
     * Starts a tier.
     *
     * @param backend the parameter value: {@code local}.
     * @param work    a directory of the benchmark's own.
     * @return the tier, ready.
     */
    static FarTier start(String backend, Path work) {
        return switch (backend) {
            case "local" -> local(work.resolve("tier-local"));
            case "s3" -> s3();
            default -> throw new IllegalArgumentException("tier \"" + backend + "\" is not one the tiered benchmarks "
                    + "know (-p tier=local|s3)");
        };
    }

    /**
     * An {@code s3} tier in s3proxy, started in this JVM on 127.0.0.1 with an in-memory store: every read is a ranged
     * GET over loopback HTTP, and the tiered reader's frame cache starts empty with each reader.
     */
    private static FarTier s3() {
        LocalS3 s3;
        try {
            s3 = LocalS3.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start: " + e.getMessage(), e);
        }
        TierConfig config = TierConfig.of(Map.of("backend", "s3", "bucket", LocalS3.BUCKET,
                "endpoint", s3.endpoint().toString(), "pathStyle", true));
        return new FarTier() {
            @Override
            public TierConfig config() {
                return config;
            }

            @Override
            public void close() {
                try {
                    s3.close();
                } catch (Exception e) {
                    throw new IllegalStateException("s3proxy did not stop: " + e.getMessage(), e);
                }
            }
        };
    }

    /** A {@code local} tier in a directory on the benchmark's file system. */
    private static FarTier local(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TierConfig config = TierConfig.of(Map.of("backend", "local", "root", root.toString()));
        return new FarTier() {
            @Override
            public TierConfig config() {
                return config;
            }

            @Override
            public void close() {
                // nothing runs: the directory is deleted with the work directory
            }
        };
    }
}
