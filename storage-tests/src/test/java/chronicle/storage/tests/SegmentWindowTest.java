package chronicle.storage.tests;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierMove;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.SegmentDecoder;
import chronicle.core.api.StartPosition;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.TieredReader;
import chronicle.storage.api.Tiers;
import chronicle.storage.internal.tiering.SegmentWindow;
import chronicle.storage.internal.tiering.StreamSegments;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read window of a tiered reader keeps its configured size through the ends of full segments (whose last
 * bytes are too few for another record header), hot or compressed: a window that grew there would make every later
 * read of the day as large as a segment, decompressed on the reading thread.
 */
@Timeout(120)
class SegmentWindowTest {

    private static final int WINDOW = 16 << 10;
    private static final int SEGMENT = 256 << 10;
    /** The room a segment keeps at its end for its end-of-segment marker. */
    private static final int END_MARKER = 8;
    private static final int PAYLOAD = 48;

    @TempDir
    Path dir;

    @Test
    void shouldKeepItsSizeThroughTheEndsOfFullSegments() throws IOException {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path cold = Files.createDirectories(dir.resolve("cold"));
        StreamDay day = writeFullSegments(archive);
        List<SegmentLocation> hot = StreamSegments.sealed(archive, day);
        assertTrue(hot.size() >= 3, "several full segments: " + hot);
        ChronicleConfig config = ArchiveFixture.config(archive, Map.of("cold", cold),
                List.of(TierMove.of("cold", "0s", "zstd")));
        try (Tiers tiers = ArchiveFixture.tiers(config, dir)) {
            long records = readAll(tiers, day, hot);
            ArchiveFixture.runTierManager(tiers, config, 0);
            List<SegmentLocation> moved;
            try (TieredReader reader = TieredReader.open(tiers, day,
                    StartPosition.earliest(), TieredReader.Options.DEFAULT)) {
                moved = reader.segments();
            }
            assertTrue(moved.stream().noneMatch(SegmentLocation::hot), "all tiered: " + moved);
            assertEquals(records, readAll(tiers, day, moved), "the same records from the compressed tier");
        }
    }

    /**
     * Writes records whose aligned size divides a segment's room exactly, so that every segment ends with its
     * end-of-segment marker in its last bytes, with no room for another record header.
     */
    private static StreamDay writeFullSegments(Path archive) {
        StreamDay day = new StreamDay(ArchiveFixture.VENUE, ArchiveFixture.SYMBOL, LocalDate.of(2024, 3, 1),
                ArchiveFixture.STREAM);
        int room = SEGMENT - SegmentDecoder.HEADER_SIZE - END_MARKER;
        assertEquals(0, room % (SegmentDecoder.RECORD_HEADER_SIZE + PAYLOAD), "records fill a segment exactly");
        UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD]);
        try (ChronicleQueue queue = ChronicleQueue.open(day.queueDir(archive),
                QueueOptions.archive().withSegmentSize(SEGMENT));
             QueueWriter writer = queue.createWriter()) {
            for (int i = 0; i < 4 * room / (SegmentDecoder.RECORD_HEADER_SIZE + PAYLOAD); i++) {
                payload.putLong(0, i);
                writer.append(1, 1_709_251_200_000_000_000L + i, payload, 0, PAYLOAD);
            }
            writer.finish();
        }
        return day;
    }

    /** Decodes every record of the segments through one window; asserts it never grew; returns the count. */
    private static long readAll(Tiers tiers, StreamDay day, List<SegmentLocation> segments) throws IOException {
        long records = 0;
        try (SegmentWindow window = new SegmentWindow(tiers, day,
                new TieredReader.Options(WINDOW, 1 << 20, null))) {
            for (SegmentLocation entry : segments) {
                SegmentDecoder decoder = new SegmentDecoder();
                decoder.start(window.open(entry));
                long offset = SegmentDecoder.HEADER_SIZE;
                for (int step; (step = window.decode(decoder, offset, null)) > 0; offset += step) {
                    records++;
                }
                assertEquals(WINDOW, window.capacity(), "window after " + entry.segment() + " at offset " + offset);
            }
        }
        return records;
    }
}
