package chronicle.core.api;

import chronicle.core.internal.journal.Crc;
import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Segment recycling: the writer's helper reuses the file of a segment retention lets go as a later segment, never
 * one a reader has mapped, and never so that an old record can pass for a new one.
 */
@Timeout(60)
class SegmentRecyclingTest {

    static final QueueOptions KEEP_TWO = QueueBasicsTest.SMALL.withRetention(RetentionPolicy.keepSegments(2));
    /** Records put in a segment before an explicit roll (743 of these fit in 64 KiB); fixed-size records, so every
     *  segment holds the same offsets. */
    static final int PER_SEGMENT = 500;
    static final byte[] PAYLOAD = new byte[64];

    @TempDir
    Path dir;

    @Test
    void shouldReuseTheFilesOfSegmentsRetentionLetsGoAndKeepEveryRetainedRecordWhole() throws Exception {
        boolean reused = false;
        try (ChronicleQueue queue = ChronicleQueue.open(dir, KEEP_TWO); QueueWriter writer = queue.createWriter()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!reused && System.nanoTime() < deadline) {
                fillSegment(writer); // a roll, then retention on the helper
                PreparedSegmentTest.awaitPrepared(dir, writer.segmentIndex() + 1);
                Thread.sleep(20);
                // The writer has just rolled into this segment and written nothing yet: a new file is all zeros
                // past its header, a reused one still holds an old segment's records past its first page.
                reused = !isZero(read(SegmentFiles.path(dir, writer.segmentIndex()), 8192, 4096));
            }
            assertTrue(reused, "the active segment's file is one retention let go");
            fillSegment(writer);
            appendFixed(writer, PER_SEGMENT);
            long next = writer.nextSequence();
            try (QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
                List<Records.Read> read = Records.drain(reader);
                assertFalse(read.isEmpty());
                for (int i = 0; i < read.size(); i++) {
                    assertEquals(read.getFirst().sequence() + i, read.get(i).sequence(), "contiguous");
                }
                assertEquals(next, read.getLast().sequence() + 1, "read to the tail, nothing stale past it");
            }
        }
        Verification verification = QueueVerifier.verify(dir);
        assertTrue(verification.ok(), verification.problems().toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".spare"))
                    .toList(), "the writer's close deletes its spare");
        }
    }

    @Test
    void shouldDeleteRatherThanReuseASegmentAReaderHasMapped() throws Exception {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, KEEP_TWO); QueueWriter writer = queue.createWriter()) {
            appendFixed(writer, 10);
            Object firstFile = inode(SegmentFiles.path(dir, 0));
            try (QueueReader reader = queue.createReader(StartPosition.earliest())) {
                assertEquals(1, reader.poll((type, sequence, timestamp, buffer, offset, length) -> { }, 1));
                // The reader has segment 0 mapped (and so holds its shared lock) while it goes.
                for (int roll = 0; roll < 8; roll++) {
                    fillSegment(writer);
                    PreparedSegmentTest.awaitPrepared(dir, writer.segmentIndex() + 1);
                    Thread.sleep(20);
                }
                assertFalse(Files.exists(SegmentFiles.path(dir, 0)), "retention let segment 0 go");
                for (long s : SegmentFiles.listFiles(dir)) {
                    assertNotEquals(firstFile, inode(SegmentFiles.path(dir, s)), "segment 0's file reused as " + s);
                }
                long[] seen = {1};
                reader.poll((type, sequence, timestamp, buffer, offset, length) -> {
                    if (sequence < 10) {
                        assertEquals(seen[0]++, sequence, "the mapped segment still reads as it was");
                    }
                }, 9);
                assertEquals(10, seen[0]);
            }
        }
    }

    /**
     * A power loss can leave an old record on the device where a recycled segment's zeros had not been written
     * back yet: at the same offset, with the same sequence delta (fixed-size records) and a checksum that matched
     * in its old segment. Recovery must end the new segment before it.
     */
    @Test
    void shouldNotTakeAnOldSegmentsRecordLeftInAReusedFileForANewOne() throws IOException {
        QueueOptions keepAll = QueueBasicsTest.SMALL;
        try (ChronicleQueue queue = ChronicleQueue.open(dir, keepAll); QueueWriter writer = queue.createWriter()) {
            fillSegment(writer); // segment 0
            appendFixed(writer, 100); // segment 1: 100 records
        }
        Path old = SegmentFiles.path(dir, 0);
        Path reused = SegmentFiles.path(dir, 1);
        int tail = offsetAfter(reused, 100);
        byte[] stale = new byte[8192];
        try (FileChannel from = FileChannel.open(old, StandardOpenOption.READ);
             FileChannel to = FileChannel.open(reused, StandardOpenOption.WRITE)) {
            from.read(ByteBuffer.wrap(stale), tail);
            to.write(ByteBuffer.wrap(stale), tail); // segment 0's records 100.. at the same offsets
        }
        ByteBuffer staleRecord = ByteBuffer.wrap(stale).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(100, staleRecord.getInt(SegmentLayout.R_SEQ_DELTA), "the old record has the delta expected next");
        try (ChronicleQueue queue = ChronicleQueue.open(dir, keepAll); QueueWriter writer = queue.createWriter()) {
            assertEquals(PER_SEGMENT + 100, writer.nextSequence(), "the old records are not taken for new ones");
        }
        assertTrue(isZero(read(reused, tail + 8, 64)), "what followed the tail (and its end marker) is zeroed");
    }

    @Test
    void shouldSaltEachSegmentsChecksumsWithItsNumber() {
        Crc zero = new Crc();
        Crc one = new Crc();
        one.salt(SegmentLayout.crcSalt(1, SegmentLayout.VERSION));
        ByteBuffer record = ByteBuffer.allocate(64);
        assertNotEquals(zero.of(record, 0, 64), one.of(record, 0, 64));
        assertEquals(0, SegmentLayout.crcSalt(7, SegmentLayout.VERSION_UNSALTED), "version 1 has no salt");
    }

    @Test
    void shouldDropANewestFileWhoseHeaderIsAnotherSegmentsAndNameTheMismatch() throws IOException {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueBasicsTest.SMALL);
             QueueWriter writer = queue.createWriter()) {
            fillSegment(writer);
            appendFixed(writer, 10);
        }
        // The newest file holds segment 0's header: a reused file whose new header never reached the device.
        Path newest = SegmentFiles.path(dir, 1);
        byte[] oldHeader = new byte[SegmentLayout.HEADER_SIZE];
        try (FileChannel from = FileChannel.open(SegmentFiles.path(dir, 0), StandardOpenOption.READ);
             FileChannel to = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            from.read(ByteBuffer.wrap(oldHeader), 0);
            to.write(ByteBuffer.wrap(oldHeader), 0);
        }
        assertFalse(SegmentFiles.isPublished(newest));
        QueueException rejected = assertThrows(QueueException.class,
                () -> chronicle.core.internal.journal.SegmentHeader.read(newest));
        assertTrue(rejected.getMessage().contains("its header is segment 0's"), rejected.getMessage());
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueBasicsTest.SMALL);
             QueueWriter writer = queue.createWriter()) {
            assertEquals(PER_SEGMENT, writer.nextSequence(), "the queue continues after segment 0");
        }
    }

    @Test
    void shouldDeleteASpareLeftByACrashWhenTheNextWriterOpens() throws IOException {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, KEEP_TWO)) {
            queue.createWriter().close();
            Path spare = dir.resolve("000000007.q.spare");
            Files.write(spare, new byte[4096]);
            queue.createWriter().close();
            assertFalse(Files.exists(spare));
        }
    }

    private static void fillSegment(QueueWriter writer) {
        appendFixed(writer, PER_SEGMENT);
        writer.roll();
    }

    private static void appendFixed(QueueWriter writer, int records) {
        for (int i = 0; i < records; i++) {
            long seq = writer.append(1, 1_000L + writer.nextSequence(), PAYLOAD);
            assertTrue(seq >= 0, "append status " + seq);
        }
    }

    private static int offsetAfter(Path segment, int records) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        int at = SegmentLayout.HEADER_SIZE;
        for (int i = 0; i < records; i++) {
            at += SegmentLayout.aligned(bytes.getInt(at));
        }
        return at;
    }

    private static byte[] read(Path file, long offset, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.read(bytes, offset);
        }
        return bytes.array();
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino");
    }
}
