package chronicle.core.api;

import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentHeader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM appends continuously and is killed with SIGKILL at random moments (during start-up and recovery,
 * mid-record, mid-roll). After each kill every record is readable with a valid CRC, sequences are contiguous, and
 * the next writer continues the sequence exactly where the readable records end.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shouldKeepEveryRecordAndContinueTheSequenceAfter50Kills() throws Exception {
        killRepeatedly(50, 1);
    }

    @Test
    @Tag("soak")
    @Timeout(value = 4, unit = TimeUnit.HOURS)
    void soakShouldSurviveAThousandKills() throws Exception {
        killRepeatedly(1000, 2);
    }

    private void killRepeatedly(int kills, long seed) throws Exception {
        Random random = new Random(seed);
        long verified = 0;
        int sawReady = 0;
        for (int kill = 0; kill < kills; kill++) {
            try (ChildJvm child = ChildJvm.start(CrashingWriterMain.class, dir.toString(), String.valueOf(64 * 1024))) {
                // Mostly kill while appending; sometimes during start-up or recovery.
                boolean early = random.nextInt(8) == 0;
                if (!early) {
                    String ready = child.line(60, TimeUnit.SECONDS);
                    assertNotNull(ready, "child never became ready");
                    assertEquals("ready " + verified, ready, "restarted writer continues the sequence");
                    sawReady++;
                }
                Thread.sleep(early ? random.nextInt(400) : 5 + random.nextInt(150));
                child.kill();
            }
            verified = verifyFrom(verified);
        }
        assertTrue(sawReady > kills / 2, "most children got as far as appending");
        assertTrue(verified > kills * 100L, "records were written: " + verified);
        // A last full pass from the first record.
        assertEquals(verified, verifyFrom(0));
        // Every segment but the newest two was ended (its end marker written) by a roll or by recovery (a kill
        // between publishing the next segment and ending this one leaves the second newest open); the header's
        // seal may still be missing where the killed writer's helper had not got to it yet.
        List<QueueInfo.Segment> listed = QueueInspector.inspect(dir).segments();
        for (int i = 0; i < listed.size() - 2; i++) {
            assertTrue(listed.get(i).sealed(), listed.get(i).file() + " ended");
        }
        // The next writer writes the missing seals: then every header but the newest is sealed.
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(64 * 1024))) {
            queue.createWriter().close();
        }
        long[] segments = SegmentFiles.list(dir);
        for (int i = 0; i < segments.length - 1; i++) {
            SegmentHeader header = SegmentHeader.read(SegmentFiles.path(dir, segments[i]));
            assertTrue(header.sealed(), "segment " + segments[i] + " sealed");
        }
    }

    /** Reads from {@code from} to the tail with CRC checks; returns the next sequence. */
    private long verifyFrom(long from) {
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(64 * 1024));
             QueueReader reader = queue.createReader(StartPosition.sequence(from)).verifyChecksums(true)) {
            assertEquals(QueueReader.WriterState.DEAD == reader.writerState() || from == 0
                    || reader.writerState() == QueueReader.WriterState.NONE, true);
            List<Records.Read> read = Records.drain(reader);
            for (int i = 0; i < read.size(); i++) {
                Records.Read r = read.get(i);
                long expected = from + i;
                assertEquals(expected, r.sequence(), "contiguous sequence");
                assertEquals(Records.timestamp(expected), r.timestamp());
                assertEquals(Records.payload(expected).length, r.payload().length, "length of " + expected);
                assertTrue(java.util.Arrays.equals(Records.payload(expected), r.payload()), "payload of " + expected);
            }
            return from + read.size();
        }
    }
}
