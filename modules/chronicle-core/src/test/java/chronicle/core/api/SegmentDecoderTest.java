package chronicle.core.api;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A finished queue's segments read from their bytes, as they are read once they left the queue directory: every
 * record the queue's reader sees, sought through the segment's index, a damaged byte found by its checksum.
 */
@Timeout(30)
class SegmentDecoderTest {

    @TempDir
    Path dir;

    /** sequence, timestamp, type, payload's first byte. */
    private record Seen(long sequence, long timestamp, int type, int length, byte first) {
    }

    private Path finishedQueue(int records) {
        Path queue = dir.resolve("q");
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(64 << 10));
             QueueWriter writer = q.createWriter()) {
            for (int i = 0; i < records; i++) {
                byte[] payload = new byte[40 + i % 50];
                payload[0] = (byte) i;
                writer.append(i % 5, 1_000_000L * i, payload);
            }
            writer.finish();
        }
        return queue;
    }

    private static List<Seen> decodeAll(Path segment) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        SegmentDecoder.SegmentInfo info = SegmentDecoder.header(segment.toString(), bytes);
        SegmentDecoder decoder = new SegmentDecoder();
        decoder.start(info);
        UnsafeBuffer window = new UnsafeBuffer(bytes);
        List<Seen> seen = new ArrayList<>();
        long offset = SegmentDecoder.HEADER_SIZE;
        for (int r; (r = decoder.decode(window, bytes, 0, bytes.capacity(), offset, (type, seq, ts, b, o, l) ->
                seen.add(new Seen(seq, ts, type, l, b.getByte(o))))) > 0; ) {
            offset += r;
        }
        return seen;
    }

    @Test
    void shouldSealEverySegmentOfAFinishedQueueAndDecodeWhatTheReaderReads() throws IOException {
        Path queue = finishedQueue(3_000);
        List<Seen> read = new ArrayList<>();
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            while (reader.poll((type, seq, ts, b, o, l) -> read.add(new Seen(seq, ts, type, l, b.getByte(o))),
                    100) > 0) {
                // all of it
            }
        }
        List<Seen> decoded = new ArrayList<>();
        long segments;
        try (var files = Files.list(queue)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".q")).sorted().toList();
            segments = all.size();
            for (Path segment : all) {
                ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
                SegmentDecoder.SegmentInfo info = SegmentDecoder.header(segment.toString(), head);
                assertTrue(info.sealed(), segment + " is sealed, the last one too");
                List<Seen> part = decodeAll(segment);
                assertEquals(info.recordCount(), part.size());
                assertEquals(info.baseSequence(), part.getFirst().sequence());
                assertEquals(info.endSequence(), part.getLast().sequence() + 1);
                decoded.addAll(part);
            }
        }
        assertTrue(segments >= 3, "the queue rolled: " + segments);
        assertEquals(read, decoded);

        try (ChronicleQueue q = ChronicleQueue.openExisting(queue); QueueWriter writer = q.createWriter()) {
            assertEquals(3_000, writer.nextSequence(), "a later writer continues the sequence");
            assertEquals(segments, writer.segmentIndex(), "in a new segment");
        }
    }

    @Test
    void shouldSeekThroughTheIndexAndReportADamagedRecord() throws IOException {
        Path queue = finishedQueue(800);
        Path segment = queue.resolve("000000000.q");
        byte[] raw = Files.readAllBytes(segment);
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        SegmentDecoder.SegmentInfo info = SegmentDecoder.header(segment.toString(), bytes);
        SegmentDecoder.Index index = SegmentDecoder.index("idx", ByteBuffer.wrap(
                Files.readAllBytes(queue.resolve("000000000.idx"))).order(ByteOrder.LITTLE_ENDIAN));
        assertTrue(index.size() > 1, "the archive profile indexes densely: " + index.size());
        long wanted = info.endSequence() - 3;
        long offset = index.offsetForSequence(wanted);
        assertTrue(offset > SegmentDecoder.HEADER_SIZE, "the index skips ahead");
        SegmentDecoder decoder = new SegmentDecoder();
        decoder.start(info);
        UnsafeBuffer window = new UnsafeBuffer(bytes);
        int r = decoder.decode(window, bytes, 0, raw.length, offset, null);
        while (decoder.lastSequence() < wanted) {
            offset += r;
            r = decoder.decode(window, bytes, 0, raw.length, offset, null);
        }
        assertEquals(wanted, decoder.lastSequence());
        assertEquals(SegmentDecoder.NEED_MORE, decoder.decode(window, bytes, 0, (int) offset + 8, offset, null),
                "a window that ends inside the record asks for more");

        raw[(int) offset + SegmentDecoder.RECORD_HEADER_SIZE + 3] ^= 0x40;
        assertEquals(SegmentDecoder.CORRUPT, decoder.decode(window, bytes, 0, raw.length, offset, null));
        assertTrue(decoder.problem().contains("offset " + offset) && decoder.problem().contains("CRC32C"),
                decoder.problem());
    }

    @Test
    void shouldRefuseBytesThatAreNotASegment() {
        ByteBuffer junk = ByteBuffer.allocate(SegmentDecoder.HEADER_SIZE);
        QueueException e = assertThrows(QueueException.class, () -> SegmentDecoder.header("s3://b/x.q", junk));
        assertTrue(e.getMessage().contains("not a Chronicle segment"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
