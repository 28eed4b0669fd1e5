package chronicle.core.api;

import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentHeader;
import org.agrona.concurrent.AgentInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer's helper duties run on a dedicated thread or, in invoker mode, on the writer's own thread. */
@Timeout(60)
class HelperModeTest {

    private static final QueueOptions INVOKER = QueueBasicsTest.SMALL.withHelperMode(HelperMode.INVOKER);

    @TempDir
    Path dir;

    private static boolean helperThreadRunsFor(Path queue) {
        String name = "chronicle-writer-" + queue.getFileName();
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void shouldRunTheHelperOnItsOwnThreadByDefault() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueBasicsTest.SMALL);
             QueueWriter writer = queue.createWriter()) {
            assertTrue(helperThreadRunsFor(dir));
            IllegalStateException e = assertThrows(IllegalStateException.class, writer::helperInvoker);
            assertTrue(e.getMessage().contains("withHelperMode(HelperMode.INVOKER)"), e.getMessage());
        }
        assertFalse(helperThreadRunsFor(dir), "the helper thread stops with the writer");
    }

    @Test
    void shouldFinishRollsPrepareSegmentsAndApplyRetentionOnlyWhenInvoked() throws Exception {
        QueueOptions options = INVOKER.withRetention(RetentionPolicy.keepSegments(3));
        try (ChronicleQueue queue = ChronicleQueue.open(dir, options);
             QueueWriter writer = queue.createWriter()) {
            assertFalse(helperThreadRunsFor(dir), "no helper thread in invoker mode");
            AgentInvoker invoker = writer.helperInvoker();
            assertSame(invoker, writer.helperInvoker());
            QueueBasicsTest.appendRange(writer, 0, 2000); // about 4 segments of 64 KiB
            long active = writer.segmentIndex();
            assertTrue(active >= 3, "rolled " + active + " times");
            // Nobody invoked the duties: the ended segments carry their end marker but not yet their seal, and
            // retention has not run.
            assertFalse(SegmentHeader.read(SegmentFiles.path(dir, 0)).sealed(), "sealed without an invoke");
            assertEquals(active + 1, SegmentFiles.list(dir).length, "retention ran without an invoke");

            int work = 0;
            for (int i = 0; i < 1_000; i++) {
                work += invoker.invoke();
            }
            assertTrue(work > 0, "the duties did some work");
            long[] left = SegmentFiles.list(dir);
            assertEquals(3, left.length, "retention kept 3 segments");
            for (long s : left) {
                if (s != active) {
                    assertTrue(SegmentHeader.read(SegmentFiles.path(dir, s)).sealed(), "segment " + s + " sealed");
                }
            }
            assertTrue(Files.exists(SegmentFiles.path(dir, active + 1)), "the next segment is prepared");
            assertEquals(0, invoker.invoke(), "nothing left to do");

            QueueBasicsTest.appendRange(writer, 2000, 2600); // rolls into the prepared segment
        }
        try (ChronicleQueue queue = ChronicleQueue.open(dir, options);
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            var read = Records.drain(reader);
            assertEquals(2599, read.getLast().sequence());
            assertEquals(read.getLast().sequence() - read.getFirst().sequence() + 1, read.size(), "no gap");
        }
    }

    @Test
    void shouldFinishPendingRollsInPlaceWhenTheApplicationNeverInvokes() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, INVOKER);
             QueueWriter writer = queue.createWriter()) {
            // More rolls than may wait for the helper: the writer finishes them itself, in order.
            QueueBasicsTest.appendRange(writer, 0, 50_000);
            assertTrue(writer.segmentIndex() > 64, "rolled " + writer.segmentIndex() + " times");
            assertTrue(SegmentHeader.read(SegmentFiles.path(dir, 0)).sealed());
        }
        try (ChronicleQueue queue = ChronicleQueue.open(dir, INVOKER);
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            QueueBasicsTest.assertRange(Records.drain(reader), 0, 50_000);
        }
    }
}
