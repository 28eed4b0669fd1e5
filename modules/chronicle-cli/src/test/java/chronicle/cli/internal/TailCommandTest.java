package chronicle.cli.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class TailCommandTest {

    @TempDir
    Path dir;

    /** @return the sequences of the text lines printed. */
    private static List<Long> sequences(JournalFixture.Result r) {
        assertEquals(0, r.code(), r.err());
        return r.lines().stream().map(l -> Long.parseLong(l.substring(4, l.indexOf(' ')))).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void shouldPrintTheLastRecordsLikeUnixTail() {
        Path q = JournalFixture.queue(dir.resolve("q"), 1500); // several segments
        assertEquals(range(1490, 1500), sequences(run("tail", q.toString())), "default: last 10");
        assertEquals(range(1497, 1500), sequences(run("tail", q.toString(), "--limit", "3")));
        assertEquals(range(0, 1500), sequences(run("tail", q.toString(), "-n", "5000")), "more than there are");
        assertEquals(List.of(), sequences(run("tail", q.toString(), "-n", "0")));
    }

    @Test
    void shouldPrintSequenceTimeTypeLengthAndAtMost64PayloadBytes() {
        Path q = JournalFixture.queue(dir.resolve("q"), 100);
        String line = run("tail", q.toString(), "-n", "1").out().strip(); // record 99: 107 bytes
        String hex = HexFormat.of().formatHex(JournalFixture.payload(99));
        assertEquals("seq=99  time=2026-11-22T10:01:39.000000000Z  type=3  len=107  hex=" + hex.substring(0, 128)
                + "...", line);
        String all = run("tail", q.toString(), "-n", "1", "--bytes", "0").out().strip();
        assertTrue(all.endsWith("hex=" + hex), all);
        String shortOne = run("tail", q.toString(), "--from-seq", "1", "-n", "1").out().strip(); // 9 bytes
        assertTrue(shortOne.endsWith("len=9  hex=" + HexFormat.of().formatHex(JournalFixture.payload(1))), shortOne);
    }

    @Test
    void shouldStartAtASequenceAcrossSegmentsAndStopAtTheLimit() {
        Path q = JournalFixture.queue(dir.resolve("q"), 1500);
        assertEquals(range(10, 13), sequences(run("tail", q.toString(), "--from-seq", "10", "--limit", "3")));
        assertEquals(range(700, 710), sequences(run("tail", q.toString(), "--from-seq", "700")), "default limit 10");
        assertEquals(range(1498, 1500), sequences(run("tail", q.toString(), "--from-seq", "1498")), "to the tail");
        assertEquals(List.of(), sequences(run("tail", q.toString(), "--from-seq", "1500")), "past the tail");
    }

    @Test
    void shouldStartAtATimeGivenInIsoOrEpochNanos() {
        Path q = JournalFixture.queue(dir.resolve("q"), 1500);
        assertEquals(range(7, 10), sequences(run("tail", q.toString(), "--from-time", "2026-11-22T10:00:07Z",
                "-n", "3")));
        // between records 7 and 8: the first at or after is 8
        assertEquals(range(8, 11), sequences(run("tail", q.toString(), "--from-time", "2026-11-22T10:00:07.5Z",
                "-n", "3")));
        assertEquals(range(1000, 1002), sequences(run("tail", q.toString(), "--from-time",
                Long.toString(JournalFixture.timestamp(1000)), "-n", "2")));
        assertEquals(range(0, 2), sequences(run("tail", q.toString(), "--from-time",
                "2026-11-22T11:00:00+01:00", "-n", "2")), "an offset is converted to UTC");
    }

    @Test
    void shouldPrintOneJsonObjectPerLineWithTheWholePayload() throws Exception {
        Path q = JournalFixture.queue(dir.resolve("q"), 100);
        JournalFixture.Result r = run("tail", q.toString(), "--from-seq", "95", "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(5, lines.size(), r.out());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            long seq = 95 + i;
            JsonNode json = mapper.readTree(lines.get(i));
            assertEquals(seq, json.get("seq").asLong());
            assertEquals(JournalFixture.timestamp(seq), json.get("ts").asLong());
            assertEquals(Units.time(JournalFixture.timestamp(seq)), json.get("time").asText());
            assertEquals(JournalFixture.type(seq), json.get("type").asInt());
            assertEquals(JournalFixture.payload(seq).length, json.get("length").asInt());
            assertEquals(HexFormat.of().formatHex(JournalFixture.payload(seq)), json.get("payloadHex").asText());
        }
    }

    @Test
    void shouldRejectTwoStartsAndBadTimesAsUsageErrors() {
        Path q = JournalFixture.queue(dir.resolve("q"), 10);
        JournalFixture.Result both = run("tail", q.toString(), "--from-seq", "1", "--from-time", "0");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        JournalFixture.Result badTime = run("tail", q.toString(), "--from-time", "yesterday");
        assertEquals(2, badTime.code());
        assertTrue(badTime.err().contains("'yesterday' is not a time"), badTime.err());
        assertEquals(2, run("tail", q.toString(), "--limit", "-1").code());
    }

    @Test
    void shouldStopWithOneLineNamingTheSegmentAtACorruptRecord() throws Exception {
        Path q = JournalFixture.queue(dir.resolve("q"), 20);
        long record5 = JournalFixture.recordOffsets(JournalFixture.segment(q, 0)).get(5);
        JournalFixture.flipByte(JournalFixture.segment(q, 0), record5 + 24 + 2);
        JournalFixture.Result r = run("tail", q.toString(), "--from-seq", "0", "-n", "20");
        assertEquals(1, r.code());
        assertEquals(range(0, 5), r.lines().stream().map(l -> Long.parseLong(l.substring(4, l.indexOf(' '))))
                .toList(), "records before the bad one are printed");
        assertEquals("chronicle tail: " + JournalFixture.segment(q, 0) + " offset " + record5 + ": CRC32C mismatch",
                r.err().strip());
    }

    @Test
    void shouldFollowNewRecordsAndSayOnceWhenTheWriterDies() throws Exception {
        Path q = JournalFixture.queue(dir.resolve("q"), 5);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread follower = Thread.ofPlatform().start(() -> code.set(Main.run(
                new String[] {"tail", q.toString(), "--follow", "--limit", "2"}, new PrintWriter(out),
                new PrintWriter(err))));
        try {
            waitFor(() -> out.toString().contains("seq=4 "), "the backlog");
            try (ChronicleQueue queue = ChronicleQueue.open(q, JournalFixture.SMALL);
                 QueueWriter writer = queue.createWriter()) {
                JournalFixture.append(writer, 5, 8);
                waitFor(() -> out.toString().contains("seq=7 "), "new records");
            }
            assertFalse(err.toString().contains("died"), "a writer that closed did not die: " + err);
            JournalFixture.staleLock(q); // as a writer killed with SIGKILL leaves it
            waitFor(() -> err.toString().contains("died"), "the writer's death");
            Thread.sleep(2_500); // two more idle checks: said once only
        } finally {
            follower.interrupt();
            follower.join(10_000);
        }
        assertFalse(follower.isAlive());
        assertEquals(0, code.get(), err.toString());
        assertEquals(List.of("seq=3", "seq=4", "seq=5", "seq=6", "seq=7"),
                out.toString().lines().map(l -> l.substring(0, l.indexOf(' '))).toList());
        List<String> errors = err.toString().lines().toList();
        assertEquals(1, errors.size(), err.toString());
        assertTrue(errors.getFirst().startsWith("chronicle tail: " + q + ": the writer (pid 999999) died"),
                errors.getFirst());
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
