package chronicle.pluginhost.internal;

import chronicle.pluginhost.api.PluginProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The owner half of the drop-in check, and its behaviour on a file system without POSIX attributes.
 *
 * <p>A test cannot create files owned by another user without root rights, so it turns the check around: the
 * trusted owner is a user id that does not own the test's files, and the files the test creates are then "owned by
 * another user".
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DropInOwnerTest {

    @TempDir
    Path tmp;

    private Path plugins;
    private Path jar;
    private String owner;
    private String stranger;

    @BeforeEach
    void dropInOwnedByTheTestUser() throws IOException {
        plugins = Files.setPosixFilePermissions(Files.createDirectory(tmp.resolve("plugins")),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = plugins.resolve("plain.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write('x');
            zip.closeEntry();
        }
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        owner = Files.getOwner(jar).getName();
        int uid = (Integer) Files.getAttribute(jar, "unix:uid");
        stranger = String.valueOf(uid == 65534 ? 65533 : 65534);
    }

    @Test
    void shouldLoadADropInOwnedByTheLauncher() {
        PluginLayerBuilder builder = new PluginLayerBuilder(ModuleLayer.boot(),
                new DropInPermissions(FileSystems.getDefault(), List.of(owner))).load(plugins);

        assertEquals(List.of(), builder.problems());
        assertEquals(List.of("plain"), builder.layers().stream()
                .flatMap(layer -> layer.layer().modules().stream()).map(Module::getName).toList());
    }

    @Test
    void shouldRefuseTheWholeFolderWhenAnotherUserOwnsIt() {
        PluginLayerBuilder builder = new PluginLayerBuilder(ModuleLayer.boot(),
                new DropInPermissions(FileSystems.getDefault(), List.of(stranger))).load(plugins);

        assertEquals(List.of(), builder.layers());
        assertEquals(List.of(plugins + ": skipped: " + plugins + " is owned by " + owner + ", not by " + stranger
                        + " (who runs chronicle), so none of the drop-ins in it is loaded; run chown " + stranger
                        + " " + plugins),
                builder.problems().stream().map(PluginProblem::toLine).toList());
    }

    @Test
    void shouldNameBothFixesWhenOwnerAndModeAreWrong() throws IOException {
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));
        DropInPermissions check = new DropInPermissions(FileSystems.getDefault(), List.of(stranger));

        Optional<DropInPermissions.Refusal> refusal = check.check(jar);

        assertEquals(Optional.of(jar + " is owned by " + owner + ", not by " + stranger + " (who runs chronicle)"
                        + ", and is writable by other users (mode rw-rw-rw-); run chown " + stranger + " " + jar
                        + " and chmod go-w " + jar),
                refusal.map(DropInPermissions.Refusal::reason));
    }

    @Test
    void shouldSayThatNothingWasCheckedOnAFileSystemWithoutPosixAttributes() throws IOException {
        URI zip = URI.create("jar:" + tmp.resolve("drop-ins.zip").toUri());
        try (FileSystem zipFs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path folder = Files.createDirectory(zipFs.getPath("/plugins"));
            DropInPermissions check = new DropInPermissions(zipFs, List.of(stranger));

            assertEquals(Optional.empty(), check.check(folder));
            assertEquals(Optional.empty(), check.checkTree(folder));
            assertEquals("owner and mode of drop-ins not checked: the file system has no POSIX attributes",
                    check.describe());
        }
    }
}
