package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(20)
class MainTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void shouldPrintVersionAndHelpWithExitZero() {
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("chronicle 0."), version.out());
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("plugins") && help.out().contains("config"), help.out());
    }

    @Test
    void shouldExitTwoOnUsageErrors() {
        assertEquals(2, run("--no-such-option").code());
        assertEquals(2, run("no-such-command").code());
        Result bare = run();
        assertEquals(2, bare.code());
        assertTrue(bare.err().contains("Missing subcommand"), bare.err());
    }

    @Test
    void shouldExitOneWithOneLineNamingTheFileOnBadConfig() throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"busRoot\": \"b\", \"archiveRoot\": \"a\", \"x\": 1}");
        Result bad = run("config", "--config", file.toString());
        assertEquals(1, bad.code());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("chronicle config: " + file + ": $.x: unknown field"), bad.err());
    }

    @Test
    void shouldPrintEffectiveConfig() throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"busRoot\": \"/b\", \"archiveRoot\": \"/a\"}");
        Result ok = run("config", "--config", file.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("busRoot:     /b") && ok.out().contains("archiveRoot: /a"), ok.out());
    }

    @Test
    void shouldListBrokenDropInWithItsReason() throws IOException {
        Path plugins = withMode(Files.createDirectories(dir.resolve("plugins")), "rwxr-xr-x");
        withMode(Files.writeString(plugins.resolve("junk.jar"), "this is not a zip file"), "rw-r--r--");
        Result listed = run("plugins", "--plugins-dir", plugins.toString());
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().lines().findFirst().orElseThrow()
                .matches("SPI +NAME +VERSION +MODULE +LAYER +STATUS"), listed.out());
        assertTrue(listed.out().contains("BROKEN " + plugins.resolve("junk.jar") + ": skipped: "), listed.out());
        // the only providers loaded are those of the module graph (the built-in CSV extract sink)
        assertTrue(listed.out().contains(imageProviders(listed) + " provider(s) loaded, 1 skipped"), listed.out());
    }

    @Test
    void shouldSkipADropInOtherUsersMayWriteAndNameTheFix() throws IOException {
        Path plugins = withMode(Files.createDirectories(dir.resolve("plugins")), "rwxr-xr-x");
        Path shared = withMode(Files.writeString(plugins.resolve("shared.jar"), "not read"), "rw-rw-rw-");
        Result listed = run("plugins", "--plugins-dir", plugins.toString());
        assertEquals(0, listed.code(), listed.err());
        List<String> lines = listed.out().lines().toList();
        assertTrue(lines.contains("BROKEN " + shared + ": skipped: " + shared
                + " is writable by other users (mode rw-rw-rw-); run chmod go-w " + shared), listed.out());
        assertTrue(lines.getLast().startsWith(imageProviders(listed)
                + " provider(s) loaded, 1 skipped; drop-in folder: " + plugins
                + " (drop-ins must be owned by "), listed.out());
        assertTrue(lines.getLast().endsWith(" and not writable by group or others)"), listed.out());
    }

    /** Rows of providers found in the module graph itself (layer "image"): none of them comes from a drop-in. */
    private static long imageProviders(Result listed) {
        return listed.out().lines().filter(l -> l.matches("\\S+ +\\S+ +\\S+ +\\S+ +image +ok")).count();
    }

    private static Path withMode(Path path, String mode) throws IOException {
        return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
}
