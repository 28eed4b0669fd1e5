package chronicle.pluginhost.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PluginHostTest {

    @TempDir
    Path tmp;

    @Test
    void shouldDiscoverExplicitModuleAndPlainJarDroppedIntoPluginsFolder() throws Exception {
        Path plugins = PluginJars.folder(tmp.resolve("plugins"));
        PluginJars jars = new PluginJars(Files.createDirectories(tmp.resolve("work")));
        jars.greeter(plugins.resolve("hello-explicit.jar"), "test.hello", "explicit", "1.2.3");
        jars.plainJar(plugins.resolve("hello-plain.jar"), "plain.Hi", Map.of(
                "plain/Hi.java", PluginJars.greeterClass("plain", "Hi", "plain", "\"hi\"")));

        PluginHost host = PluginHost.of(plugins);

        assertEquals(List.of(), host.problems());
        List<PluginProvider<Greeter>> found = host.providers(Greeter.class);
        assertEquals(2, found.size(), found.toString());
        PluginProvider<Greeter> explicit = host.find(Greeter.class, "explicit").orElseThrow();
        assertEquals("test.hello", explicit.module());
        assertEquals("1.2.3", explicit.version());
        assertEquals("plugins/", explicit.origin());
        assertEquals("hello from explicit", explicit.call(Greeter::greet));
        PluginProvider<Greeter> plain = host.find(Greeter.class, "plain").orElseThrow();
        assertEquals("hello.plain", plain.module(), "automatic module named after the jar");
        assertEquals(List.of(Greeter.class), host.spis());
    }

    @Test
    void shouldGiveEachSubFolderItsOwnLayerWithItsOwnDependencies() throws Exception {
        Path plugins = PluginJars.folder(tmp.resolve("plugins"));
        Path folder = PluginJars.folder(plugins.resolve("fancy"));
        PluginJars jars = new PluginJars(Files.createDirectories(tmp.resolve("work")));
        Path lib = jars.explicitModule(folder.resolve("words.jar"), "0.9", List.of(), Map.of(
                "module-info.java", "module test.words { exports words; }",
                "words/Words.java", "package words; public class Words { public static String word() { return \"fancy\"; } }"));
        jars.explicitModule(folder.resolve("fancy-greeter.jar"), "2.0", List.of(lib), Map.of(
                "module-info.java", PluginJars.greeterModule("test.fancy", "fancy", "Fancy", "requires test.words;"),
                "fancy/Fancy.java", PluginJars.greeterClass("fancy", "Fancy", "fancy",
                        "words.Words.word() + \" \" + Thread.currentThread().getContextClassLoader()"
                                + ".equals(getClass().getClassLoader())")));

        PluginHost host = PluginHost.of(plugins);

        assertEquals(List.of(), host.problems());
        PluginProvider<Greeter> fancy = host.find(Greeter.class, "fancy").orElseThrow();
        assertEquals("plugins/fancy/", fancy.origin());
        assertEquals("fancy true", fancy.call(Greeter::greet), "dependency loaded and context loader set");
        assertTrue(fancy.instance().getClass().getModule().getLayer() != ModuleLayer.boot());
    }

    @Test
    void shouldReportMissingDependencyDuplicateAndBadDescriptorWhileOthersStillLoad() throws Exception {
        Path plugins = PluginJars.folder(tmp.resolve("plugins"));
        PluginJars jars = new PluginJars(Files.createDirectories(tmp.resolve("work")));
        jars.greeter(plugins.resolve("good.jar"), "test.good", "good", "1.0");
        // Missing dependency: compiled against a library that is then not shipped.
        Path lib = jars.explicitModule(tmp.resolve("work/absent.jar"), "1", List.of(), Map.of(
                "module-info.java", "module test.absent { exports absent; }",
                "absent/A.java", "package absent; public class A { public static String a() { return \"a\"; } }"));
        jars.explicitModule(plugins.resolve("needs-absent.jar"), "1.0", List.of(lib), Map.of(
                "module-info.java", PluginJars.greeterModule("test.needy", "needy", "Needy", "requires test.absent;"),
                "needy/Needy.java", PluginJars.greeterClass("needy", "Needy", "needy", "absent.A.a()")));
        // Duplicate module name in two top-level jars.
        jars.greeter(plugins.resolve("zz-duplicate.jar"), "test.good", "good-again", "1.1");
        // Bad descriptor: a module-info.class that is not a class file.
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(plugins.resolve("bad-descriptor.jar")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("module-info.class"));
            zip.write("not a class file".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        PluginJars.withMode(plugins.resolve("bad-descriptor.jar"), "rw-r--r--");
        // A sub-folder whose plug-in needs a module nobody has.
        Path folder = PluginJars.folder(plugins.resolve("lonely"));
        Files.copy(plugins.resolve("needs-absent.jar"), folder.resolve("needs-absent.jar"));

        PluginHost host = PluginHost.of(plugins);

        assertEquals(List.of("good"), host.providers(Greeter.class).stream().map(PluginProvider::name).toList());
        List<String> lines = host.problems().stream().map(PluginProblem::toLine).toList();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertProblem(lines, "needs-absent.jar: skipped:", "Module test.absent not found, required by test.needy");
        assertProblem(lines, "zz-duplicate.jar: skipped:", "duplicate module test.good");
        assertProblem(lines, "bad-descriptor.jar: skipped:", "Bad magic number");
        assertProblem(lines, "lonely: skipped:", "test.absent");
        lines.forEach(line -> assertTrue(!line.contains("\n"), "one line: " + line));
    }

    @Test
    void shouldReportProviderWhoseConstructorFailsAndKeepTheOthers() throws Exception {
        Path plugins = PluginJars.folder(tmp.resolve("plugins"));
        PluginJars jars = new PluginJars(Files.createDirectories(tmp.resolve("work")));
        jars.greeter(plugins.resolve("good.jar"), "test.good", "good", "1.0");
        jars.explicitModule(plugins.resolve("throws.jar"), "1.0", List.of(), Map.of(
                "module-info.java", PluginJars.greeterModule("test.throwing", "throwing", "Boom", ""),
                "throwing/Boom.java", """
                        package throwing;
                        public class Boom implements chronicle.pluginhost.api.Greeter {
                            public Boom() { throw new IllegalStateException("no licence key"); }
                            public String name() { return "boom"; }
                            public String greet() { return "never"; }
                        }
                        """));

        PluginHost host = PluginHost.of(plugins);

        assertEquals(List.of("good"), host.providers(Greeter.class).stream().map(PluginProvider::name).toList());
        List<String> lines = host.providerProblems().stream().map(PluginProblem::toLine).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertProblem(lines, "throwing.Boom", "no licence key");
    }

    @Test
    void shouldTreatMissingPluginsFolderAsNoDropIns() {
        PluginHost host = PluginHost.of(tmp.resolve("does-not-exist"));
        assertEquals(List.of(), host.problems());
        assertEquals(List.of(), host.providers(Greeter.class));
    }

    private static void assertProblem(List<String> lines, String start, String reason) {
        assertTrue(lines.stream().anyMatch(l -> l.contains(start) && l.contains(reason)),
                "expected a line with '" + start + "' and '" + reason + "' in:\n" + String.join("\n", lines));
    }
}
