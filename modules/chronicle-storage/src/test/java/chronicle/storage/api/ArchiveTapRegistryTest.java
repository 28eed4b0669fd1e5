package chronicle.storage.api;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.ConfigException;
import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The archive tap carries the bus root's registry to the archive root: at open, as it grows, and at close. */
@Timeout(60)
class ArchiveTapRegistryTest {

    @TempDir
    Path dir;

    @Test
    void shouldCarryTheBusRootsNamesToTheArchiveRoot() throws Exception {
        BusLayout layout = new BusLayout(dir.resolve("bus"), dir.resolve("bus/archive"));
        Path live = layout.liveQueue("market_data", "demo_feed");
        Path archive = layout.archiveQueue("market_data", "demo_feed");
        MarketRegistry.open(layout.busRoot()).assign("demo", "BTC-USD");
        try (ChronicleQueue q = ChronicleQueue.open(live, ArchiveTapTest.SMALL);
             QueueWriter w = q.createWriter()) {
            ArchiveTapTest.append(w, 0, 10);
        }
        Path archiveIds = layout.archiveRoot().resolve("ids.json");
        try (ArchiveTap tap = new ArchiveTap(live, archive, ArchiveTap.Start.EARLIEST, ArchiveTapTest.SMALL_ARCHIVE,
                ArchiveTap.DEFAULT_READER, null)) {
            assertEquals(Map.of("demo/BTC-USD", 1L), MarketRegistry.open(layout.archiveRoot()).markets(),
                    "carried when the tap opens");
            MarketIds.Ids eth = MarketRegistry.open(layout.busRoot()).assign("demo", "ETH-USD");
            // The tap looks at the live registry at most once a second, before copying.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!MarketRegistry.open(layout.archiveRoot()).markets().containsKey("demo/ETH-USD")
                    && System.nanoTime() < deadline) {
                tap.poll(100);
                Thread.sleep(50);
            }
            assertEquals(eth, MarketRegistry.open(layout.archiveRoot()).resolve("demo", "ETH-USD"),
                    "carried while the tap runs");
            MarketRegistry.open(layout.busRoot()).assign("demo", "SOL-USD");
        }
        assertTrue(MarketRegistry.open(layout.archiveRoot()).markets().containsKey("demo/SOL-USD"),
                "carried when the tap closes");
        assertTrue(Files.exists(archiveIds));
        assertFalse(Files.exists(dir.resolve("bus/live/ids.json")), "no registry beside the live streams");
    }

    @Test
    void shouldRefuseToOpenWhenTheArchiveGivesAnIdToAnotherName() throws Exception {
        BusLayout layout = new BusLayout(dir.resolve("bus"), dir.resolve("bus/archive"));
        Path live = layout.liveQueue("market_data", "demo_feed");
        MarketRegistry.open(layout.busRoot()).assign("demo", "BTC-USD");
        MarketRegistry.open(layout.archiveRoot()).assign("nasdaq", "AAPL");
        try (ChronicleQueue q = ChronicleQueue.open(live, ArchiveTapTest.SMALL);
             QueueWriter w = q.createWriter()) {
            ArchiveTapTest.append(w, 0, 3);
        }
        ConfigException e = assertThrows(ConfigException.class, () -> new ArchiveTap(live,
                layout.archiveQueue("market_data", "demo_feed"), ArchiveTap.Start.EARLIEST));
        assertTrue(e.getMessage().contains("id 1 is venue nasdaq's, but " + layout.busRoot().resolve("ids.json")
                .toAbsolutePath() + " gives demo id 1"), e.getMessage());
    }
}
