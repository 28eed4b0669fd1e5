package chronicle.framework.internal;

import chronicle.framework.api.QueueAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The process's umask is tightened (never loosened), so files created later are private whatever it was. */
@Timeout(30)
class FileModeMaskTest {

    @TempDir
    Path dir;

    @Test
    void shouldMakeLaterFilesOwnerOnlyAndNeverLoosenTheMask() throws Exception {
        int mask = FileModeMask.tighten(QueueAccess.ownerOnly());
        assertEquals(0077, mask & 0077, "group and others lose every bit");
        Path file = Files.createFile(dir.resolve("later.q"));
        Path sub = Files.createDirectory(dir.resolve("readers"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sub)));
        assertEquals(mask, FileModeMask.tighten(QueueAccess.group("any")), "a group setting does not loosen it");
    }
}
