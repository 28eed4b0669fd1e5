package chronicle.cli.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueInspector;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RetentionPlan;
import chronicle.core.api.RetentionPolicy;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class DoctorCommandTest {

    @TempDir
    Path bus;

    /** The PROBLEM lines printed under one queue's heading. */
    private static List<String> findings(JournalFixture.Result r, String queue) {
        List<String> lines = r.lines();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith(queue + "  ")).findFirst()
                .orElseThrow(() -> new AssertionError(queue + " not reported: " + r.out())));
        return lines.subList(at + 1, lines.size()).stream().takeWhile(l -> l.startsWith("  ")).map(String::strip)
                .toList();
    }

    @Test
    void shouldFindQueuesAnywhereAndReportStaleLocksAndDeadReaders() throws Exception {
        Path sick = JournalFixture.queue(bus.resolve("live/md/queue/feed"), 100);
        JournalFixture.queue(bus.resolve("archive/md/queue/feed"), 10);
        Files.createDirectories(bus.resolve("empty/dir"));
        JournalFixture.staleLock(sick);
        JournalFixture.reader(sick, "ghost", 0, 128, 3, System.currentTimeMillis() - 3_600_000,
                JournalFixture.deadPid());
        JournalFixture.Result r = run("doctor", bus.toString());
        assertEquals(0, r.code(), "a diagnosis that ran exits 0: " + r.err());
        List<String> sickFindings = findings(r, "live/md/queue/feed");
        assertTrue(sickFindings.get(0).startsWith("PROBLEM  stale writer lock: pid 999999 on "), sickFindings.get(0));
        assertTrue(sickFindings.get(1).startsWith("PROBLEM  dead reader 'ghost': pid "), sickFindings.get(1));
        assertTrue(sickFindings.get(1).contains("97 record(s) behind"), sickFindings.get(1));
        assertEquals(2, sickFindings.size(), sickFindings.toString());
        assertEquals(List.of("ok"), findings(r, "archive/md/queue/feed"));
        assertTrue(r.lines().getLast().endsWith(": 1 healthy, 2 problem(s)"), r.out());
        assertTrue(r.lines().getLast().startsWith("2 queue(s) under "), r.out());
        assertEquals("", r.err());

        JournalFixture.Result strict = run("doctor", "--strict", bus.toString());
        assertEquals(1, strict.code(), "--strict fails on problems");
        assertEquals(0, run("doctor", "--strict", bus.resolve("archive").toString()).code(), "--strict, healthy");
    }

    @Test
    void shouldReportStaleAndLiveLeasesOfTheBus() throws Exception {
        JournalFixture.queue(bus.resolve("live/md/queue/feed"), 10);
        chronicle.bus.api.BusLayout layout = new chronicle.bus.api.BusLayout(bus, bus.resolve("archive"));
        java.nio.file.Files.createDirectories(layout.leases());
        String host = java.nio.file.Files.readString(Path.of("/etc/hostname")).strip();
        java.nio.file.Files.writeString(layout.leases().resolve("writer-999999999-1.lease"),
                "{\"role\":\"writer\",\"queue\":\"" + bus.resolve("live/md/queue/feed") + "\",\"name\":\"feed\","
                        + "\"pid\":999999999,\"startMillis\":1,\"host\":\"" + host + "\",\"ready\":true}");
        try (chronicle.bus.api.Discovery discovery = new chronicle.bus.api.Discovery(layout);
             chronicle.bus.api.Lease live = discovery.publishWriter(bus.resolve("live/md/queue/feed"), "tap")) {
            live.markReady();
            JournalFixture.Result r = run("doctor", bus.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("PROBLEM  stale lease: writer 'feed' (pid 999999999)"), r.out());
            assertTrue(r.out().contains("lease    writer 'tap' (pid " + ProcessHandle.current().pid()), r.out());
            assertTrue(r.out().contains(", ready"), r.out());
        }
    }

    @Test
    void shouldCallALiveReaderFarBehindHopelesslyLagging() throws Exception {
        Path q = bus.resolve("q");
        try (ChronicleQueue queue = ChronicleQueue.open(q, JournalFixture.SMALL);
             QueueWriter writer = queue.createWriter()) {
            JournalFixture.append(writer, 0, 10);
            try (QueueReader reader = queue.createNamedReader("slow", StartPosition.earliest())) {
                reader.poll((t, s, ts, b, o, l) -> { }, 5);
                reader.commit();
            }
            JournalFixture.append(writer, 10, 5000); // about 7 segments later
            JournalFixture.Result r = run("doctor", "--max-reader-lag", "3", bus.toString());
            List<String> found = findings(r, "q");
            assertEquals(1, found.size(), r.out());
            assertTrue(found.getFirst().startsWith("PROBLEM  lagging reader 'slow' (pid "
                    + ProcessHandle.current().pid() + "): "), found.getFirst());
            assertTrue(found.getFirst().contains("4995 records"), found.getFirst());
            assertEquals(List.of("ok"), findings(run("doctor", bus.toString()), "q"), "within the default lag");
        }
    }

    @Test
    void shouldPlanRetentionWithoutDeletingAndNameTheReaderThatHoldsItBack() throws Exception {
        Path q = JournalFixture.queue(bus.resolve("q"), 5000); // about 8 segments
        long segments;
        try (var files = Files.list(q)) {
            segments = files.filter(p -> p.toString().endsWith(".q")).count();
        }
        assertTrue(segments >= 6, "segments: " + segments);
        JournalFixture.Result r = run("doctor", "--max-segments", "2", bus.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("note     retention (max 2 segments): would delete " + (segments - 2) + " segment(s), "
                + Units.bytes((segments - 2) * 64 * 1024) + ": 000000000.q .. "
                + String.format("%09d.q", segments - 3)), findings(r, "q").stream()
                .filter(l -> !l.equals("ok")).toList());
        assertTrue(Files.exists(JournalFixture.segment(q, 0)), "a dry run deletes nothing");

        JournalFixture.reader(q, "live", 1, 128, 700, System.currentTimeMillis(), ProcessHandle.current().pid());
        JournalFixture.Result held = run("doctor", "--max-bytes", "128KiB", "--max-age", "0s", bus.toString());
        List<String> found = findings(held, "q");
        assertTrue(found.contains("PROBLEM  retention (max age 0s, max 128.0 KiB) cannot delete 000000001.q: reader "
                + "'live' (at segment 1) has not passed it"), found.toString());
        assertTrue(found.contains("note     retention (max age 0s, max 128.0 KiB): would delete 1 segment(s), "
                + "64.0 KiB: 000000000.q"), found.toString());
    }

    @Test
    void shouldSayADeadReaderOnceFromTheRetentionPlanNotFromALog() throws Exception {
        Path q = JournalFixture.queue(bus.resolve("q"), 3000);
        JournalFixture.reader(q, "ghost", 0, 128, 3, System.currentTimeMillis() - 3_600_000,
                JournalFixture.deadPid());
        Logger log = Logger.getLogger("chronicle.core.internal.journal.Retention");
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        boolean parents = log.getUseParentHandlers();
        log.setUseParentHandlers(false); // keep the sanity check below off the console
        try {
            JournalFixture.Result r = run("doctor", "--max-segments", "1", bus.toString());
            assertTrue(r.out().contains("PROBLEM  dead reader 'ghost'"), r.out());
            assertEquals(List.of(), logged, "the doctor says it once, on standard output");
            RetentionPlan plan = QueueInspector.planRetention(q, RetentionPolicy.keepSegments(1));
            assertTrue(plan.readerVerdicts().stream().anyMatch(v -> v.startsWith("reader 'ghost' is dead")),
                    "the plan carries the verdict on the dead reader: " + plan.readerVerdicts());
            assertEquals(List.of(), logged, "planning logs nothing");
        } finally {
            log.removeHandler(handler);
            log.setUseParentHandlers(parents);
        }
    }

    @Test
    void shouldReportAnUnreadableQueueAndLeftoverFilesAndCarryOn() throws Exception {
        Path broken = JournalFixture.queue(bus.resolve("a"), 10);
        JournalFixture.writeInt(JournalFixture.segment(broken, 0), 8, 7);
        Path leftover = JournalFixture.queue(bus.resolve("b"), 10);
        Files.writeString(leftover.resolve("000000001.q.tmp"), "half made");
        Files.writeString(leftover.resolve("000000002.q.prep-7"), "prepared ahead");
        Files.write(leftover.resolve("000000003.q"), new byte[4096]); // prepared, never published
        Files.write(leftover.resolve("000000000.q.spare"), new byte[4096]); // a retired segment kept for reuse
        JournalFixture.Result r = run("doctor", bus.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("PROBLEM  " + JournalFixture.segment(broken, 0) + ": segment format version 7 is not "
                + "supported (this build reads versions 1 to 2); use a matching Chronicle version"), findings(r, "a"));
        String why = " from an interrupted segment or queue creation (the next writer deletes segment leftovers; "
                + "safe to delete while no writer runs)";
        assertEquals(List.of("PROBLEM  leftover spare segment file 000000000.q.spare: kept for reuse (segment "
                        + "recycling) by a writer that is no longer running; it holds disk space (the next writer "
                        + "deletes it; safe to delete while no writer runs)",
                "PROBLEM  leftover temporary file 000000001.q.tmp" + why,
                "PROBLEM  leftover temporary file 000000002.q.prep-7" + why,
                "PROBLEM  leftover unpublished segment 000000003.q: prepared ahead of a roll by a writer that is no "
                        + "longer running (the next writer deletes it; safe to delete, with its .idx, while no writer "
                        + "runs)"), findings(r, "b"));
    }

    @Test
    void shouldNotCallALiveWritersPreparedSegmentALeftover() throws Exception {
        Path q = bus.resolve("q");
        try (ChronicleQueue queue = ChronicleQueue.open(q, JournalFixture.SMALL);
             QueueWriter writer = queue.createWriter()) {
            JournalFixture.append(writer, 0, 10);
            Files.writeString(q.resolve("000000001.q.prep-3"), "an older writer's next segment");
            long deadline = System.nanoTime() + 10_000_000_000L; // the writer's helper prepares segment 1 ahead
            while (!Files.exists(q.resolve("000000001.idx")) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(Files.exists(q.resolve("000000001.q")), "the live writer's prepared segment is there");
            assertEquals(List.of("ok"), findings(run("doctor", bus.toString()), "q"));
        }
    }

    @Test
    void shouldFailWithOneLineWhenTheDirectoryIsMissingAndExitTwoOnBadOptions() {
        Path missing = bus.resolve("nope");
        JournalFixture.Result r = run("doctor", missing.toString());
        assertEquals(1, r.code());
        assertEquals("chronicle doctor: " + missing + ": no such directory", r.err().strip());
        JournalFixture.Result bad = run("doctor", "--max-age", "7 days", bus.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("'7 days' is not a duration"), bad.err());
        assertFalse(run("doctor", "--max-bytes", "lots", bus.toString()).code() == 0);
    }
}
