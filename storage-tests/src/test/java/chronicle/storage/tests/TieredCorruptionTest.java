package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierMove;
import chronicle.core.api.RecordSource;
import chronicle.core.api.SegmentDecoder;
import chronicle.core.api.StartPosition;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.ReplayException;
import chronicle.replay.api.WarmStart;
import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import chronicle.storage.tests.ArchiveFixture.Written;
import org.junit.jupiter.api.AfterEach;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static chronicle.storage.tests.ArchiveFixture.MARKET_ID;
import static chronicle.storage.tests.ArchiveFixture.VENUE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged tiered objects (a flipped byte in a compressed frame or in a record, a truncated object) are detected by
 * their checksums and reported with where they are; nothing of the damaged part reaches a reader or a replay.
 */
@Timeout(120)
class TieredCorruptionTest {

    private static final int EVENTS = 6_000;
    private static final int DAMAGED_SEGMENT = 1;
    /** Bytes of the seek table of a one-frame {@code .q.zst} (8 + 12 x 1 + 9). */
    private static final int ONE_FRAME_SEEK_TABLE = 29;

    @TempDir
    Path dir;

    private final ExecutorService readAhead = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopReadAhead() {
        readAhead.shutdownNow();
    }

    @Test
    void shouldReportAFlippedByteInACompressedFrameWithTheObjectAndFrameAndDeliverNothingOfIt() throws IOException {
        try (TieredDay tiered = TieredDay.create(dir, "zstd")) {
            SegmentLocation damaged = tiered.segment(DAMAGED_SEGMENT);
            Path object = tiered.object(damaged);
            assertTrue(object.toString().endsWith(".q.zst"), object.toString());
            flipByte(object, (Files.size(object) - ONE_FRAME_SEEK_TABLE) / 2);

            String error = assertStopsBefore(tiered, damaged.firstSequence());
            assertTrue(error.contains(object.toString()), error);
            assertTrue(error.contains("frame 0 of 1"), error);
            assertTrue(error.contains("damaged"), error);
            assertReplayFails(tiered, object);
        }
    }

    @Test
    void shouldReportAFlippedByteInARecordOfAnUncompressedObjectWithItsOffsetAndDeliverNothingFromIt()
            throws IOException {
        try (TieredDay tiered = TieredDay.create(dir, null)) {
            SegmentLocation damaged = tiered.segment(DAMAGED_SEGMENT);
            Path object = tiered.object(damaged);
            assertTrue(object.toString().endsWith(".q"), object.toString());
            int recordIndex = 100;
            long recordOffset = recordOffset(object, recordIndex);
            flipByte(object, recordOffset + SegmentDecoder.RECORD_HEADER_SIZE + 2);

            String error = assertStopsBefore(tiered, damaged.firstSequence() + recordIndex);
            assertTrue(error.contains(object.toString()), error);
            assertTrue(error.contains("record at offset " + recordOffset), error);
            assertTrue(error.contains("CRC32C"), error);
            assertReplayFails(tiered, object);
        }
    }

    @Test
    void shouldReportATruncatedCompressedObjectInOneLineNamingIt() throws IOException {
        try (TieredDay tiered = TieredDay.create(dir, "zstd")) {
            SegmentLocation damaged = tiered.segment(DAMAGED_SEGMENT);
            Path object = tiered.object(damaged);
            try (FileChannel channel = FileChannel.open(object, StandardOpenOption.WRITE)) {
                channel.truncate(channel.size() / 2);
            }

            String error = assertStopsBefore(tiered, damaged.firstSequence());
            assertTrue(error.contains(object.toString()), error);
            assertReplayFails(tiered, object);
        }
    }

    /**
     * Reads the day from its start: every record before the given sequence is delivered as written, then the
     * reader reports CORRUPT (again on the next poll) and delivers nothing more.
     *
     * @return the reader's one-line error.
     */
    private String assertStopsBefore(TieredDay tiered, long firstDamagedSequence) {
        TieredReader.Options options = TieredReader.Options.DEFAULT.withReadAhead(readAhead);
        try (TieredReader reader = TieredReader.open(tiered.tiers, tiered.day, StartPosition.earliest(), options)) {
            List<Written> got = new ArrayList<>();
            int last;
            do {
                List<Written> batch = new ArrayList<>();
                last = reader.poll(ArchiveFixture.collector(batch), 64);
                got.addAll(batch);
            } while (last > 0);
            assertEquals(RecordSource.CORRUPT, last, "the damage is reported, not taken for the end of the day");
            List<Written> before = tiered.expected.stream().filter(w -> w.sequence() < firstDamagedSequence).toList();
            assertEquals(before, got, "every record before the damage, and nothing from it");
            String error = reader.lastError();
            assertFalse(error.isBlank());
            assertFalse(error.contains("\n"), "one line: " + error);
            List<Written> after = new ArrayList<>();
            assertEquals(RecordSource.CORRUPT, reader.poll(ArchiveFixture.collector(after), 64), "it stays stopped");
            assertTrue(after.isEmpty());
            assertEquals(error, reader.lastError());
            return error;
        }
    }

    private void assertReplayFails(TieredDay tiered, Path object) {
        long endOfDay = tiered.day.date().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() * 1_000_000L
                + EVENTS * 1_000_000L;
        ReplayException e = assertThrows(ReplayException.class, () -> WarmStart.bookAt(
                TieredReader.opener(tiered.tiers, tiered.day, TieredReader.Options.DEFAULT), null, name -> null,
                VENUE_ID, MARKET_ID, endOfDay, GapPolicy.FAIL, 20, null));
        assertTrue(e.getMessage().contains(object.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    /** The offset of a segment file's record by its index, walking the records' lengths. */
    private static long recordOffset(Path segment, int index) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        int offset = SegmentDecoder.HEADER_SIZE;
        for (int i = 0; i < index; i++) {
            offset += (bytes.getInt(offset) + 7) & ~7;
        }
        return offset;
    }

    static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            channel.write(one, position);
        }
    }

    /**
     * A stream day moved whole into a local tier "cold", with its records as written; compressed, each segment is
     * one frame (a move's {@code frame} of the segment's size).
     */
    record TieredDay(Tiers tiers, StreamDay day, Path cold, List<Written> expected) implements AutoCloseable {

        static TieredDay create(Path dir, String compression) throws IOException {
            Path archive = Files.createDirectories(dir.resolve("archive"));
            Path cold = Files.createDirectories(dir.resolve("cold"));
            StreamDay day = ArchiveFixture.writeDay(archive, LocalDate.of(2024, 3, 1), EVENTS, 5);
            List<Written> expected = ArchiveFixture.readQueue(day.queueDir(archive));
            ChronicleConfig config = ArchiveFixture.config(archive, Map.of("cold", cold),
                    List.of(TierMove.of("cold", "0s", compression, compression == null ? null : "256KiB")));
            Tiers tiers = ArchiveFixture.tiers(config, dir);
            ArchiveFixture.runTierManager(tiers, config, 0);
            List<SegmentLocation> segments = Manifest.load(archive, day).segments();
            assertTrue(segments.size() > DAMAGED_SEGMENT + 1, "several segments: " + segments.size());
            assertTrue(segments.stream().allMatch(s -> s.tier().equals("cold")), segments.toString());
            return new TieredDay(tiers, day, cold, expected);
        }

        SegmentLocation segment(int n) {
            return Manifest.load(tiers.archiveRoot(), day).segment(n).orElseThrow();
        }

        Path object(SegmentLocation segment) {
            return cold.resolve(segment.key());
        }

        @Override
        public void close() {
            tiers.close();
        }
    }
}
