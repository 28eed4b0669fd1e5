package chronicle.storage.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class SegmentMetaTest {

    @TempDir
    Path dir;

    private static SegmentMeta.Segment segment(long number, SegmentMeta.TimeRange range) {
        return new SegmentMeta.Segment(number, String.format("%09d.q", number), 1024, "0a0b0c0d", number * 10, 10,
                range, null, number == 2 ? String.format("%09d.q.zst", number) : null, number != 2);
    }

    @Test
    void shouldRoundTripAndGrowTheEventTimeRangeAsSegmentsAreAdded() throws IOException {
        SegmentMeta meta = SegmentMeta.empty("XBT/USD venue")
                .with(segment(2, new SegmentMeta.TimeRange(50, 90)), 7)
                .with(segment(1, new SegmentMeta.TimeRange(10, 60)), 8)
                .with(segment(3, null), 9);
        assertEquals(new SegmentMeta.TimeRange(10, 90), meta.eventTimeRange());
        assertEquals(List.of(1L, 2L, 3L), meta.segments().stream().map(SegmentMeta.Segment::number).toList());
        Path file = dir.resolve(SegmentMeta.FILE_NAME);
        meta.write(file);
        assertEquals(meta, SegmentMeta.read(file));
        assertFalse(Files.exists(dir.resolve("meta.json.tmp")));
        SegmentMeta replaced = meta.with(segment(1, new SegmentMeta.TimeRange(20, 30)), 10);
        assertEquals(3, replaced.segments().size(), "the same number replaces its entry");
        assertEquals(new SegmentMeta.TimeRange(20, 90), replaced.eventTimeRange());
        assertNull(SegmentMeta.empty("v").with(segment(4, null), 1).eventTimeRange(), "no records: null");
        assertTrue(Files.readString(file).contains("\"event_time_range\" : [ 10, 90 ]"));
    }

    @Test
    void shouldRefuseAFileOfAnotherFormatOrVersionOrWithABadFieldWithOneLine() throws IOException {
        SegmentMeta.empty("v").with(segment(1, null), 1).write(dir.resolve("meta.json"));
        String good = Files.readString(dir.resolve("meta.json"));
        assertRefused(good.replace("chronicle-segment-meta", "other"), "field \"format\" is \"other\", not "
                + "\"chronicle-segment-meta\": not a segment metadata file");
        assertRefused(good.replace("\"version\" : 1", "\"version\" : 2"), "segment metadata version 2 is not "
                + "supported (this build reads version 1); use a matching Chronicle version");
        assertRefused(good.replace("\"size\" : 1024", "\"size\" : \"big\""), "field \"size\" must be a whole "
                + "number, not \"big\"");
        assertRefused(good.replace("\"retained\" : true,", "").replace("\"retained\" : true", "\"x\" : 1"),
                "field \"retained\" is missing");
        assertRefused(good.replace("\"event_time_range\" : null", "\"event_time_range\" : [1]"),
                "field \"event_time_range\" must be null or [first_ns, last_ns], not [1]");
        assertRefused("{\"format\": ", "not valid JSON (line 1)");
    }

    private void assertRefused(String text, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), text);
        String message = assertThrows(IOException.class, () -> SegmentMeta.read(file)).getMessage();
        assertTrue(message.startsWith(file + ": " + expected), message);
        assertFalse(message.contains("\n"), message);
    }
}
