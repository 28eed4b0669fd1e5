package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code chronicle doctor} reads live strategies' heartbeat files (layout: docs/LIVE.md) and reports stale ones. */
@Timeout(60)
class DoctorStrategiesTest {

    @TempDir
    Path bus;

    /** A heartbeat file as docs/LIVE.md draws it. */
    private void heartbeat(String app, long pid, int state, long lastBeatNanos) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x54424843).putInt(4, 1).putLong(8, pid).putLong(16, lastBeatNanos - 1_000_000_000L)
                .putLong(24, lastBeatNanos).putInt(32, state).putInt(36, -1).putLong(40, 1234).putLong(48, 2)
                .putLong(56, 3);
        Path file = new BusLayout(bus, bus).strategyHeartbeat(app);
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
    }

    @Test
    void shouldReportARunningStrategyAndAStaleOne() throws Exception {
        long now = System.currentTimeMillis() * 1_000_000L;
        heartbeat("alive", ProcessHandle.current().pid(), 2, now);
        heartbeat("ghost", JournalFixture.deadPid(), 2, now - 60_000_000_000L);
        heartbeat("done", JournalFixture.deadPid(), 4, now - 60_000_000_000L);
        Files.createDirectories(new BusLayout(bus, bus).strategyDir("broken"));
        Files.write(new BusLayout(bus, bus).strategyHeartbeat("broken"), new byte[10]);

        JournalFixture.Result r = JournalFixture.run("doctor", "--strict", bus.toString());
        assertEquals(Main.FAILURE, r.code(), "stale strategies are problems: " + r.out());
        List<String> lines = r.out().lines().filter(l -> l.contains("strateg") || l.contains("heartbeat")).toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("live     strategy 'alive' (pid " + ProcessHandle.current().pid()
                + ") running, last beat "), lines.get(0));
        assertTrue(lines.get(0).endsWith(", 1234 event(s), 2 order message(s), 3 report(s)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("PROBLEM  ") && lines.get(1).contains("not a heartbeat file"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("live     strategy 'done' (pid ") && lines.get(2).contains(") stopped"),
                lines.get(2));
        assertTrue(lines.get(3).startsWith("PROBLEM  strategy 'ghost' (pid ")
                && lines.get(3).endsWith(": stuck or dead (no beat for 10 s, or the process is gone)"), lines.get(3));
    }
}
