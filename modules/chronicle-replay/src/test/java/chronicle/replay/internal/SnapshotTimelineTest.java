package chronicle.replay.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snapshot time line: binary search by time, appends in sequence order, a torn last entry. */
@Timeout(30)
class SnapshotTimelineTest {

    @TempDir
    Path dir;

    @Test
    void shouldFindTheLastEntryAtOrBeforeATime() throws IOException {
        SnapshotTimeline timeline = new SnapshotTimeline(dir);
        assertFalse(timeline.exists());
        assertNull(timeline.open(), "no time line yet");
        for (int i = 1; i <= 1000; i++) {
            timeline.append(i * 10L, i * 1_000L);
        }
        try (SnapshotTimeline.Search search = timeline.open()) {
            assertEquals(1000, search.entries());
            assertEquals(-1, search.lastAtOrBefore(999));
            assertEquals(0, search.lastAtOrBefore(1_000));
            assertEquals(499, search.lastAtOrBefore(500_999));
            assertEquals(999, search.lastAtOrBefore(Long.MAX_VALUE));
            assertArrayEquals(new long[] {5_000, 500_000}, search.entry(499));
        }
    }

    @Test
    void shouldIgnoreAnEntryThatIsNotAfterTheLastAndCutATornOneBeforeTheNextAppend() throws IOException {
        SnapshotTimeline timeline = new SnapshotTimeline(dir);
        timeline.append(10, 100);
        timeline.append(20, 200);
        timeline.append(20, 250); // the same snapshot again: not a second entry
        timeline.append(15, 150); // older: left to the listing
        Path file = dir.resolve(SnapshotTimeline.FILE);
        assertEquals(2 * SnapshotTimeline.ENTRY, Files.size(file));

        Files.write(file, new byte[] {1, 2, 3, 4, 5}, StandardOpenOption.APPEND); // a crash in the middle of one
        try (SnapshotTimeline.Search search = timeline.open()) {
            assertEquals(2, search.entries(), "the torn entry is not read");
            assertEquals(1, search.lastAtOrBefore(Long.MAX_VALUE));
        }
        timeline.append(30, 300);
        assertEquals(3 * SnapshotTimeline.ENTRY, Files.size(file), "cut, then appended");
        try (SnapshotTimeline.Search search = timeline.open()) {
            assertArrayEquals(new long[] {30, 300}, search.entry(2));
        }
    }

    @Test
    void shouldRewriteTheWholeTimeLineAtomically() throws IOException {
        SnapshotTimeline timeline = new SnapshotTimeline(dir);
        timeline.append(99, 9_900);
        timeline.rewrite(List.of(new long[] {1, 100}, new long[] {2, 200}));
        assertTrue(timeline.exists());
        try (SnapshotTimeline.Search search = timeline.open()) {
            assertEquals(2, search.entries());
            assertEquals(0, search.lastAtOrBefore(150));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve(SnapshotTimeline.FILE)), files.toList(), "no temporary file left");
        }
    }
}
