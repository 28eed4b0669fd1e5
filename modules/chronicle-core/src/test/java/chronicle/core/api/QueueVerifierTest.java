package chronicle.core.api;

import chronicle.core.internal.journal.IndexLayout;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class QueueVerifierTest {

    @TempDir
    Path dir;

    /** 3000 records by three writers in turn. */
    private void write() {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueInspectorTest.SMALL)) {
            for (int round = 0; round < 3; round++) {
                try (QueueWriter writer = queue.createWriter()) {
                    QueueInspectorTest.append(writer, round * 1000L, round * 1000L + 1000);
                }
            }
        }
    }

    /** @return the offset of record {@code n} (0-based) of a segment. */
    private static int recordOffset(Path segment, int n) throws IOException {
        int at = SegmentLayout.HEADER_SIZE;
        for (int i = 0; i < n; i++) {
            at += SegmentLayout.aligned(readInt(segment, at));
        }
        return at;
    }

    private static int readInt(Path file, long offset) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.read(bytes, offset);
        }
        return bytes.getInt(0);
    }

    private static void write(Path file, long offset, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(bytes.rewind(), offset);
        }
    }

    private static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void shouldPassAQueueWrittenByWritersInTurn() {
        write();
        Verification v = QueueVerifier.verify(dir);
        assertTrue(v.ok(), v.problems().toString());
        assertEquals(SegmentFiles.list(dir).length, v.segments());
        assertEquals(3000, v.records());
        assertEquals(0, v.firstSequence());
        assertEquals(2999, v.lastSequence());
        assertTrue(v.indexEntries() >= 3000 / 16, "entries " + v.indexEntries());
        assertEquals(0, v.warnings().size(), v.warnings().toString());
    }

    @Test
    void shouldReportTheFirstCorruptRecordAndCarryOnWithTheNextSegment() throws Exception {
        write();
        Path segment = SegmentFiles.path(dir, 1);
        int offset = recordOffset(segment, 10);
        write(segment, offset + SegmentLayout.RECORD_HEADER, le(1).put(0, (byte) 0x5a));
        Verification v = QueueVerifier.verify(dir);
        assertEquals(1, v.problems().size(), v.problems().toString());
        Verification.Problem p = v.problems().getFirst();
        assertEquals(segment, p.file());
        assertEquals(offset, p.offset());
        assertTrue(p.reason().startsWith("CRC32C mismatch"), p.reason());
        assertEquals(segment + " offset " + offset + ": " + p.reason(), p.toLine());
        long inSegment1 = QueueInspector.inspect(dir).segments().get(1).records();
        assertEquals(3000 - inSegment1 + 10, v.records(), "all but the rest of segment 1 were walked");
    }

    @Test
    void shouldReportALengthWordTooLargeForAnyRecordWithoutThrowing() throws Exception {
        write();
        Path segment = SegmentFiles.path(dir, 0);
        int offset = recordOffset(segment, 3);
        write(segment, offset, le(4).putInt(0, Integer.MAX_VALUE - 6));
        Verification v = QueueVerifier.verify(dir);
        assertEquals(new Verification.Problem(segment, offset, "length 2147483641 does not fit the segment"),
                v.problems().getFirst());
    }

    @Test
    void shouldReportAMissingSegmentAndTheBaseThatNoLongerContinues() throws Exception {
        write();
        assertTrue(SegmentFiles.list(dir).length >= 4);
        Files.delete(SegmentFiles.path(dir, 2));
        Verification v = QueueVerifier.verify(dir);
        assertEquals(SegmentFiles.path(dir, 2), v.problems().getFirst().file());
        assertTrue(v.problems().getFirst().reason().startsWith("missing: segment files 2..2 are gone"),
                v.problems().getFirst().reason());
        assertEquals(1, v.problems().size(), "the next base is not compared across the hole: " + v.problems());
    }

    @Test
    void shouldReportSealedHeaderFieldsThatDisagreeWithTheRecords() throws Exception {
        write();
        Path segment = SegmentFiles.path(dir, 0);
        write(segment, SegmentLayout.MAX_TIMESTAMP_OFFSET, le(8).putLong(0, Records.timestamp(1)));
        Verification v = QueueVerifier.verify(dir);
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertEquals(SegmentLayout.MAX_TIMESTAMP_OFFSET, v.problems().getFirst().offset());
    }

    @Test
    void shouldReportIndexEntriesAfterTheSegmentsOwnProblems() throws Exception {
        write();
        Path segment = SegmentFiles.path(dir, 0);
        Path index = dir.resolve(SegmentLayout.indexFileName(0));
        int offset = recordOffset(segment, 40);
        write(segment, offset + SegmentLayout.R_CRC, le(4).putInt(0, 12345));
        write(index, IndexLayout.HEADER_SIZE + 16, le(8).putLong(0, 8)); // entry 0 points at record 0: now at 8
        Verification v = QueueVerifier.verify(dir);
        assertEquals(2, v.problems().size(), v.problems().toString());
        assertEquals(segment, v.problems().get(0).file(), "the bad record first");
        assertEquals(offset, v.problems().get(0).offset());
        assertEquals(index, v.problems().get(1).file());
        assertEquals(IndexLayout.HEADER_SIZE, v.problems().get(1).offset());
    }

    @Test
    void shouldWarnAboutAMissingIndexAndATornEntryButPass() throws Exception {
        write();
        Files.delete(dir.resolve(SegmentLayout.indexFileName(0)));
        Path index1 = dir.resolve(SegmentLayout.indexFileName(1));
        try (FileChannel channel = FileChannel.open(index1, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(10), channel.size());
        }
        Verification v = QueueVerifier.verify(dir);
        assertTrue(v.ok(), v.problems().toString());
        assertEquals(2, v.warnings().size(), v.warnings().toString());
        assertTrue(v.warnings().get(0).reason().startsWith("no seek index"), v.warnings().toString());
        assertTrue(v.warnings().get(1).reason().startsWith("torn last entry (10 bytes"), v.warnings().toString());
    }
}
