package chronicle.core.api;

import chronicle.core.internal.journal.ReaderPositionFile;
import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentHeader;
import chronicle.core.internal.journal.SegmentLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class RecoveryAndRetentionTest {

    static final QueueOptions SMALL = QueueBasicsTest.SMALL;

    @TempDir
    Path dir;

    /** Offset of the record with the given sequence in the only segment, found by walking it. */
    private int offsetOf(Path segment, long sequence) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int at = SegmentLayout.HEADER_SIZE;
        for (long s = 0; s < sequence; s++) {
            at += SegmentLayout.aligned(bytes.getInt(at));
        }
        return at;
    }

    private void poke(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    @Test
    void shouldDiscardATornRecordZeroWhatFollowsAndContinueTheSequence() throws IOException {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL)) {
            try (QueueWriter writer = queue.createWriter()) {
                QueueBasicsTest.appendRange(writer, 0, 100);
            }
            Path segment = SegmentFiles.path(dir, 0);
            int torn = offsetOf(segment, 99);
            // A torn write: record 99's payload half lost, and garbage where the next record would go.
            poke(segment, torn + SegmentLayout.RECORD_HEADER + 2, new byte[] {0x55, 0x66});
            int after = torn + SegmentLayout.aligned(SegmentLayout.RECORD_HEADER + Records.payload(99).length);
            poke(segment, after, new byte[] {40, 0, 0, 0, 7, 7, 7, 7});
            poke(segment, 60_000, new byte[] {9, 9, 9, 9, 9, 9, 9, 9}); // a later page: zeroed by the file system
            try (QueueWriter writer = queue.createWriter()) {
                assertEquals(99, writer.nextSequence(), "the torn record's sequence is reused");
                assertEquals(99, writer.append(9, Records.timestamp(99), new byte[] {1, 2, 3}));
            }
            SegmentHeader sealed = SegmentHeader.read(segment);
            assertTrue(sealed.sealed(), "recovery sealed the dead writer's segment");
            assertEquals(99, sealed.recordCount());
            try (QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
                List<Records.Read> read = Records.drain(reader);
                assertEquals(100, read.size());
                QueueBasicsTest.assertRange(read.subList(0, 99), 0, 99);
                assertEquals(99, read.get(99).sequence());
                assertArrayEquals(new byte[] {1, 2, 3}, read.get(99).payload());
            }
            ByteBuffer tail = ByteBuffer.allocate(8);
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
                channel.read(tail, after + 8);
            }
            assertArrayEquals(new byte[8], tail.array(), "garbage after the tail was zeroed");
            ByteBuffer far = ByteBuffer.allocate(8);
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
                channel.read(far, 60_000);
            }
            assertArrayEquals(new byte[8], far.array(), "garbage pages later in the segment were zeroed too");
        }
    }

    @Test
    void shouldReportAnAbsurdLengthWordAsCorruptAndRecoverPastIt() throws IOException {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL)) {
            try (QueueWriter writer = queue.createWriter()) {
                QueueBasicsTest.appendRange(writer, 0, 10);
            }
            Path segment = SegmentFiles.path(dir, 0);
            int at = offsetOf(segment, 5);
            poke(segment, at, new byte[] {(byte) 0xFA, (byte) 0xFF, (byte) 0xFF, 0x7F}); // 0x7FFFFFFA: wraps if aligned in int
            try (QueueReader reader = queue.createReader(StartPosition.earliest()).verifyChecksums(true)) {
                Records.Collector collector = new Records.Collector();
                assertEquals(5, reader.poll(collector, 100));
                assertEquals(QueueReader.CORRUPT, reader.poll(collector, 100));
                assertTrue(reader.lastError().contains("offset " + at + ": length 2147483642 does not fit"),
                        reader.lastError());
            }
            try (QueueWriter writer = queue.createWriter()) {
                assertEquals(5, writer.nextSequence(), "recovery stops at the bad record instead of failing");
            }
        }
    }

    @Test
    void shouldWakeABlockedReaderWhenARecordArrives() throws Exception {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter();
             QueueReader reader = queue.createReader(StartPosition.latest())) {
            assertFalse(reader.await(50, TimeUnit.MILLISECONDS), "nothing to read yet");
            CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(() -> reader.await(20, TimeUnit.SECONDS));
            Thread.sleep(100);
            writer.append(1, 1, new byte[] {42});
            assertTrue(woke.get(20, TimeUnit.SECONDS));
            assertEquals(1, Records.drain(reader).size());
        }
    }

    @Test
    void shouldRollAtUtcMidnightWhenAsked() {
        long day = 86_400_000_000_000L;
        long midnight = 20_000 * day;
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL.withRollDaily(true));
             QueueWriter writer = queue.createWriter()) {
            writer.append(1, midnight - 2_000, new byte[8]);
            writer.append(1, midnight - 1_000, new byte[8]);
            assertEquals(0, writer.segmentIndex());
            writer.append(1, midnight, new byte[8]);
            assertEquals(1, writer.segmentIndex(), "new day, new segment");
            writer.append(1, midnight + day - 1, new byte[8]);
            assertEquals(1, writer.segmentIndex());
        }
    }

    @Test
    void shouldDeleteOldSegmentsAndTheirIndexesButNeverPastALiveReader() throws IOException, InterruptedException {
        QueueOptions options = SMALL.withRetention(RetentionPolicy.keepSegments(3));
        try (ChronicleQueue queue = ChronicleQueue.open(dir, options); QueueWriter writer = queue.createWriter()) {
            QueueReader reader = queue.createNamedReader("slow", StartPosition.earliest());
            reader.commit(); // registered at segment 0
            QueueBasicsTest.appendRange(writer, 0, 3000);
            queue.applyRetention(); // the writer also applies it after each roll, on its helper thread
            assertEquals(0, SegmentFiles.list(dir)[0], "the live reader's segment is kept");
            assertTrue(SegmentFiles.list(dir).length > 3);
            Records.drain(reader);
            reader.commit(); // now at the tail
            reader.close();
            writer.roll();
            queue.applyRetention();
            long[] left = SegmentFiles.list(dir);
            assertEquals(3, left.length, "down to the policy once the reader moved on");
            PreparedSegmentTest.awaitPrepared(dir, left[2] + 1);
            try (var files = Files.list(dir)) {
                // The helper thread has prepared the next segment (unpublished) with its index.
                assertEquals(List.of(left[0], left[1], left[2], left[2] + 1),
                        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".idx"))
                                .map(n -> Long.parseLong(n.substring(0, 9))).sorted().toList(),
                        "index files deleted with their segments");
            }
            try (QueueReader late = queue.createReader(StartPosition.earliest())) {
                assertEquals(left[0], late.segmentIndex());
            }
        }
    }

    @Test
    void shouldStopProtectingDeadAndReleasedLaggingReaders() {
        RetentionPolicy policy = RetentionPolicy.keepSegments(2).withDeadReaderTimeout(Duration.ofSeconds(1));
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL.withRetention(policy));
             QueueWriter writer = queue.createWriter()) {
            try (ReaderPositionFile ghost = ReaderPositionFile.open(dir, "ghost")) {
                ghost.write(0, SegmentLayout.HEADER_SIZE, 0, System.currentTimeMillis() - 60_000, 999_999_999L);
            }
            QueueBasicsTest.appendRange(writer, 0, 2000);
            queue.applyRetention();
            assertEquals(2, SegmentFiles.list(dir).length, "a dead reader protects nothing");
        }
    }

    @Test
    void shouldReleaseALaggingReaderOnlyUnderTheReleasePolicy() {
        for (RetentionPolicy.LaggingReaders lagging : RetentionPolicy.LaggingReaders.values()) {
            Path queueDir = dir.resolve(lagging.name());
            RetentionPolicy policy = RetentionPolicy.keepSegments(2).withLaggingReaders(3, lagging);
            try (ChronicleQueue queue = ChronicleQueue.open(queueDir, SMALL.withRetention(policy));
                 QueueWriter writer = queue.createWriter();
                 QueueReader reader = queue.createNamedReader("laggard", StartPosition.earliest())) {
                reader.commit();
                QueueBasicsTest.appendRange(writer, 0, 5000); // about 10 segments: lag well over 3
                queue.applyRetention();
                long first = SegmentFiles.list(queueDir)[0];
                if (lagging == RetentionPolicy.LaggingReaders.PROTECT) {
                    assertEquals(0, first, "PROTECT keeps the laggard's segments");
                } else {
                    assertTrue(first > 0, "RELEASE lets them go");
                    assertEquals(2, SegmentFiles.list(queueDir).length);
                }
            }
        }
    }

    @Test
    void shouldSurviveATornWriteOfTheReaderPositionFile() throws IOException {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, SMALL); QueueWriter writer = queue.createWriter()) {
            QueueBasicsTest.appendRange(writer, 0, 100);
            try (QueueReader reader = queue.createNamedReader("r", StartPosition.earliest())) {
                reader.poll(new Records.Collector(), 40);
                reader.commit(); // generation 1 -> slot 1
                reader.poll(new Records.Collector(), 10);
                reader.commit(); // generation 2 -> slot 0
            }
            // Tear the newest slot (slot 0) as a crash in the middle of the write would.
            poke(dir.resolve("readers/r.pos"), 16, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            try (QueueReader reader = queue.createNamedReader("r", StartPosition.lastCommitted())) {
                assertEquals(40, reader.nextSequence(), "the older, intact slot is used");
            }
        }
    }
}
