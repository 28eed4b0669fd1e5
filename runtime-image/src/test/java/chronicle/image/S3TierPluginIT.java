package chronicle.image;

import chronicle.image.ImageProcess.Result;
import chronicle.plugin.tier.s3.LocalS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proof that a tier is a plug-in: the image ships the S3 tier as the drop-in folder {@code plugins/tier-s3/}
 * (the plug-in and the AWS SDK's automatic-module jars, which jlink cannot link), {@code chronicle plugins} lists it
 * from that folder's own layer, and the image's own {@code bin/java} loads it through the plug-in host and puts and
 * reads an object in an S3 service (s3proxy in this JVM on 127.0.0.1), with credentials from the environment.
 */
class S3TierPluginIT {

    private static final String BUCKET = LocalS3.BUCKET;

    private static Path image;
    private static Path modulePath;
    private static LocalS3 s3;

    @BeforeAll
    static void start() throws Exception {
        image = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle")).toAbsolutePath();
        modulePath = Path.of(System.getProperty("chronicle.image.module.path", "target/jmods-input")).toAbsolutePath();
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void pluginsListsTheS3TierFromItsOwnLayer(@TempDir Path workDir) throws Exception {
        Result r = run(workDir, Map.of(), image.resolve("bin/chronicle").toString(), "plugins");

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.err(), "loading the SDK must not warn (SLF4J, unknown modules): " + r.describe());
        // SPI, name, version (the build's), module, layer, status
        assertTrue(r.out().lines().map(l -> List.of(l.split("\\s{2,}"))).anyMatch(cells -> cells.size() == 6
                && cells.subList(0, 2).equals(List.of("TierBackend", "s3"))
                && cells.subList(3, 6).equals(List.of("chronicle.plugin.tier.s3", "plugins/tier-s3/", "ok"))),
                r::describe);
        assertFalse(r.out().contains("BROKEN"), r::describe);
        assertTrue(sdkJarIn(image.resolve("plugins/tier-s3")), "the SDK is in the drop-in folder");
        assertFalse(sdkJarIn(modulePath), "the SDK is not linked into the image");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void imageJavaPutsAndReadsAnObjectThroughThePlugin(@TempDir Path tmp) throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(42).nextBytes(data);
        Path file = Files.write(tmp.resolve("segment.q"), data);
        Path probe = buildProbe(tmp.resolve("probe"));

        Result r = run(tmp, credentials(LocalS3.SECRET_KEY), image.resolve("bin/java").toString(), "--module-path",
                probe.toString(), "--module", "test.s3probe/test.s3probe.Main", s3.endpoint().toString(), BUCKET,
                "kraken/XBT%2FUSD/2023-11-14/book/000000001.q", file.toString());

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.err(), r::describe);
        String crc = crc32c(data);
        assertEquals(List.of("provider s3 from plugins/tier-s3/ module chronicle.plugin.tier.s3",
                "put " + data.length + " " + crc, "read " + data.length + " " + crc), r.out().lines().toList(),
                r::describe);
        assertEquals(crc, s3.raw().headObject(b -> b.bucket(BUCKET).key("kraken/XBT%2FUSD/2023-11-14/book/000000001.q"))
                .metadata().get("crc32c"), "stored with its checksum, where the tier said");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void rejectedCredentialsAreOneLineWithoutTheSecret(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a.q"), "bytes");
        Path probe = buildProbe(tmp.resolve("probe"));
        String wrong = "not-the-secret-9Jx2Lw";

        Result r = run(tmp, credentials(wrong), image.resolve("bin/java").toString(), "--module-path",
                probe.toString(), "--module", "test.s3probe/test.s3probe.Main", s3.endpoint().toString(), BUCKET, "a.q",
                file.toString());

        assertEquals(1, r.exit(), r::describe);
        assertEquals(1, r.err().lines().count(), r::describe);
        assertTrue(r.err().startsWith("probe: tier cold: open s3://" + BUCKET + "/: " + s3.endpoint() + " rejected the "
                + "credentials (SignatureDoesNotMatch); they come from the AWS SDK default chain"), r::describe);
        assertFalse(r.err().contains(wrong) || r.out().contains(wrong), r::describe);
    }

    private static Map<String, String> credentials(String secret) {
        return Map.of("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", secret, "AWS_EC2_METADATA_DISABLED",
                "true");
    }

    /**
     * Compiles a small program against the image's module path: it finds the {@code s3} tier backend through
     * the plug-in host, as the product does, opens a tier, puts a file and reads it back whole.
     */
    private static Path buildProbe(Path build) throws IOException {
        Path src = build.resolve("src/test.s3probe");
        Files.createDirectories(src.resolve("test/s3probe"));
        Files.writeString(src.resolve("module-info.java"), """
                module test.s3probe {
                    requires chronicle.storage;
                }
                """);
        Files.writeString(src.resolve("test/s3probe/Main.java"), """
                package test.s3probe;

                import chronicle.pluginhost.api.PluginHost;
                import chronicle.pluginhost.api.PluginProvider;
                import chronicle.storage.spi.ObjectStat;
                import chronicle.storage.spi.RangeReader;
                import chronicle.storage.spi.TierBackend;
                import chronicle.storage.spi.TierChecksums;
                import chronicle.storage.spi.TierStore;
                import java.io.ByteArrayInputStream;
                import java.io.IOException;
                import java.io.UncheckedIOException;
                import java.nio.ByteBuffer;
                import java.nio.file.Path;
                import java.util.Map;

                /** Puts a file into an S3 tier through the plug-in host and reads it back: endpoint bucket key file. */
                public final class Main {
                    public static void main(String[] args) {
                        PluginHost host = PluginHost.forRuntimeImage();
                        PluginProvider<TierBackend> s3 = host.find(TierBackend.class, "s3").orElseThrow();
                        System.out.println("provider s3 from " + s3.origin() + " module " + s3.module());
                        Map<String, String> settings = Map.of("bucket", args[1], "endpoint", args[0],
                                "pathStyle", "true", "maxAttempts", "2");
                        try (TierStore tier = s3.call(backend -> open(backend, settings))) {
                            ObjectStat put = tier.put(args[2], Path.of(args[3]), false);
                            System.out.println("put " + put.size() + " " + put.checksum());
                            try (RangeReader reader = tier.open(args[2])) {
                                ByteBuffer all = ByteBuffer.allocate((int) reader.size());
                                reader.readFully(0, all);
                                System.out.println("read " + all.capacity() + " "
                                        + TierChecksums.of(new ByteArrayInputStream(all.array())));
                            }
                        } catch (IOException e) {
                            System.err.println("probe: " + e.getMessage());
                            System.exit(1);
                        } catch (UncheckedIOException e) {
                            System.err.println("probe: " + e.getCause().getMessage());
                            System.exit(1);
                        }
                    }

                    private static TierStore open(TierBackend backend, Map<String, String> settings) {
                        try {
                            return backend.open("cold", settings);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                """);
        Path classes = build.resolve("classes");
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        StringWriter output = new StringWriter();
        int exit = javac.run(new PrintWriter(output, true), new PrintWriter(output, true), "--release",
                String.valueOf(Runtime.version().feature()), "--module-path", modulePath.toString(),
                "--module-source-path", build.resolve("src").toString(), "--module", "test.s3probe",
                "-d", classes.toString());
        assertEquals(0, exit, output::toString);
        return classes.resolve("test.s3probe");
    }

    private static Result run(Path workDir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("HOME", workDir.toString()); // no ~/.aws of the developer
        return ImageProcess.run(workDir, all, List.of(command));
    }

    private static boolean sdkJarIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().matches("s3-\\d.*\\.jar"));
        }
    }

    private static String crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return String.format("%08x", crc.getValue());
    }
}
