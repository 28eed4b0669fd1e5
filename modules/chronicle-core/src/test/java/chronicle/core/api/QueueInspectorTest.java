package chronicle.core.api;

import chronicle.core.internal.journal.SegmentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class QueueInspectorTest {

    static final QueueOptions SMALL = QueueOptions.hotIpc().withSegmentSize(64 * 1024)
            .withIndex(new IndexPolicy(16, 1, 0)).withPretouch(false);

    @TempDir
    Path dir;

    static void append(QueueWriter writer, long from, long to) {
        for (long s = from; s < to; s++) {
            assertEquals(s, writer.append((int) (s % 5), Records.timestamp(s), Records.payload(s)));
        }
    }

    @Test
    void shouldDescribeSealedAndActiveSegmentsHeadTailAndALiveWriter() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            append(writer, 0, 3000);
            QueueInfo info = QueueInspector.inspect(dir);
            List<QueueInfo.Segment> segments = info.segments();
            assertEquals(writer.segmentIndex() + 1, segments.size());
            long base = 0;
            for (QueueInfo.Segment s : segments) {
                assertEquals(base, s.baseSequence(), "contiguous");
                assertEquals(Records.timestamp(base), s.firstTimestamp());
                assertEquals(Records.timestamp(base + s.records() - 1), s.maxTimestamp());
                assertEquals(64 * 1024, s.fileBytes());
                assertTrue(s.usedBytes() > 128 && s.usedBytes() <= s.fileBytes(), "used " + s.usedBytes());
                assertTrue(s.indexEntries() >= s.records() / 16, "index entries " + s.indexEntries());
                assertEquals(s != segments.getLast(), s.sealed());
                base += s.records();
            }
            assertEquals(3000, info.records());
            assertEquals(3000, info.nextSequence());
            assertEquals(0, info.headSequence());
            assertEquals(2999, info.tailSequence());
            assertEquals(Records.timestamp(0), info.headTimestamp());
            assertEquals(Records.timestamp(2999), info.tailTimestamp());
            assertEquals(64 * 1024, info.segmentSize());
            assertEquals(QueueReader.WriterState.ALIVE, info.writer().state());
            assertEquals(ProcessHandle.current().pid(), info.writer().pid());
        }
        assertEquals(QueueInfo.Writer.NONE, QueueInspector.inspect(dir).writer(), "a closed writer releases it");
    }

    @Test
    void shouldFindTheTailInASealedSegmentWhenTheActiveOneIsEmpty() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL)) {
            try (QueueWriter writer = queue.createWriter()) {
                append(writer, 0, 100);
            }
            queue.createWriter().close(); // recovery seals segment 0 and starts an empty segment 1
        }
        QueueInfo info = QueueInspector.inspect(dir);
        assertEquals(2, info.segments().size());
        assertTrue(info.segments().getFirst().sealed());
        assertEquals(0, info.segments().getLast().records());
        assertEquals(Long.MIN_VALUE, info.segments().getLast().firstTimestamp());
        assertEquals(99, info.tailSequence());
        assertEquals(Records.timestamp(99), info.tailTimestamp());
    }

    @Test
    void shouldReportReadersWithLagAndAStaleLock() throws Exception {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL)) {
            try (QueueWriter writer = queue.createWriter()) {
                append(writer, 0, 3000);
            }
            try (QueueReader reader = queue.createNamedReader("fast", StartPosition.earliest())) {
                assertEquals(1000, reader.poll((t, s, ts, b, o, l) -> { }, 1000));
                reader.commit();
            }
            queue.createNamedReader("idle", StartPosition.earliest()).close(); // registered, never committed
        }
        Files.writeString(dir.resolve("writer.lock"), "pid=999999 start=1 host="
                + Files.readString(Path.of("/etc/hostname")).strip());
        QueueInfo info = QueueInspector.inspect(dir);
        assertEquals(2, info.readers().size());
        QueueInfo.Reader fast = info.readers().getFirst();
        assertEquals("fast", fast.name());
        assertTrue(fast.committed() && fast.alive() && fast.protects(), fast.toString());
        assertEquals(1000, fast.nextSequence());
        assertEquals(2000, fast.lag());
        assertEquals(ProcessHandle.current().pid(), fast.pid());
        QueueInfo.Reader idle = info.readers().getLast();
        assertEquals("idle", idle.name());
        assertFalse(idle.committed());
        assertEquals(new QueueInfo.Writer(QueueReader.WriterState.DEAD, 999999, 1,
                Files.readString(Path.of("/etc/hostname")).strip()), info.writer());
    }

    @Test
    void shouldPlanRetentionWithoutDeletingAndNameTheReaderHoldingItBack() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL)) {
            try (QueueWriter writer = queue.createWriter()) {
                append(writer, 0, 5000);
            }
            int segments = SegmentFiles.list(dir).length;
            RetentionPlan plan = QueueInspector.planRetention(dir, RetentionPolicy.keepSegments(2));
            assertEquals(segments - 2, plan.deletable().size());
            assertEquals(SegmentFiles.path(dir, 0), plan.deletable().getFirst());
            assertEquals((segments - 2) * 64L * 1024, plan.deletableBytes());
            assertTrue(plan.heldBack().isEmpty());
            assertEquals(segments, SegmentFiles.list(dir).length, "a plan deletes nothing");

            try (QueueReader reader = queue.createNamedReader("holder", StartPosition.sequence(1500))) {
                reader.commit();
                long at = reader.segmentIndex();
                RetentionPlan held = QueueInspector.planRetention(dir, RetentionPolicy.keepSegments(2));
                assertEquals(at, held.deletable().size());
                assertEquals(List.of(SegmentFiles.path(dir, at)), held.heldBack());
                assertEquals("reader 'holder' (at segment " + at + ") has not passed it", held.heldBackReason());
            }
        }
    }

    @Test
    void shouldRefuseWhatIsNotAQueue() throws Exception {
        QueueException missing = assertThrows(QueueException.class, () -> QueueInspector.inspect(dir.resolve("x")));
        assertEquals(dir.resolve("x") + ": no such queue directory", missing.getMessage());
        Files.writeString(dir.resolve("f"), "x");
        QueueException file = assertThrows(QueueException.class, () -> QueueInspector.inspect(dir.resolve("f")));
        assertEquals(dir.resolve("f") + ": not a directory, so not a queue", file.getMessage());
        QueueException plain = assertThrows(QueueException.class, () -> QueueInspector.inspect(dir));
        assertTrue(plain.getMessage().startsWith(dir + ": not a Chronicle queue"), plain.getMessage());
    }
}
