package chronicle.cli.internal;

import chronicle.core.api.ChronicleQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every journal command that takes a queue answers bad input with exit code 1 and one line naming the file. */
@Timeout(30)
class JournalBadInputTest {

    @TempDir
    Path dir;

    private static void assertOneLine(JournalFixture.Result r, String command, String expected) {
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("chronicle " + command + ": " + expected), r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspect", "tail", "verify"})
    void shouldNameAMissingPath(String command) {
        Path missing = dir.resolve("missing");
        assertOneLine(run(command, missing.toString()), command, missing + ": no such queue directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspect", "tail", "verify"})
    void shouldNameADirectoryThatIsNotAQueue(String command) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertOneLine(run(command, dir.toString()), command, dir + ": not a Chronicle queue (no queue.ctl)");
        assertOneLine(run(command, dir.resolve("notes.txt").toString()), command, dir.resolve("notes.txt") + ": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspect", "tail", "verify"})
    void shouldNameAQueueOfAnotherFormatVersion(String command) throws Exception {
        Path q = dir.resolve("q");
        ChronicleQueue.open(q, JournalFixture.SMALL).close();
        JournalFixture.writeInt(q.resolve("queue.ctl"), 8, 2);
        assertOneLine(run(command, q.toString()), command, q.resolve("queue.ctl") + ": queue format version 2 is not "
                + "supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspect", "tail"})
    void shouldNameACorruptSegmentHeader(String command) throws Exception {
        Path q = JournalFixture.queue(dir.resolve("q"), 10);
        JournalFixture.flipByte(JournalFixture.segment(q, 0), 0); // the magic
        assertOneLine(run(command, q.toString()), command, JournalFixture.segment(q, 0) + ": not a Chronicle segment "
                + "(bad magic");
    }
}
