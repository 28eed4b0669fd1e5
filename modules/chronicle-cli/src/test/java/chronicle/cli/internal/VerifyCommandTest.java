package chronicle.cli.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class VerifyCommandTest {

    @TempDir
    Path dir;

    /** 1500 records by two writers in turn: sealed segments, a recovery seal, an active segment. */
    private Path goodQueue() {
        Path q = JournalFixture.queue(dir.resolve("q"), 1000);
        try (ChronicleQueue queue = ChronicleQueue.open(q, JournalFixture.SMALL);
             QueueWriter writer = queue.createWriter()) {
            JournalFixture.append(writer, 1000, 1500);
        }
        return q;
    }

    private static void assertFailsWithOneLine(JournalFixture.Result r, String expectedError) {
        assertEquals(1, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("chronicle verify: " + expectedError), r.err());
        assertTrue(r.out().startsWith("FAILED: "), r.out());
    }

    @Test
    void shouldPassAGoodQueueWithASummary() {
        Path q = goodQueue();
        JournalFixture.Result r = run("verify", q.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().matches("(?s)OK: \\d+ segment\\(s\\), 1500 record\\(s\\), sequences 0\\.\\.1499, "
                + "\\d+ index entries\\R"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void shouldNameTheSegmentAndOffsetOfAFlippedPayloadByte() throws Exception {
        Path q = goodQueue();
        Path segment = JournalFixture.segment(q, 1);
        List<Long> records = JournalFixture.recordOffsets(segment);
        long offset = records.get(records.size() / 2);
        JournalFixture.flipByte(segment, offset + 24 + 1);
        assertFailsWithOneLine(run("verify", q.toString()), segment + " offset " + offset + ": CRC32C mismatch");
    }

    @Test
    void shouldFindAFlippedHeaderByteOfTheActiveSegment() throws Exception {
        Path q = JournalFixture.queue(dir.resolve("q"), 30); // one unsealed segment
        long offset = JournalFixture.recordOffsets(JournalFixture.segment(q, 0)).get(29);
        JournalFixture.flipByte(JournalFixture.segment(q, 0), offset + 9); // in the timestamp
        assertFailsWithOneLine(run("verify", q.toString()), JournalFixture.segment(q, 0) + " offset " + offset
                + ": CRC32C mismatch");
    }

    @Test
    void shouldNameTheIndexEntryThatPointsAtTheWrongRecord() throws Exception {
        Path q = goodQueue();
        Path index = JournalFixture.index(q, 0);
        long entry2 = 64 + 2 * 24; // names sequence 32 (an entry every 16 records)
        assertEquals(32, JournalFixture.readLong(index, entry2));
        long offset = JournalFixture.readLong(index, entry2 + 16);
        JournalFixture.writeLong(index, entry2 + 16, offset + 8 * 12); // inside another record
        assertFailsWithOneLine(run("verify", q.toString()), index + " offset " + entry2 + ": entry 2 puts sequence "
                + "32 at offset " + (offset + 96) + ", but that record is at offset " + offset);
    }

    @Test
    void shouldNameTheIndexEntryWhoseMaxTimestampWouldMisleadATimeSeek() throws Exception {
        Path q = goodQueue();
        Path index = JournalFixture.index(q, 0);
        long entry3 = 64 + 3 * 24;
        JournalFixture.writeLong(index, entry3 + 8, JournalFixture.timestamp(47) - 1); // record 48's max is ts(48)
        assertFailsWithOneLine(run("verify", q.toString()), index + " offset " + entry3 + ": entry 3 (sequence 48): "
                + "max timestamp");
    }

    @Test
    void shouldNameAnIndexEntryPastTheLastRecord() throws Exception {
        Path q = goodQueue();
        Path index = JournalFixture.index(q, 0);
        long last = (java.nio.file.Files.size(index) - 64) / 24 - 1;
        long entry = 64 + last * 24;
        JournalFixture.writeLong(index, entry, 100_000);
        assertFailsWithOneLine(run("verify", q.toString()), index + " offset " + entry + ": entry " + last
                + " names sequence 100000, after the segment's last record");
    }

    @Test
    void shouldNameIndexEntriesOutOfOrder() throws Exception {
        Path q = goodQueue();
        Path index = JournalFixture.index(q, 0);
        long entry1 = 64 + 24;
        JournalFixture.writeLong(index, entry1, 16 + 100_000);
        assertFailsWithOneLine(run("verify", q.toString()), index + " offset " + (entry1 + 24) + ": entry 2 names "
                + "sequence 32, not after the previous entry's 100016");
    }

    @Test
    void shouldCheckSealedHeadersAgainstTheRecords() throws Exception {
        Path q = goodQueue();
        Path segment = JournalFixture.segment(q, 0);
        long count = JournalFixture.readLong(segment, 48);
        JournalFixture.writeLong(segment, 48, count - 1);
        assertFailsWithOneLine(run("verify", q.toString()), segment + " offset 48: header says " + (count - 1)
                + " records, the segment holds " + count);
    }

    @Test
    void shouldFindBaseSequencesThatDoNotContinue() throws Exception {
        Path q = goodQueue();
        Path segment = JournalFixture.segment(q, 1);
        long base = JournalFixture.readLong(segment, 24);
        JournalFixture.writeLong(segment, 24, base + 1);
        assertFailsWithOneLine(run("verify", q.toString()), segment + " offset 24: base sequence " + (base + 1)
                + " does not continue the previous segment (expected " + base);
    }

    @Test
    void shouldReportABrokenSegmentHeaderAsAProblem() throws Exception {
        Path q = goodQueue();
        Path segment = JournalFixture.segment(q, 1);
        JournalFixture.writeInt(segment, 8, 99);
        assertFailsWithOneLine(run("verify", q.toString()), segment + " offset 0: segment format version 99 is not "
                + "supported");
    }
}
