package chronicle.core.api;

import chronicle.core.internal.journal.SeekIndex;
import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The next segment is created ahead of the roll under its final name with a zero header: invisible to readers and
 * tools until the roll publishes it in place, and deleted if its writer dies first.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreparedSegmentTest {

    static final QueueOptions SMALL = QueueBasicsTest.SMALL;

    @TempDir
    Path dir;

    @Test
    void shouldRollIntoTheSegmentTheHelperPreparedWithoutCreatingAnotherFile() throws Exception {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            QueueBasicsTest.appendRange(writer, 0, 10);
            Path next = awaitPrepared(dir, 1);
            Object inode = Files.getAttribute(next, "unix:ino");
            assertArrayEquals(new long[] {0}, SegmentFiles.list(dir), "a prepared segment is not listed");
            assertEquals(1, QueueInspector.inspect(dir).segments().size(), "nor inspected");
            assertTrue(QueueVerifier.verify(dir).ok(), QueueVerifier.verify(dir).problems().toString());

            writer.roll();
            assertEquals(inode, Files.getAttribute(next, "unix:ino"), "published in place, not created anew");
            assertArrayEquals(new long[] {0, 1}, SegmentFiles.list(dir));
            QueueBasicsTest.appendRange(writer, 10, 20);
            QueueBasicsTest.assertRange(Records.drain(reader), 0, 20);
            assertEquals(1, reader.segmentIndex(), "the reader crossed into the published segment");
        }
        assertTrue(QueueVerifier.verify(dir).ok());
        // The helper wrote the new segment's index header after the roll (the writer's entry for sequence 10 is
        // there) and flushed the sealed segment's last entries when it closed that index.
        assertArrayEquals(new long[] {10}, SeekIndex.read(dir.resolve(SegmentLayout.indexFileName(1))).sequences());
        assertArrayEquals(new long[] {0}, SeekIndex.read(dir.resolve(SegmentLayout.indexFileName(0))).sequences());
        assertFalse(Files.exists(SegmentFiles.path(dir, 2)), "a clean close deletes the unused prepared segment");
        assertFalse(Files.exists(dir.resolve(SegmentLayout.indexFileName(2))));
    }

    @Test
    void shouldKeepEveryIndexWholeThroughHundredsOfRollsFasterThanTheHelper() {
        // Far more rolls than the helper's hand-over queue holds (64), as fast as the writer can: the writer waits
        // for the helper when it must, and every index header and entry is still written, in order.
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            for (int roll = 0; roll < 300; roll++) {
                QueueBasicsTest.appendRange(writer, roll * 3L, roll * 3L + 3);
                writer.roll();
            }
        }
        Verification result = QueueVerifier.verify(dir);
        assertTrue(result.ok(), result.problems().toString());
        assertEquals(301, result.segments());
        assertEquals(300, result.indexEntries(), "one entry per segment (interval 16, 3 records each)");
        assertTrue(result.warnings().stream().noneMatch(w -> w.reason().contains("not written")),
                result.warnings().toString());
    }

    @Test
    void shouldRewriteAnIndexHeaderTheHelperHadNotWrittenWhenTheWriterDied() throws IOException {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            for (int roll = 0; roll < 3; roll++) {
                QueueBasicsTest.appendRange(writer, roll * 40L, roll * 40L + 40);
                writer.roll();
            }
        }
        // Segment 1 sealed, its index entries written, its header still zero: a writer killed right after a roll.
        Path index = dir.resolve(SegmentLayout.indexFileName(1));
        long[] entries = SeekIndex.read(index).sequences();
        assertArrayEquals(new long[] {40, 56, 72}, entries);
        try (var channel = java.nio.channels.FileChannel.open(index, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.allocate(64), 0);
        }
        assertArrayEquals(new long[0], SeekIndex.read(index).sequences(), "readers ignore a zero header");
        assertTrue(QueueVerifier.verify(dir).warnings().stream()
                .anyMatch(w -> w.file().equals(index) && w.reason().contains("not written yet")));

        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            assertArrayEquals(entries, SeekIndex.read(index).sequences(), "the next writer wrote the header back");
            try (QueueReader reader = queue.createReader(StartPosition.sequence(73))) {
                assertEquals(73, Records.drain(reader).getFirst().sequence());
            }
        }
        Verification result = QueueVerifier.verify(dir);
        assertTrue(result.ok(), result.problems().toString());
        assertTrue(result.warnings().stream().noneMatch(w -> w.reason().contains("not written")),
                result.warnings().toString());
    }

    @Test
    void shouldIgnoreAndThenDeleteAPreparedSegmentLeftByADeadWriter() throws IOException {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            QueueBasicsTest.appendRange(writer, 0, 10);
        }
        // What a writer killed after preparing segment 1 leaves: a zeroed, allocated segment and an empty index.
        Path leftover = SegmentFiles.path(dir, 1);
        Files.write(leftover, new byte[SMALL.segmentSize()]);
        Files.write(dir.resolve(SegmentLayout.indexFileName(1)), new byte[64]);
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL)) {
            assertArrayEquals(new long[] {0}, SegmentFiles.list(dir));
            assertTrue(QueueVerifier.verify(dir).ok(), QueueVerifier.verify(dir).problems().toString());
            try (QueueReader reader = queue.createReader(StartPosition.latest())) {
                assertEquals(0, reader.segmentIndex(), "latest is in the last published segment");
            }
            try (QueueWriter writer = queue.createWriter()) {
                // Recovery deleted the leftover; segment 1 is the new writer's own (segment 0 was left unsealed).
                assertEquals(1, writer.segmentIndex());
                QueueBasicsTest.appendRange(writer, 10, 15);
            }
            try (QueueReader reader = queue.createReader(StartPosition.earliest())) {
                QueueBasicsTest.assertRange(Records.drain(reader), 0, 15);
            }
        }
        assertTrue(QueueVerifier.verify(dir).ok());
    }

    @Test
    void shouldTreatAnEmptyOrZeroHeaderNewestFileAsNotThereYet() throws IOException {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            QueueBasicsTest.appendRange(writer, 0, 10);
            writer.roll();
            QueueBasicsTest.appendRange(writer, 10, 12);
        }
        Files.createFile(SegmentFiles.path(dir, 5)); // created, not yet allocated
        assertArrayEquals(new long[] {0, 1}, SegmentFiles.list(dir));
        assertArrayEquals(new long[] {0, 1, 5}, SegmentFiles.listFiles(dir));
        Files.write(SegmentFiles.path(dir, 3), new byte[SMALL.segmentSize()]); // a zeroed file that is not the newest
        assertArrayEquals(new long[] {0, 1, 3}, SegmentFiles.list(dir), "only the newest may be unpublished");
        assertFalse(QueueVerifier.verify(dir).ok(), "and the verifier reports the damaged one");
    }

    static Path awaitPrepared(Path dir, long index) throws InterruptedException {
        Path next = SegmentFiles.path(dir, index);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(dir.resolve(SegmentLayout.indexFileName(index))) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(Files.exists(next), "the helper thread prepared segment " + index);
        return next;
    }
}
