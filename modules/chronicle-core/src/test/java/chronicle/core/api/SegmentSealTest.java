package chronicle.core.api;

import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentHeader;
import chronicle.core.internal.journal.SegmentLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A roll writes the end-of-segment marker on the writer's thread and leaves the header's seal (record count, data
 * end, first and max timestamp, the SEALED flag) to the writer's helper thread; a writer that died in between has
 * its seal written by the next writer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SegmentSealTest {

    @TempDir
    Path dir;

    @Test
    void theHelperSealsTheEndedSegmentWithItsCountsAndTimes() throws Exception {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueBasicsTest.SMALL); QueueWriter writer = queue.createWriter()) {
            QueueBasicsTest.appendRange(writer, 0, 10);
            writer.roll();
            // Ended at once: listed as sealed by inspect, followed by readers.
            assertTrue(QueueInspector.inspect(dir).segments().getFirst().sealed(), "ended");
            SegmentHeader header = awaitSealed(SegmentFiles.path(dir, 0));
            assertSeal(header, 10, 0, 9);
            QueueBasicsTest.appendRange(writer, 10, 15);
            try (QueueReader reader = queue.createReader(StartPosition.earliest())) {
                QueueBasicsTest.assertRange(Records.drain(reader), 0, 15);
            }
        }
        Verification verification = QueueVerifier.verify(dir);
        assertTrue(verification.ok(), verification.problems().toString());
        assertTrue(verification.warnings().isEmpty(), verification.warnings().toString());
    }

    @Test
    void theNextWriterSealsWhatADeadWritersHelperHadNotYet() throws Exception {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueBasicsTest.SMALL)) {
            try (QueueWriter writer = queue.createWriter()) {
                QueueBasicsTest.appendRange(writer, 0, 10);
                writer.roll();
                QueueBasicsTest.appendRange(writer, 10, 12);
            }
            Path first = SegmentFiles.path(dir, 0);
            long dataEnd = SegmentHeader.read(first).dataEnd();
            unseal(first); // as if the writer died after the end marker, before its helper wrote the seal
            SegmentHeader unsealed = SegmentHeader.read(first);
            assertFalse(unsealed.sealed());

            Verification before = QueueVerifier.verify(dir);
            assertTrue(before.ok(), before.problems().toString());
            List<String> warnings = before.warnings().stream().map(Verification.Problem::toLine).toList();
            assertTrue(warnings.stream().anyMatch(w -> w.contains("seal is not written yet")), warnings.toString());
            assertTrue(QueueInspector.inspect(dir).segments().getFirst().sealed(), "ended, so listed as sealed");

            try (QueueWriter writer = queue.createWriter()) {
                assertEquals(12, writer.nextSequence());
                QueueBasicsTest.appendRange(writer, 12, 13);
            }
            SegmentHeader resealed = SegmentHeader.read(first);
            assertSeal(resealed, 10, 0, 9);
            assertEquals(dataEnd, resealed.dataEnd());
            try (QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
                QueueBasicsTest.assertRange(Records.drain(reader), 0, 13);
            }
        }
        Verification after = QueueVerifier.verify(dir);
        assertTrue(after.ok(), after.problems().toString());
        assertTrue(after.warnings().isEmpty(), after.warnings().toString());
    }

    private static void assertSeal(SegmentHeader header, long records, long firstSeq, long lastSeq) {
        assertTrue(header.sealed());
        assertEquals(records, header.recordCount());
        assertEquals(Records.timestamp(firstSeq), header.firstTimestamp());
        assertEquals(Records.timestamp(lastSeq), header.maxTimestamp());
        assertTrue(header.dataEnd() > SegmentLayout.HEADER_SIZE);
    }

    private static SegmentHeader awaitSealed(Path segment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        SegmentHeader header = SegmentHeader.read(segment);
        while (!header.sealed() && System.nanoTime() < deadline) {
            Thread.sleep(1);
            header = SegmentHeader.read(segment);
        }
        return header;
    }

    /** Zeroes a segment header's seal fields and flags, leaving the end-of-segment marker. */
    private static void unseal(Path segment) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0),
                    SegmentLayout.FLAGS_OFFSET);
            channel.write(ByteBuffer.allocate(32), SegmentLayout.RECORD_COUNT_OFFSET);
        }
    }
}
