package chronicle.pluginhost.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drop-ins that other users could change are not loaded (OpenSSH's {@code StrictModes} for plug-ins): real jars in
 * a real folder, modes set explicitly so that the outcome does not depend on the umask.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DropInPermissionsTest {

    @TempDir
    Path tmp;

    @Test
    void shouldSkipDropInsOtherUsersMayWriteAndStillLoadTheSafeOne() {
        Path plugins = PluginJars.folder(tmp.resolve("plugins"));
        PluginJars jars = new PluginJars(PluginJars.folder(tmp.resolve("work")));
        jars.greeter(plugins.resolve("good.jar"), "test.good", "good", "1.0");
        Path groupWritable = PluginJars.withMode(
                jars.greeter(plugins.resolve("group-writable.jar"), "test.group", "group", "1.0"), "rw-rw-r--");
        Path worldWritableFolder = PluginJars.withMode(PluginJars.folder(plugins.resolve("wide-open")), "rwxrwxrwx");
        jars.greeter(worldWritableFolder.resolve("open.jar"), "test.open", "open", "1.0");
        Path tidyFolder = PluginJars.folder(plugins.resolve("tidy"));
        Path writableInside = PluginJars.withMode(
                jars.greeter(tidyFolder.resolve("inner.jar"), "test.inner", "inner", "1.0"), "rw-rw-rw-");

        PluginHost host = PluginHost.of(plugins);

        assertEquals(List.of("good"), names(host));
        assertEquals("hello from good", host.find(Greeter.class, "good").orElseThrow().call(Greeter::greet));
        assertEquals(List.of(
                groupWritable + ": skipped: " + groupWritable
                        + " is writable by other users (mode rw-rw-r--); run chmod go-w " + groupWritable,
                tidyFolder + ": skipped: " + writableInside
                        + " is writable by other users (mode rw-rw-rw-); run chmod -R go-w " + tidyFolder,
                worldWritableFolder + ": skipped: " + worldWritableFolder
                        + " is writable by other users (mode rwxrwxrwx); run chmod -R go-w " + worldWritableFolder),
                lines(host));
        assertEquals(List.of(), host.providerProblems());
    }

    @Test
    void shouldLoadNothingFromADropInFolderOtherUsersMayWrite() {
        Path plugins = PluginJars.folder(tmp.resolve("plugins"));
        PluginJars jars = new PluginJars(PluginJars.folder(tmp.resolve("work")));
        jars.greeter(plugins.resolve("good.jar"), "test.good", "good", "1.0");
        PluginJars.withMode(plugins, "rwxrwxr-x");

        PluginHost host = PluginHost.of(plugins);

        assertEquals(List.of(), names(host));
        assertEquals(List.of(plugins + ": skipped: " + plugins + " is writable by other users (mode rwxrwxr-x), "
                + "so none of the drop-ins in it is loaded; run chmod go-w " + plugins), lines(host));
    }

    @Test
    void shouldLoadTheSameJarOnceItsModeIsFixed() {
        Path plugins = PluginJars.folder(tmp.resolve("plugins"));
        PluginJars jars = new PluginJars(PluginJars.folder(tmp.resolve("work")));
        Path jar = PluginJars.withMode(jars.greeter(plugins.resolve("good.jar"), "test.good", "good", "1.0"),
                "rw-r--rw-");
        assertEquals(List.of(), names(PluginHost.of(plugins)));

        PluginJars.withMode(jar, "rw-r--r--");

        PluginHost host = PluginHost.of(plugins);
        assertEquals(List.of("good"), names(host));
        assertEquals(List.of(), lines(host));
    }

    @Test
    void shouldSayWhatItChecks() {
        String check = PluginHost.of(tmp.resolve("absent")).permissionCheck();
        assertTrue(check.startsWith("drop-ins must be owned by ") && check.contains("root")
                && check.endsWith(" and not writable by group or others"), check);
    }

    private static List<String> names(PluginHost host) {
        return host.providers(Greeter.class).stream().map(PluginProvider::name).toList();
    }

    private static List<String> lines(PluginHost host) {
        return host.problems().stream().map(PluginProblem::toLine).toList();
    }
}
