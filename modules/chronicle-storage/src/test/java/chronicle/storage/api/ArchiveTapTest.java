package chronicle.storage.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RetentionPolicy;
import chronicle.core.api.StartPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ArchiveTapTest {

    static final QueueOptions SMALL = QueueOptions.hotIpc().withSegmentSize(64 * 1024);
    static final QueueOptions SMALL_ARCHIVE = QueueOptions.archive().withSegmentSize(64 * 1024);

    @TempDir
    Path dir;

    record Rec(int type, long seq, long ts, byte[] payload) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Rec r && r.type == type && r.seq == seq && r.ts == ts && Arrays.equals(r.payload, payload);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seq);
        }
    }

    static byte[] payload(long seq) {
        byte[] bytes = new byte[(int) (seq % 97)];
        Arrays.fill(bytes, (byte) seq);
        return bytes;
    }

    static void append(QueueWriter writer, long from, long to) {
        for (long s = from; s < to; s++) {
            assertEquals(s, writer.append((int) (s % 7), s * 1000, payload(s)));
        }
    }

    static List<Rec> readAll(Path queue) {
        List<Rec> out = new ArrayList<>();
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader r = q.createReader(StartPosition.earliest()).verifyChecksums(true)) {
            while (r.poll((type, seq, ts, buffer, offset, length) -> {
                byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                out.add(new Rec(type, seq, ts, bytes));
            }, 1000) > 0) {
                // drain
            }
        }
        return out;
    }

    private ArchiveTap tap(ArchiveTap.Start start) {
        return new ArchiveTap(dir.resolve("live"), dir.resolve("archive"), start, SMALL_ARCHIVE,
                ArchiveTap.DEFAULT_READER, null);
    }

    private static void drain(ArchiveTap tap) {
        while (tap.poll(1000) > 0) {
            // copy everything available
        }
    }

    @Test
    void shouldMirrorTheLiveQueueInOrderWithItsSequencesAcrossRestarts() {
        try (ChronicleQueue live = ChronicleQueue.open(dir.resolve("live"), SMALL);
             QueueWriter writer = live.createWriter()) {
            append(writer, 0, 3000);
            try (ArchiveTap tap = tap(ArchiveTap.Start.EARLIEST)) {
                drain(tap);
                assertEquals(3000, tap.copied());
            }
            append(writer, 3000, 5000);
            try (ArchiveTap tap = tap(ArchiveTap.Start.LATEST)) { // start mode ignored: the archive is not empty
                assertEquals(3000, tap.nextSequence());
                drain(tap);
                assertEquals(2000, tap.copied());
            }
        }
        assertEquals(readAll(dir.resolve("live")), readAll(dir.resolve("archive")));
    }

    @Test
    void shouldStartAtTheLiveTailWhenAskedAndKeepLiveSequences() {
        try (ChronicleQueue live = ChronicleQueue.open(dir.resolve("live"), SMALL);
             QueueWriter writer = live.createWriter()) {
            append(writer, 0, 100);
            try (ArchiveTap tap = tap(ArchiveTap.Start.LATEST)) {
                assertEquals(0, tap.poll(1000));
                append(writer, 100, 150);
                drain(tap);
            }
        }
        List<Rec> archived = readAll(dir.resolve("archive"));
        assertEquals(50, archived.size());
        assertEquals(100, archived.getFirst().seq(), "the archive keeps the live sequence numbers");
        assertEquals(readAll(dir.resolve("live")).subList(100, 150), archived);
    }

    @Test
    void shouldProtectUncopiedLiveSegmentsFromRetention() {
        QueueOptions keepTwo = SMALL.withRetention(RetentionPolicy.keepSegments(2));
        try (ChronicleQueue live = ChronicleQueue.open(dir.resolve("live"), keepTwo);
             QueueWriter writer = live.createWriter()) {
            append(writer, 0, 10);
            try (ArchiveTap tap = tap(ArchiveTap.Start.EARLIEST)) {
                drain(tap); // registered at sequence 10, in segment 0
                append(writer, 10, 4000);
                live.applyRetention();
                drain(tap);
                assertEquals(4000, tap.nextSequence(), "nothing was deleted before the tap copied it");
            }
        }
        assertEquals(4000, readAll(dir.resolve("archive")).size());
    }

    @Test
    void shouldRefuseToContinueAcrossALiveGap() {
        try (ChronicleQueue live = ChronicleQueue.open(dir.resolve("live"), SMALL);
             QueueWriter writer = live.createWriter()) {
            append(writer, 0, 10);
            try (ArchiveTap tap = tap(ArchiveTap.Start.EARLIEST)) {
                drain(tap);
            }
            live.removeReader(ArchiveTap.DEFAULT_READER); // the tap's registration is gone ...
            append(writer, 10, 4000);
        }
        try (ChronicleQueue live = ChronicleQueue.open(dir.resolve("live"), SMALL.withRetention(RetentionPolicy.keepSegments(2)))) {
            live.applyRetention(); // ... so retention deletes what the tap never copied
        }
        QueueException e = assertThrows(QueueException.class, () -> tap(ArchiveTap.Start.EARLIEST));
        assertTrue(e.getMessage().contains("no longer holds sequence 10"), e.getMessage());
        assertEquals(10, readAll(dir.resolve("archive")).size(), "the archive is left as it was");
    }
}
