package chronicle.pluginhost.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds real plug-in jars for tests with the JDK's own {@code javac} and {@code jar} tools.
 *
 * <p>The plug-ins compile against this module's classes (main and test), so they can implement {@link Greeter}.
 * Jars get mode {@code rw-r--r--} and {@link #folder} gives {@code rwxr-xr-x}, whatever the umask: the host
 * refuses drop-ins that other users may write to, and a test must not depend on the umask of whoever runs it.
 */
final class PluginJars {

    /** The mode of an installed jar. */
    static final Set<PosixFilePermission> JAR_MODE = PosixFilePermissions.fromString("rw-r--r--");
    /** The mode of an installed folder. */
    static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path work;

    PluginJars(Path work) {
        this.work = work;
    }

    /**
     * The descriptor of an explicit module providing {@link Greeter}.
     *
     * @param module   the module name.
     * @param pkg      the package of the provider class.
     * @param cls      the simple name of the provider class.
     * @param requires extra {@code requires} clauses, or empty.
     */
    static String greeterModule(String module, String pkg, String cls, String requires) {
        return """
                module %s {
                    requires chronicle.pluginhost;
                    %s
                    provides chronicle.pluginhost.api.Greeter with %s.%s;
                }
                """.formatted(module, requires, pkg, cls);
    }

    /**
     * The source of a {@link Greeter} provider.
     *
     * @param pkg             its package.
     * @param cls             its simple name.
     * @param name            what {@code name()} returns.
     * @param greetExpression the Java expression {@code greet()} returns.
     */
    static String greeterClass(String pkg, String cls, String name, String greetExpression) {
        return """
                package %s;
                public class %s implements chronicle.pluginhost.api.Greeter {
                    public String name() { return "%s"; }
                    public String greet() { return %s; }
                }
                """.formatted(pkg, cls, name, greetExpression);
    }

    /**
     * Builds an explicit-module plug-in whose {@link Greeter} is named {@code name} and greets
     * {@code "hello from <name>"}.
     *
     * @param jar     where to write the jar.
     * @param module  the module name; its package is the name with dots replaced by underscores.
     * @param name    the provider's name.
     * @param version the module version.
     */
    Path greeter(Path jar, String module, String name, String version) {
        String pkg = module.replace('.', '_');
        return explicitModule(jar, version, List.of(), Map.of(
                "module-info.java", greeterModule(module, pkg, "Hello", ""),
                pkg + "/Hello.java", greeterClass(pkg, "Hello", name, "\"hello from " + name + "\"")));
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
        return withMode(jar, JAR_MODE);
    }

    /**
     * Compiles classes on the class path and packs them as a plain jar with only {@code META-INF/services}.
     *
     * @param jar     where to write the jar; its file name gives the automatic module name.
     * @param service the provider class declared in {@code META-INF/services/chronicle.pluginhost.api.Greeter}.
     * @param sources file name to source text.
     */
    Path plainJar(Path jar, String service, Map<String, String> sources) {
        Path classes = compile(sources, false, List.of());
        write(classes.resolve("META-INF/services/" + Greeter.class.getName()), service + "\n");
        run("jar", List.of("--create", "--file", jar.toString(), "-C", classes.toString(), "."));
        return withMode(jar, JAR_MODE);
    }

    /**
     * Creates a folder (with any missing parents) and gives it mode {@code rwxr-xr-x}, as in an installed image.
     *
     * @param dir the folder.
     * @return the folder.
     */
    static Path folder(Path dir) {
        try {
            return withMode(Files.createDirectories(dir), FOLDER_MODE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets the mode of a file or folder, whatever the umask was when it was created.
     *
     * @param path the file or folder.
     * @param mode for example {@code rw-rw-r--}.
     * @return the path.
     */
    static Path withMode(Path path, String mode) {
        return withMode(path, PosixFilePermissions.fromString(mode));
    }

    private static Path withMode(Path path, Set<PosixFilePermission> mode) {
        try {
            return Files.setPosixFilePermissions(path, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                        "--patch-module", "chronicle.pluginhost=" + codeSource(Greeter.class)));
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
