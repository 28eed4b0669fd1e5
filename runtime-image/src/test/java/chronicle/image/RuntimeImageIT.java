package chronicle.image;

import chronicle.image.ImageProcess.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real jlinked image ({@code target/chronicle}, built in {@code package}) as a user would: through
 * {@code bin/chronicle}, in a separate process, checking exit codes, standard output and standard error.
 *
 * <p>Empty standard error is asserted wherever a command succeeds: it is how we know the flags baked into the
 * image with jlink {@code --add-options} cover every module that needs one (JEP 472 native-access warnings,
 * Unsafe warnings, unknown-module warnings all go to standard error).
 *
 * <p>The paths come from failsafe's system properties (see runtime-image/pom.xml), with defaults that work
 * when the test is started from the module folder.
 */
class RuntimeImageIT {

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private static Path image;
    private static Path modulePath;

    @BeforeAll
    static void locateImage() {
        image = Path.of(System.getProperty("chronicle.image.dir", "target/chronicle")).toAbsolutePath();
        modulePath = Path.of(System.getProperty("chronicle.image.module.path", "target/jmods-input"))
                .toAbsolutePath();
        assertTrue(Files.isExecutable(launcher(image)),
                "no launcher at " + launcher(image) + ": run `./mvnw package` (or verify) first");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void versionPrintsNoWarnings(@TempDir Path workDir) throws Exception {
        Result r = run(image, workDir, "--version");

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.err(), "the image must start without any JVM warning");
        assertTrue(r.out().startsWith("chronicle "), r::describe);
        assertTrue(r.out().contains("Java " + Runtime.version().feature()), r::describe);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void pluginsListsTheBuiltInCompressors(@TempDir Path workDir) throws Exception {
        Result r = run(image, workDir, "plugins");

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.err(), "loading zstd-jni must not warn: check image.jvm.flags");
        Listing listing = Listing.parse(r.out());
        assertRow(listing, "gzip", "chronicle.plugin.compressor.gzip", "image");
        assertRow(listing, "zstd", "chronicle.plugin.compressor.zstd", "image");
        assertRow(listing, "xz", "chronicle.plugin.compressor.xz", "image");
        Row seekable = listing.rows().stream().filter(x -> x.spi().equals("SeekableCompressor")).findFirst()
                .orElse(null);
        assertNotNull(seekable, () -> "no SeekableCompressor in:\n" + listing.text());
        assertEquals("zstd", seekable.name(), listing::text);
        assertEquals("chronicle.plugin.compressor.zstd", seekable.module(), listing::text);
        assertEquals("ok", seekable.status(), listing::text);
        assertEquals(List.of(), listing.broken(), r::describe);
        assertTrue(listing.summary().startsWith(listing.rows().size() + " provider(s) loaded, 0 skipped"),
                r::describe);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void pluginsListsTheTierBackendsOfTheImageAndItsS3DropIn(@TempDir Path workDir) throws Exception {
        Result r = run(image, workDir, "plugins");

        assertEquals(0, r.exit(), r::describe);
        Listing listing = Listing.parse(r.out());
        List<String> backends = listing.rows().stream().filter(x -> x.spi().equals("TierBackend"))
                .map(x -> x.name() + " " + x.module() + " " + x.layer() + " " + x.status()).sorted().toList();
        assertEquals(List.of("local chronicle.plugin.tier.local image ok", "nfs chronicle.plugin.tier.nfs image ok",
                "s3 chronicle.plugin.tier.s3 plugins/tier-s3/ ok"), backends, listing::text);
    }

    /**
     * The acceptance test of drop-ins: a plug-in built after the image, copied into the image's own
     * {@code plugins/} folder (not {@code -Dchronicle.plugins.dir}), loads without any rebuild, and a broken jar
     * next to it (a module whose dependency is absent) is reported on one line without stopping it.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void dropInPluginLoadsFromTheImagesPluginsFolder(@TempDir Path tmp) throws Exception {
        assertDropInsLoad(tmp, false);
    }

    /**
     * As above, but the broken jar also {@code provides Compressor}, as a real broken plug-in would.
     *
     * <p>Guards against service binding pulling the broken provider into the check of every other jar.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void brokenProviderJarDoesNotTakeOtherDropInsDown(@TempDir Path tmp) throws Exception {
        assertDropInsLoad(tmp, true);
    }

    private static void assertDropInsLoad(Path tmp, boolean brokenIsProvider) throws Exception {
        Path copy = tmp.resolve("chronicle");
        ImageFiles.copyTree(image, copy);
        Path plugins = copy.resolve("plugins");
        assertTrue(Files.isDirectory(plugins), "the image must ship a plugins/ folder");
        buildDropIns(tmp.resolve("build"), plugins.resolve("test-identity.jar"),
                plugins.resolve("test-broken.jar"), brokenIsProvider);

        Path workDir = Files.createDirectory(tmp.resolve("work"));
        Result r = run(copy, workDir, "plugins");

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.err(), r::describe);
        Listing listing = Listing.parse(r.out());
        Row identity = assertRow(listing, "identity", "test.identity", "plugins/");
        assertEquals("1.0", identity.version(), r::describe);
        // The built-in ones are still there, from the image.
        assertRow(listing, "gzip", "chronicle.plugin.compressor.gzip", "image");
        assertRow(listing, "zstd", "chronicle.plugin.compressor.zstd", "image");

        assertEquals(1, listing.broken().size(), r::describe);
        String broken = listing.broken().getFirst();
        assertTrue(broken.contains("test-broken.jar: skipped: "), r::describe);
        assertTrue(broken.contains("test.absent"), "the line must name the missing module: " + broken);
        assertFalse(broken.contains("test-identity.jar"), r::describe);
        assertTrue(listing.summary().startsWith(listing.rows().size() + " provider(s) loaded, 1 skipped"),
                r::describe);
    }

    /**
     * A drop-in that other users may write to is skipped with one line naming the fix, whatever its neighbours
     * do: a group-writable top-level jar and a world-writable sub-folder are refused, the safe jar beside them loads.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void dropInsOtherUsersMayWriteAreSkippedWithTheFix(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("chronicle");
        ImageFiles.copyTree(image, copy);
        Path plugins = copy.resolve("plugins");
        Path identity = plugins.resolve("test-identity.jar");
        buildDropIns(tmp.resolve("build"), identity, tmp.resolve("build/test-broken.jar"), false);
        Path groupWritable = Files.copy(identity, plugins.resolve("group-writable.jar"));
        Files.setPosixFilePermissions(groupWritable, PosixFilePermissions.fromString("rw-rw-r--"));
        Path worldWritable = Files.createDirectory(plugins.resolve("world-writable"));
        Files.copy(identity, worldWritable.resolve("test-identity.jar"));
        Files.setPosixFilePermissions(worldWritable, PosixFilePermissions.fromString("rwxrwxrwx"));

        Path workDir = Files.createDirectory(tmp.resolve("work"));
        Result r = run(copy, workDir, "plugins");

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.err(), r::describe);
        Listing listing = Listing.parse(r.out());
        assertRow(listing, "identity", "test.identity", "plugins/");
        Path shown = plugins.toRealPath();
        Path jar = shown.resolve("group-writable.jar");
        Path folder = shown.resolve("world-writable");
        assertEquals(List.of(
                "BROKEN " + jar + ": skipped: " + jar + " is writable by other users (mode rw-rw-r--); run chmod go-w "
                        + jar,
                "BROKEN " + folder + ": skipped: " + folder + " is writable by other users (mode rwxrwxrwx); "
                        + "run chmod -R go-w " + folder),
                listing.broken(), r::describe);
        assertTrue(listing.summary().startsWith(listing.rows().size() + " provider(s) loaded, 2 skipped"),
                r::describe);
    }

    /** The build sets the image's modes itself, so that the umask of whoever built it does not matter. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void imageIsWritableByItsOwnerOnly() throws IOException {
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(image.resolve("plugins"))));
        List<String> writableByOthers = new ArrayList<>();
        Files.walkFileTree(image, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                check(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isSymbolicLink()) {
                    check(file);
                }
                return FileVisitResult.CONTINUE;
            }

            private void check(Path path) throws IOException {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                    writableByOthers.add(path + " " + PosixFilePermissions.toString(mode));
                }
            }
        });
        assertEquals(List.of(), writableByOthers);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void unknownOptionIsAUsageError(@TempDir Path workDir) throws Exception {
        Result r = run(image, workDir, "--bogus");

        assertEquals(2, r.exit(), r::describe);
        assertTrue(r.err().contains("--bogus"), r::describe);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void missingConfigFileFailsWithOneLine(@TempDir Path workDir) throws Exception {
        assertFalse(Files.exists(Path.of("/nonexistent.json")), "test precondition");

        Result r = run(image, workDir, "config", "--config", "/nonexistent.json");

        assertEquals(1, r.exit(), r::describe);
        assertEquals(1, r.err().lines().count(), r::describe);
        assertTrue(r.err().contains("nonexistent.json"), r::describe);
    }

    /** A failed command prints its reason (file, line, what is wrong), never an exception's class name. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void failingImportPrintsTheReasonWithoutAClassName(@TempDir Path workDir) throws Exception {
        Path input = workDir.resolve("bad.csv");
        Files.writeString(input, """
                exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount
                kraken,XBT/USD,900,1000,true,bid,100,1
                kraken,XBT/USD,1900,2000,false,bid,10x.5,1
                """);

        Result r = run(image, workDir, "import", "--vendor", "tardis", "--input", input.toString(),
                "--archive", workDir.resolve("archive").toString(), "--venue", "kraken", "--symbol", "XBT/USD");

        assertEquals(1, r.exit(), r::describe);
        assertEquals(1, r.err().lines().count(), r::describe);
        assertTrue(r.err().startsWith("chronicle import: " + input + ":3: "), r::describe);
        assertTrue(r.err().contains("10x.5"), r::describe);
        assertFalse(r.err().matches("(?s).*[A-Za-z](Exception|Error)\\b.*"), r::describe);
    }

    /** The image's own config/chronicle.json is found through java.home and is valid. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void imageShipsAValidDefaultConfig(@TempDir Path workDir) throws Exception {
        Result r = run(image, workDir, "config");

        assertEquals(0, r.exit(), r::describe);
        assertEquals("", r.err(), r::describe);
        Path expected = image.resolve("config").resolve("chronicle.json").toRealPath();
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("config:") && l.endsWith(expected.toString())),
                r::describe);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Row assertRow(Listing listing, String name, String module, String layer) {
        Row row = listing.rows().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        assertNotNull(row, () -> "no provider named " + name + " in:\n" + listing.text());
        assertEquals("Compressor", row.spi(), listing::text);
        assertEquals(module, row.module(), listing::text);
        assertEquals(layer, row.layer(), listing::text);
        assertEquals("ok", row.status(), listing::text);
        return row;
    }

    private static Path launcher(Path imageDir) {
        return imageDir.resolve("bin").resolve(WINDOWS ? "chronicle.bat" : "chronicle");
    }

    private static Result run(Path imageDir, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher(imageDir).toString());
        command.addAll(List.of(args));
        return ImageProcess.run(workDir, Map.of(), command);
    }

    /**
     * Compiles, with the JDK's own javac and jar tools, two plug-in modules against the image's module path:
     * {@code test.identity}, a working {@code Compressor} named {@code identity}, and {@code test.broken},
     * which {@code requires test.absent}: that module exists at compile time only, so in the image the jar
     * cannot resolve.
     *
     * @param brokenIsProvider whether {@code test.broken} also {@code provides Compressor}.
     */
    private static void buildDropIns(Path build, Path identityJar, Path brokenJar, boolean brokenIsProvider)
            throws IOException {
        Path src = build.resolve("src");
        // It also requires the JDK modules the image offers to plug-ins and loads a class of each: a plug-in
        // layer resolves against the boot layer only, so this fails unless they are in it (add-modules).
        write(src.resolve("test.identity/module-info.java"), """
                module test.identity {
                    requires chronicle.storage;
                    requires java.xml;
                    requires java.net.http;
                    requires java.sql;
                    requires java.management;
                    requires jdk.unsupported;
                    requires jdk.zipfs;
                    provides chronicle.storage.spi.Compressor with test.identity.IdentityCompressor;
                }
                """);
        write(src.resolve("test.identity/test/identity/IdentityCompressor.java"), """
                package test.identity;

                import chronicle.storage.spi.Compressor;
                import java.io.InputStream;
                import java.io.OutputStream;
                import java.util.List;

                /** Stores bytes as they are. */
                public final class IdentityCompressor implements Compressor {
                    private static final List<Class<?>> JDK_CLASSES = List.of(
                            javax.xml.parsers.DocumentBuilderFactory.class, java.net.http.HttpClient.class,
                            java.sql.Timestamp.class, java.lang.management.ManagementFactory.class);

                    @Override public String name() { return "identity"; }
                    @Override public String description() { return "test plug-in using " + JDK_CLASSES; }
                    @Override public String fileExtension() { return ".id"; }
                    @Override public OutputStream compress(OutputStream sink) { return sink; }
                    @Override public InputStream decompress(InputStream source) { return source; }
                }
                """);
        write(src.resolve("test.absent/module-info.java"), """
                module test.absent {
                    exports test.absent;
                }
                """);
        write(src.resolve("test.absent/test/absent/Absent.java"), """
                package test.absent;

                public final class Absent {
                }
                """);
        write(src.resolve("test.broken/module-info.java"), """
                module test.broken {
                    requires chronicle.storage;
                    requires test.absent;
                %s}
                """.formatted(brokenIsProvider
                        ? "    provides chronicle.storage.spi.Compressor with test.broken.BrokenCompressor;\n" : ""));
        write(src.resolve("test.broken/test/broken/BrokenCompressor.java"), """
                package test.broken;

                import chronicle.storage.spi.Compressor;
                import java.io.InputStream;
                import java.io.OutputStream;

                public final class BrokenCompressor implements Compressor {
                    @Override public String name() { return "broken"; }
                    @Override public String fileExtension() { return ".broken"; }
                    @Override public OutputStream compress(OutputStream sink) { return sink; }
                    @Override public InputStream decompress(InputStream source) { return source; }
                    static Class<?> uses() { return test.absent.Absent.class; }
                }
                """);
        Path classes = build.resolve("classes");
        tool("javac", "--release", String.valueOf(Runtime.version().feature()),
                "--module-source-path", src.toString(),
                "--module-path", modulePath.toString(),
                "--module", "test.identity,test.absent,test.broken",
                "-d", classes.toString());
        tool("jar", "--create", "--file", identityJar.toString(), "--module-version", "1.0",
                "-C", classes.resolve("test.identity").toString(), ".");
        tool("jar", "--create", "--file", brokenJar.toString(), "--module-version", "1.0",
                "-C", classes.resolve("test.broken").toString(), ".");
        // As installed, whatever the umask: the host skips a drop-in that its group or other users may write to.
        for (Path jar : List.of(identityJar, brokenJar)) {
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new AssertionError("the JDK running the tests has no " + name));
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output, true);
        int exit = tool.run(writer, writer, args);
        assertEquals(0, exit, () -> name + " " + String.join(" ", args) + " failed:\n" + output);
    }

    /** One provider row of {@code chronicle plugins}. */
    private record Row(String spi, String name, String version, String module, String layer, String status) {
    }

    /**
     * The output of {@code chronicle plugins}: a header {@code SPI NAME VERSION MODULE LAYER STATUS}, one row
     * per provider (columns separated by at least two spaces, values never contain spaces), then
     * {@code BROKEN <path>: skipped: <reason>} lines, then a summary line.
     */
    private record Listing(String text, List<Row> rows, List<String> broken, String summary) {

        static Listing parse(String text) {
            List<String> lines = text.lines().toList();
            assertTrue(lines.size() >= 2, "too short:\n" + text);
            assertEquals(List.of("SPI", "NAME", "VERSION", "MODULE", "LAYER", "STATUS"),
                    List.of(lines.getFirst().split("\\s+")), text);
            List<Row> rows = new ArrayList<>();
            List<String> broken = new ArrayList<>();
            for (String line : lines.subList(1, lines.size() - 1)) {
                if (line.startsWith("BROKEN ")) {
                    broken.add(line);
                    continue;
                }
                assertTrue(broken.isEmpty(), "provider row after a BROKEN line:\n" + text);
                String[] cells = line.split("\\s{2,}");
                assertEquals(6, cells.length, () -> "not a provider row: '" + line + "' in\n" + text);
                rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]));
            }
            String summary = lines.getLast();
            assertTrue(summary.matches("\\d+ provider\\(s\\) loaded, \\d+ skipped; drop-in folder: .*"),
                    "no summary line:\n" + text);
            return new Listing(text, rows, broken, summary);
        }
    }
}
