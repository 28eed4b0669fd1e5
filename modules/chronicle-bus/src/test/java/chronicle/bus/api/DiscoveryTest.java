package chronicle.bus.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(20)
class DiscoveryTest {

    @TempDir
    Path bus;

    @Test
    void shouldListLiveLeasesAndDropThemOnClose() {
        BusLayout layout = new BusLayout(bus, bus.resolve("archive"));
        Path queue = layout.liveQueue("market_data", "demo_feed");
        try (Discovery discovery = new Discovery(layout)) {
            Lease writer = discovery.publishWriter(queue, "feed");
            Lease reader = discovery.registerReader(queue, "strategy-1");
            List<LeaseInfo> leases = discovery.list();
            assertEquals(2, leases.size());
            LeaseInfo w = leases.stream().filter(l -> l.role().equals("writer")).findFirst().orElseThrow();
            assertEquals(queue.toAbsolutePath(), w.queue());
            assertEquals(ProcessHandle.current().pid(), w.pid());
            assertFalse(w.stale());
            assertFalse(w.ready(), "not ready before the writer says so");
            writer.markReady();
            assertTrue(discovery.list().stream().filter(l -> l.role().equals("writer")).findFirst().orElseThrow().ready());
            reader.close();
            writer.close();
            assertEquals(List.of(), discovery.list());
        }
    }

    @Test
    void shouldReportTheLeaseOfADeadProcessAsStale() throws Exception {
        BusLayout layout = new BusLayout(bus, bus.resolve("archive"));
        Files.createDirectories(layout.leases());
        String host = Files.readString(Path.of("/etc/hostname")).strip();
        new ObjectMapper().writeValue(layout.leases().resolve("writer-999999999-1.lease").toFile(),
                new LeaseRecord("writer", bus.resolve("live/x/queue/y").toString(), "feed", 999_999_999L, 1L, host,
                        true));
        try (Discovery discovery = new Discovery(layout)) {
            LeaseInfo dead = discovery.list().getFirst();
            assertTrue(dead.stale(), "the pid does not run");
            assertEquals("feed", dead.name());
        }
    }
}
