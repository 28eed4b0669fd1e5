package chronicle.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static chronicle.core.api.QueueBasicsTest.appendRange;
import static chronicle.core.api.QueueBasicsTest.assertRange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bulk writer with a staging buffer: readers see batches when they are published, whole and in order. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StagedWritesTest {

    private static final QueueOptions STAGED = QueueBasicsTest.SMALL.withStagingBytes(4096);

    @TempDir
    Path dir;

    @Test
    void readersShouldSeeStagedRecordsOnlyOnceTheyAreFlushed() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, STAGED);
             QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
            appendRange(writer, 0, 5); // a few hundred bytes: all staged
            assertEquals(5, writer.nextSequence());
            assertEquals(List.of(), Records.drain(reader), "nothing published before the flush");
            writer.flush();
            assertRange(Records.drain(reader), 0, 5);
            writer.flush(); // nothing staged: nothing happens
            assertEquals(List.of(), Records.drain(reader));
        }
    }

    @Test
    void fullStagesRollsAndCloseShouldPublishEveryRecordInOrder() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, STAGED)) {
            try (QueueWriter writer = queue.createWriter()) {
                appendRange(writer, 0, 3000); // many stages and segments of 64 KiB
                assertTrue(writer.segmentIndex() >= 5, "rolled: " + writer.segmentIndex());
            } // close publishes the last stage
            try (QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
                assertRange(Records.drain(reader), 0, 3000);
            }
            try (QueueWriter writer = queue.createWriter()) {
                assertEquals(3000, writer.nextSequence(), "the next writer continues the sequence");
                appendRange(writer, 3000, 3100);
                writer.finish();
            }
            try (QueueReader reader = queue.createReader(StartPosition.sequence(2500)).verifyChecksums(true)) {
                assertRange(Records.drain(reader), 2500, 3100); // found through the seek index
            }
        }
    }

    @Test
    void aMegabyteWrittenShouldBePublishedWithoutAFlush() {
        QueueOptions bigSegments = STAGED.withSegmentSize(8 << 20);
        byte[] payload = new byte[1000];
        try (ChronicleQueue queue = ChronicleQueue.open(dir, bigSegments);
             QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
            for (int i = 0; i < 2000; i++) { // about 2 MB
                writer.append(1, i, payload);
            }
            int seen = Records.drain(reader).size();
            assertTrue(seen >= 1000 && seen < 2000, "published every megabyte, the rest still staged: " + seen);
            writer.flush();
            assertEquals(2000 - seen, Records.drain(reader).size());
        }
    }

    @Test
    void indexEntriesOfUnpublishedRecordsShouldBeKeptUntilTheyArePublished() {
        QueueOptions everyRecordIndexed = STAGED.withSegmentSize(8 << 20).withIndex(new IndexPolicy(1, 1, 0));
        try (ChronicleQueue queue = ChronicleQueue.open(dir, everyRecordIndexed);
             QueueWriter writer = queue.createWriter()) {
            appendRange(writer, 0, 300); // more entries than are kept: the first ones are published early
            try (QueueReader reader = queue.createReader(StartPosition.earliest())) {
                int seen = Records.drain(reader).size();
                assertTrue(seen >= 256 && seen < 300, "published when the kept entries ran out: " + seen);
                try (QueueReader seek = queue.createReader(StartPosition.sequence(seen - 1)).verifyChecksums(true)) {
                    assertRange(Records.drain(seek), seen - 1, seen); // the last published entry leads to the tail
                }
            }
            writer.flush();
            try (QueueReader seek = queue.createReader(StartPosition.sequence(299)).verifyChecksums(true)) {
                assertRange(Records.drain(seek), 299, 300);
            }
        }
    }

    @Test
    void claimsAndRecordsLargerThanTheStageShouldGoInPlaceAfterWhatIsStaged() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, STAGED);
             QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
            assertEquals(0, writer.append(1, 10, new byte[] {1}));
            assertEquals(0, writer.claim(16, 20)); // publishes the staged record first
            writer.claimBuffer().putLong(0, 42L);
            assertEquals(1, writer.commit(2, 20, 8));
            assertEquals(2, writer.append(3, 30, new byte[] {3}));
            byte[] large = new byte[10_000];
            large[9_999] = 7;
            assertEquals(3, writer.append(4, 40, large)); // larger than the stage: in place, after record 2
            assertEquals(4, writer.append(5, 50, new byte[] {5}));
            writer.flush();
            List<Records.Read> read = Records.drain(reader);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), read.stream().map(Records.Read::sequence).toList());
            assertEquals(List.of(1, 2, 3, 4, 5), read.stream().map(Records.Read::type).toList());
            assertEquals(7, read.get(3).payload()[9_999]);
        }
    }

    @Test
    void aStagingBufferOutsideItsBoundsShouldBeRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QueueOptions.archive().withStagingBytes(100));
        assertTrue(e.getMessage().startsWith("stagingBytes 100 must be 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QueueOptions.archive().withStagingBytes(4097));
        assertTrue(QueueOptions.archive().withStagingBytes(4096).stagesWrites());
        assertTrue(!QueueOptions.archive().withStagingBytes(4096).withDurability(Durability.SYNC_EVERY_APPEND)
                .stagesWrites(), "every append synced: nothing staged");
    }
}
