package chronicle.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full disk is an error at segment allocation, never a SIGBUS: a child JVM gets a private 1 MiB tmpfs
 * ({@code unshare} mount namespace) and appends until the disk is full.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DiskFullTest {

    @TempDir
    Path dir;

    @Test
    void shouldFailTheRollWithAClearErrorAndKeepEveryRecord() throws Exception {
        // Mount a 1 MiB tmpfs over the temp dir inside a new mount namespace, then run the child JVM there.
        List<String> prefix = new ArrayList<>(List.of("unshare", "--mount", "--map-root-user", "sh", "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$@\"", dir.toString()));
        try (ChildJvm child = ChildJvm.startWithPrefix(prefix, DiskFullMain.class, dir.toString())) {
            String full = child.line(60, TimeUnit.SECONDS);
            assertNotNull(full, "child printed nothing (unshare/mount failed? see stderr)");
            assertTrue(full.startsWith("disk-full "), full);
            assertTrue(full.contains("disk full: cannot allocate"), full);
            long appended = Long.parseLong(full.split(" ")[1]);
            assertTrue(appended > 1000, "filled several segments first: " + full);
            String after = child.line(30, TimeUnit.SECONDS);
            assertEquals("after " + appended, after, "the writer still appends where there is room");
            assertEquals("ok " + (appended + 1), child.line(30, TimeUnit.SECONDS), "every record readable");
            assertEquals(0, child.waitFor(30, TimeUnit.SECONDS), "no SIGBUS, clean exit");
        }
    }
}
