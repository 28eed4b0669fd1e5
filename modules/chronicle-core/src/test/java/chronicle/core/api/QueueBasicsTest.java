package chronicle.core.api;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class QueueBasicsTest {

    static final QueueOptions SMALL = QueueOptions.hotIpc().withSegmentSize(64 * 1024)
            .withIndex(new IndexPolicy(16, 1, 0));

    @TempDir
    Path dir;

    static void appendRange(QueueWriter writer, long from, long to) {
        for (long s = from; s < to; s++) {
            assertEquals(s, writer.append((int) (s % 5), Records.timestamp(s), Records.payload(s)));
        }
    }

    static void assertRange(List<Records.Read> read, long from, long to) {
        assertEquals(to - from, read.size(), "record count");
        for (int i = 0; i < read.size(); i++) {
            long s = from + i;
            Records.Read r = read.get(i);
            assertEquals(s, r.sequence());
            assertEquals((int) (s % 5), r.type());
            assertEquals(Records.timestamp(s), r.timestamp());
            assertArrayEquals(Records.payload(s), r.payload(), "payload of " + s);
        }
    }

    @Test
    void shouldReadBackEveryRecordAcrossSegmentRolls() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL);
             QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
            appendRange(writer, 0, 3000);
            assertTrue(writer.segmentIndex() >= 5, "rolled: " + writer.segmentIndex());
            assertRange(Records.drain(reader), 0, 3000);
            appendRange(writer, 3000, 3100);
            assertRange(Records.drain(reader), 3000, 3100);
        }
    }

    @Test
    void shouldAppendFromBuffersAndInPlace() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL);
             QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            assertEquals(0, writer.append(1, 10, new UnsafeBuffer(new byte[] {9, 1, 2, 3}), 1, 3));
            assertEquals(1, writer.append(2, 20, ByteBuffer.wrap(new byte[] {4, 5})));
            assertEquals(0, writer.claim(100, 30));
            assertEquals(QueueWriter.CLAIM_STATE, writer.append(3, 30, new byte[1]), "claim open");
            writer.claimBuffer().putLong(0, 0x0102030405060708L);
            assertEquals(2, writer.commit(3, 30, 8));
            assertEquals(3, writer.append(4, 40, new byte[0]));
            assertEquals(QueueWriter.CLAIM_STATE, writer.commit(3, 30, 1), "commit without claim");
            assertEquals(QueueWriter.MESSAGE_TOO_LARGE, writer.append(5, 50, new byte[64 * 1024]));
            List<Records.Read> read = Records.drain(reader);
            assertEquals(4, read.size());
            assertArrayEquals(new byte[] {1, 2, 3}, read.get(0).payload());
            assertArrayEquals(new byte[] {4, 5}, read.get(1).payload());
            assertEquals(0x0102030405060708L, new UnsafeBuffer(read.get(2).payload()).getLong(0));
            assertEquals(0, read.get(3).payload().length);
        }
    }

    @Test
    void shouldAppendACopyWithOneFieldStampedAndItsChecksumOverTheStampedBytes() {
        byte[] source = new byte[24];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) (i + 1);
        }
        UnsafeBuffer from = new UnsafeBuffer(new byte[32]);
        from.putBytes(4, source);
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL);
             QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
            assertEquals(0, writer.appendStamped(7, 70, from, 4, 24, 8, 0x1122334455667788L));
            assertEquals(1, writer.appendStamped(7, 71, from, 4, 8, 0, -1L), "the field may fill the payload");
            assertThrows(IllegalArgumentException.class, () -> writer.appendStamped(7, 72, from, 4, 24, 17, 0L));
            assertThrows(IllegalArgumentException.class, () -> writer.appendStamped(7, 72, from, 4, 24, -1, 0L));
            assertEquals(2, writer.append(8, 80, new byte[] {1}), "nothing reserved by a refused stamp");
            List<Records.Read> read = Records.drain(reader);
            assertEquals(3, read.size());
            UnsafeBuffer first = new UnsafeBuffer(read.get(0).payload());
            assertEquals(24, first.capacity());
            assertEquals(0x1122334455667788L, first.getLong(8));
            for (int i : new int[] {0, 7, 16, 23}) {
                assertEquals(source[i], first.getByte(i), "byte " + i + " copied as it was");
            }
            assertEquals(from.getLong(12), new UnsafeBuffer(source).getLong(8), "the source is left as it was");
            assertEquals(-1L, new UnsafeBuffer(read.get(1).payload()).getLong(0));
            assertEquals(7, read.get(0).type());
            assertEquals(70, read.get(0).timestamp());
        }
    }

    /**
     * A claim committed shorter than what was written into it: the bytes past the committed length lie where the
     * next record's length word goes, and a reader that has the committed record looks there next.
     */
    @Test
    void shouldShowNothingPastAClaimCommittedShorterThanWritten() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL);
             QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            assertEquals(0, writer.claim(100, 10));
            for (int i = 0; i < 100; i++) {
                writer.claimBuffer().putByte(i, (byte) 0x41);
            }
            assertEquals(0, writer.commit(1, 10, 8));
            List<Records.Read> read = Records.drain(reader);
            assertEquals(1, read.size(), "only the committed record, not the claim's leftover bytes");
            assertEquals(8, read.getFirst().payload().length);
            assertEquals(1, writer.append(2, 20, new byte[] {7}));
            assertEquals(List.of(1L), Records.drain(reader).stream().map(Records.Read::sequence).toList());
        }
    }

    @Test
    void shouldContinueSequenceAcrossWriterRestarts() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL)) {
            for (int round = 0; round < 3; round++) {
                try (QueueWriter writer = queue.createWriter()) {
                    assertEquals(round * 100L, writer.nextSequence());
                    appendRange(writer, round * 100L, round * 100L + 100);
                }
            }
            try (QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
                assertRange(Records.drain(reader), 0, 300);
            }
        }
    }

    @Test
    void shouldStartAnEmptyQueueAtAChosenSequenceAndKeepIt() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL)) {
            try (QueueWriter writer = queue.createWriter()) {
                writer.startSequenceAt(1_000);
                appendRange(writer, 1_000, 2_500); // rolls: later segments continue from the chosen base
            }
            try (QueueWriter writer = queue.createWriter()) {
                assertEquals(2_500, writer.nextSequence());
                assertThrows(QueueException.class, () -> writer.startSequenceAt(0), "not empty any more");
            }
            try (QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
                assertRange(Records.drain(reader), 1_000, 2_500);
            }
            try (QueueReader reader = queue.createReader(StartPosition.sequence(1_700))) {
                assertEquals(1_700, Records.drain(reader).getFirst().sequence());
            }
        }
    }

    @Test
    void shouldRefuseASecondWriter() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            QueueException e = assertThrows(QueueException.class, queue::createWriter);
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            assertTrue(writer.nextSequence() >= 0);
        }
    }

    @Test
    void shouldSeekBySequenceAndTimestampAcrossSegments() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            appendRange(writer, 0, 2000);
            for (long target : new long[] {0, 1, 15, 16, 17, 999, 1500, 1999}) {
                try (QueueReader reader = queue.createReader(StartPosition.sequence(target))) {
                    assertEquals(target, reader.nextSequence());
                    assertEquals(target, Records.drain(reader).getFirst().sequence());
                }
                try (QueueReader reader = queue.createReader(StartPosition.timestamp(Records.timestamp(target) - 1))) {
                    assertEquals(target, Records.drain(reader).getFirst().sequence(), "time seek to " + target);
                }
            }
            try (QueueReader reader = queue.createReader(StartPosition.sequence(5000))) {
                assertEquals(2000, reader.nextSequence(), "past the tail: at the tail");
            }
            try (QueueReader latest = queue.createReader(StartPosition.latest())) {
                assertEquals(2000, latest.nextSequence());
                assertTrue(Records.drain(latest).isEmpty());
                appendRange(writer, 2000, 2001);
                assertRange(Records.drain(latest), 2000, 2001);
            }
        }
    }

    @Test
    void shouldSeekOneReaderBackAndForthAcrossManySegments() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            appendRange(writer, 0, 12_000); // about 20 segments: more than a reader keeps mapped
            java.util.Random random = new java.util.Random(5);
            try (QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
                for (int i = 0; i < 500; i++) {
                    long target = random.nextInt(12_000);
                    boolean byTime = random.nextBoolean();
                    assertTrue(reader.seek(byTime ? StartPosition.timestamp(Records.timestamp(target))
                            : StartPosition.sequence(target)), "found " + target);
                    Records.Collector one = new Records.Collector();
                    assertEquals(1, reader.poll(one, 1));
                    assertEquals(target, one.records.getFirst().sequence(), (byTime ? "time" : "sequence") + " seek");
                }
                assertFalse(reader.seek(StartPosition.sequence(12_000)), "past the tail");
                appendRange(writer, 12_000, 12_001);
                assertRange(Records.drain(reader), 12_000, 12_001);
            }
        }
    }

    @Test
    void shouldResumeNamedReaderFromLastCommit() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            appendRange(writer, 0, 500);
            try (QueueReader reader = queue.createNamedReader("strategy", StartPosition.lastCommitted())) {
                Records.Collector some = new Records.Collector();
                assertEquals(321, reader.poll(some, 321));
                reader.commit();
            }
            try (QueueReader reader = queue.createNamedReader("strategy", StartPosition.lastCommitted())) {
                assertEquals(321, reader.nextSequence());
                assertRange(Records.drain(reader), 321, 500);
            }
            assertTrue(queue.removeReader("strategy"));
            assertThrows(QueueException.class, () -> queue.createNamedReader("../evil", StartPosition.earliest()));
        }
    }

    @Test
    void shouldRejectADirectoryThatIsNotAQueue() throws Exception {
        Files.writeString(dir.resolve("file.txt"), "hello");
        QueueException e = assertThrows(QueueException.class, () -> ChronicleQueue.openExisting(dir));
        assertTrue(e.getMessage().contains("not a Chronicle queue"), e.getMessage());
        assertFalse(ChronicleQueue.isQueue(dir));
    }
}
