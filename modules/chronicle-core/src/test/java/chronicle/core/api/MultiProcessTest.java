package chronicle.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reader in another JVM sees every record in order while the writer rolls segments under it. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MultiProcessTest {

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryRecordInOrderToAReaderInAnotherProcessAcrossRolls() throws Exception {
        int count = 30_000;
        QueueOptions options = QueueOptions.hotIpc().withSegmentSize(64 * 1024);
        try (ChronicleQueue queue = ChronicleQueue.open(dir, options); QueueWriter writer = queue.createWriter()) {
            QueueBasicsTest.appendRange(writer, 0, 10); // the queue exists before the reader starts
            try (ChildJvm reader = ChildJvm.start(FollowingReaderMain.class, dir.toString(), String.valueOf(count))) {
                assertEquals("ready", reader.line(60, TimeUnit.SECONDS));
                for (long s = 10; s < count; s++) {
                    assertEquals(s, writer.append((int) (s % 5), Records.timestamp(s), Records.payload(s)));
                    if (s % 500 == 0) {
                        Thread.sleep(1); // let the reader catch up and park now and then
                    }
                }
                String result = reader.line(60, TimeUnit.SECONDS);
                assertNotNull(result, "reader finished");
                assertTrue(result.startsWith("ok " + count + " "), result);
                long segmentsCrossed = Long.parseLong(result.split(" ")[2]);
                assertTrue(segmentsCrossed >= 40, "the reader crossed the writer's rolls: " + result);
                assertEquals(0, reader.waitFor(30, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void shouldWakeAParkedReaderInAnotherProcessThroughTheFutex() throws Exception {
        int count = 21;
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(1 << 20));
             QueueWriter writer = queue.createWriter()) {
            try (ChildJvm reader = ChildJvm.start(FollowingReaderMain.class, dir.toString(), String.valueOf(count),
                    "latency")) {
                assertEquals("ready", reader.line(60, TimeUnit.SECONDS));
                byte[] payload = new byte[8];
                org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(payload);
                for (int i = 0; i < count; i++) {
                    Thread.sleep(30); // long enough for the reader to spin, yield and park on the futex
                    buffer.putLong(0, System.nanoTime());
                    writer.append(1, i, payload);
                }
                String result = reader.line(30, TimeUnit.SECONDS);
                assertNotNull(result);
                assertTrue(result.startsWith("ok " + count + " median-us "), result);
                long medianMicros = Long.parseLong(result.substring(result.lastIndexOf(' ') + 1));
                // Without a futex wake the reader would notice only at its 100 ms re-check.
                assertTrue(medianMicros < 50_000, "woken by the writer, not by the re-check: " + result);
            }
        }
    }
}
