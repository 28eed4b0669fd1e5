package chronicle.cli.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class InspectCommandTest {

    @TempDir
    Path dir;

    /** 2000 records over several segments, a named reader committed at sequence 1500, the writer still open. */
    private JournalFixture.Result inspectWithLiveWriter(String... extra) {
        Path q = dir.resolve("q");
        try (ChronicleQueue queue = ChronicleQueue.open(q, JournalFixture.SMALL);
             QueueWriter writer = queue.createWriter()) {
            JournalFixture.append(writer, 0, 2000);
            try (QueueReader reader = queue.createNamedReader("strategy", StartPosition.earliest())) {
                assertEquals(1500, reader.poll((t, s, ts, b, o, l) -> { }, 1500));
                reader.commit();
            }
            String[] args = new String[extra.length + 2];
            args[0] = "inspect";
            args[1] = q.toString();
            System.arraycopy(extra, 0, args, 2, extra.length);
            return run(args);
        }
    }

    @Test
    void shouldShowSegmentsHeadTailReaderLagAndLiveWriter() {
        JournalFixture.Result r = inspectWithLiveWriter();
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("writer   alive: pid " + ProcessHandle.current().pid()), out);
        assertTrue(out.contains("records  2000 in "), out);
        assertTrue(out.contains("head     sequence 0 at 2026-11-22T10:00:00.000000000Z"), out);
        // record 1999 is 1999 s after 10:00:00
        assertTrue(out.contains("tail     sequence 1999 at 2026-11-22T10:33:19.000000000Z (next sequence 2000)"), out);
        List<String> segmentRows = r.lines().stream().filter(l -> l.matches("\\d+\\s+(sealed|active)\\s+.*")).toList();
        assertTrue(segmentRows.size() >= 3, out);
        assertTrue(segmentRows.getFirst().matches("0\\s+sealed\\s+0\\s+\\d+\\s+2026-11-22T10:00:00.000000000Z\\s.*"
                + "000000000\\.q"), segmentRows.getFirst());
        assertTrue(segmentRows.getLast().matches("\\d+\\s+active\\s+\\d+\\s+\\d+\\s.*"), segmentRows.getLast());
        long total = segmentRows.stream().mapToLong(l -> Long.parseLong(l.split("\\s+")[3])).sum();
        assertEquals(2000, total, "records per segment add up");
        String reader = r.lines().stream().filter(l -> l.startsWith("strategy ")).findFirst().orElseThrow();
        assertTrue(reader.matches("strategy\\s+alive\\s+1500\\s+500\\s+\\d+\\s+\\d+\\s+\\S+\\s+"
                + ProcessHandle.current().pid()), reader);
    }

    @Test
    void shouldPrintTheSameAsJson() throws Exception {
        JournalFixture.Result r = inspectWithLiveWriter("--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2000, json.get("records").asLong());
        assertEquals(2000, json.get("nextSequence").asLong());
        assertEquals(0, json.get("head").get("sequence").asLong());
        assertEquals(JournalFixture.timestamp(1999), json.get("tail").get("ts").asLong());
        assertEquals("2026-11-22T10:33:19.000000000Z", json.get("tail").get("time").asText());
        assertEquals("alive", json.get("writer").get("state").asText());
        assertEquals(ProcessHandle.current().pid(), json.get("writer").get("pid").asLong());
        JsonNode segments = json.get("segments");
        long sum = 0;
        long expectedBase = 0;
        for (JsonNode s : segments) {
            assertEquals(expectedBase, s.get("baseSequence").asLong(), "bases are contiguous");
            expectedBase += s.get("records").asLong();
            sum += s.get("records").asLong();
        }
        assertEquals(2000, sum);
        assertEquals("active", segments.get(segments.size() - 1).get("state").asText());
        assertEquals("sealed", segments.get(0).get("state").asText());
        JsonNode reader = json.get("readers").get(0);
        assertEquals("strategy", reader.get("name").asText());
        assertEquals(500, reader.get("lag").asLong());
        assertEquals("alive", reader.get("state").asText());
    }

    @Test
    void shouldShowAStaleLockADeadReaderAndTheTailAfterARestart() throws Exception {
        Path q = JournalFixture.queue(dir.resolve("q"), 50);
        // A restarted writer seals the old segment and opens an empty one: the tail is in the sealed segment.
        try (ChronicleQueue queue = ChronicleQueue.open(q, JournalFixture.SMALL);
             QueueWriter writer = queue.createWriter()) {
            assertEquals(50, writer.nextSequence());
        }
        JournalFixture.staleLock(q);
        JournalFixture.reader(q, "gone", 0, 128, 10, System.currentTimeMillis() - 3_600_000,
                JournalFixture.deadPid());
        JournalFixture.Result r = run("inspect", q.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("writer   STALE LOCK: pid 999999 on "), r.out());
        assertTrue(r.out().contains("tail     sequence 49 at 2026-11-22T10:00:49.000000000Z (next sequence 50)"),
                r.out());
        assertTrue(r.lines().stream().anyMatch(l -> l.matches("1\\s+active\\s+50\\s+0\\s+-\\s+-\\s.*")), r.out());
        assertTrue(r.lines().stream().anyMatch(l -> l.matches("gone\\s+dead\\s+10\\s+40\\s+0\\s+128\\s.*")), r.out());
    }

    @Test
    void shouldDescribeAQueueNoWriterHasWritten() {
        Path q = dir.resolve("empty");
        ChronicleQueue.open(q, JournalFixture.SMALL).close();
        JournalFixture.Result r = run("inspect", q.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("writer   none"), r.out());
        assertTrue(r.out().contains("records  none (next sequence 0)"), r.out());
        assertTrue(r.out().contains("no segments"), r.out());
        assertTrue(r.out().contains("no named readers"), r.out());
    }
}
