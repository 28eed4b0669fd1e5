package chronicle.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One writer per queue across processes: a writer in another JVM is refused while this one lives, also after this
 * process has asked who holds the lock (on Linux, opening and closing the lock file again would release the
 * process's {@code fcntl} lock), and takes the lock once this writer has closed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WriterLockAcrossProcessesTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseAWriterInAnotherProcessWhileTheWriterLives() throws Exception {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(1 << 20));
             QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            writer.append(1, 1L, new byte[8]);
            assertEquals(QueueReader.WriterState.ALIVE, reader.writerState(), "this process asks who writes");
            String answer = secondWriter();
            assertTrue(answer.startsWith("refused: ") && answer.contains("locked by a live writer (pid="
                    + ProcessHandle.current().pid() + " "), answer);
            assertEquals(1, writer.append(1, 2L, new byte[8]), "the writer still writes");
        }
        assertEquals("took the lock", secondWriter(), "a closed writer's lock is free");
    }

    private String secondWriter() throws Exception {
        try (ChildJvm child = ChildJvm.start(SecondWriterMain.class, dir.toString())) {
            String line = child.line(60, TimeUnit.SECONDS);
            assertNotNull(line, "the child answered");
            assertEquals(0, child.waitFor(30, TimeUnit.SECONDS));
            return line;
        }
    }
}
