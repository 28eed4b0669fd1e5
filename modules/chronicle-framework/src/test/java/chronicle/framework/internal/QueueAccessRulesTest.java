package chronicle.framework.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.framework.api.QueueAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restricting a strategy's directory leaves the queues' writer locks held by this process. */
@Timeout(30)
class QueueAccessRulesTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheWriterLockOfAQueueThisProcessWritesWhileRestrictingItsFiles() throws Exception {
        Path queueDir = dir.resolve("orders");
        try (ChronicleQueue queue = ChronicleQueue.open(queueDir, QueueOptions.hotIpc().withSegmentSize(1 << 20));
             QueueWriter writer = queue.createWriter()) {
            writer.append(1, 1L, new byte[8]);
            Path lock = queueDir.resolve("writer.lock");
            assertTrue(holdsPosixLock(lock), "the writer holds its lock before");
            new QueueAccessRules(QueueAccess.ownerOnly()).restrictTree(dir);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
            assertTrue(holdsPosixLock(lock), "restricting the files must not release the writer lock");
        }
    }

    /** Whether /proc/locks lists a POSIX (fcntl) lock of this process on the file's inode. */
    private static boolean holdsPosixLock(Path file) throws Exception {
        long inode = (Long) Files.getAttribute(file, "unix:ino");
        String pid = Long.toString(ProcessHandle.current().pid());
        return Files.readAllLines(Path.of("/proc/locks")).stream()
                .map(line -> line.trim().split("\\s+"))
                .anyMatch(f -> f.length > 5 && f[1].equals("POSIX") && f[4].equals(pid)
                        && f[5].endsWith(":" + inode));
    }
}
