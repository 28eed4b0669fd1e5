package chronicle.core.spi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds real plug-in jars for tests with the JDK's own {@code javac} and {@code jar} tools.
 *
 * <p>The plug-ins compile against this module's classes (main and test), so they can implement {@link Greeter}.
 */
final class PluginJars {

    private final Path work;

    PluginJars(Path work) {
        this.work = work;
    }

    /**
     * Compiles an explicit module and packs it as a jar.
     *
     * @param jar        where to write the jar.
     * @param version    the module version, or null.
     * @param modulePath extra jars the module needs at compile time.
     * @param sources    file name (relative to the source root, e.g. {@code module-info.java}) to source text.
     */
    Path explicitModule(Path jar, String version, List<Path> modulePath, Map<String, String> sources) {
        Path classes = compile(sources, true, modulePath);
        List<String> args = new ArrayList<>(List.of("--create", "--file", jar.toString()));
        if (version != null) {
            args.addAll(List.of("--module-version", version));
        }
        args.addAll(List.of("-C", classes.toString(), "."));
        run("jar", args);
        return jar;
    }

    /**
     * Compiles classes on the class path and packs them as a plain jar with only {@code META-INF/services}.
     *
     * @param jar     where to write the jar; its file name gives the automatic module name.
     * @param service the provider class declared in {@code META-INF/services/chronicle.core.spi.Greeter}.
     * @param sources file name to source text.
     */
    Path plainJar(Path jar, String service, Map<String, String> sources) {
        Path classes = compile(sources, false, List.of());
        write(classes.resolve("META-INF/services/" + Greeter.class.getName()), service + "\n");
        run("jar", List.of("--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        return jar;
    }

    private Path compile(Map<String, String> sources, boolean asModule, List<Path> modulePath) {
        try {
            Path src = Files.createTempDirectory(work, "src");
            Path out = Files.createTempDirectory(work, "classes");
            List<String> args = new ArrayList<>(List.of("--release", "25", "-d", out.toString()));
            // The test JVM's module path: this module's classes and its dependencies (Agrona).
            String testModulePath = System.getProperty("jdk.module.path", codeSource(PluginHost.class).toString());
            String ownClasses = testModulePath + java.io.File.pathSeparator + codeSource(Greeter.class);
            if (asModule) {
                List<String> path = new ArrayList<>(List.of(testModulePath));
                modulePath.forEach(p -> path.add(p.toString()));
                args.addAll(List.of("--module-path", String.join(java.io.File.pathSeparator, path),
                        "--patch-module", "chronicle.core=" + codeSource(Greeter.class)));
            } else {
                args.addAll(List.of("--class-path", ownClasses));
            }
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                write(file, source.getValue());
                args.add(file.toString());
            }
            run("javac", args);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String tool, List<String> args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " tool not available: add --add-modules"));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        int rc = provider.run(print, print, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException(tool + " failed (" + rc + "): " + output.toString(StandardCharsets.UTF_8));
        }
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
