package chronicle.cli.internal;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data path with names: the feed registers its symbols in the bus root's registry, the archive tap carries
 * them to the archive root, and book, warm-start, snapshotter and tail take and print names (numbers still work).
 */
@Timeout(120)
class MarketNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path demoArchive(Path bus) {
        JournalFixture.Result feed = run("feed", "--bus-root", bus.toString(), "--symbols", "3", "--rate", "0",
                "--count", "3000");
        assertEquals(0, feed.code(), feed.err());
        assertTrue(feed.out().startsWith("feed: writing 3 symbols of demo (BTC-USD, ETH-USD, SOL-USD)"), feed.out());
        Path archive = bus.resolve("archive/market_data/queue/demo_feed");
        JournalFixture.Result tap = run("archive-tap", "--live", bus.resolve("live/market_data/queue/demo_feed")
                .toString(), "--archive", archive.toString(), "--start", "earliest", "--exit-when-idle", "300ms");
        assertEquals(0, tap.code(), tap.err());
        return archive;
    }

    @Test
    void shouldNameTheDemoMarketsFromFeedToBook() throws Exception {
        Path bus = dir.resolve("bus");
        Path archive = demoArchive(bus);
        Map<String, Long> expected = Map.of("demo/BTC-USD", 1L, "demo/ETH-USD", 2L, "demo/SOL-USD", 3L);
        assertEquals(expected, MarketRegistry.open(bus).markets(), "the feed registered its symbols");
        assertEquals(expected, MarketRegistry.open(bus.resolve("archive")).markets(), "the tap carried them");

        JournalFixture.Result byName = run("book", "--archive", archive.toString(), "--venue", "demo", "--symbol",
                "BTC-USD", "--at", "2100-01-01T00:00:00Z", "--depth", "3");
        assertEquals(0, byName.code(), byName.err());
        assertTrue(byName.out().startsWith("book of demo BTC-USD at 2100-01-01T00:00"), byName.out());
        JournalFixture.Result byNumber = run("book", "--archive", archive.toString(), "--venue", "1", "--market",
                "1", "--at", "2100-01-01T00:00:00Z", "--depth", "3");
        assertEquals(byName.out(), byNumber.out(), "numbers still work and print the same");

        JournalFixture.Result json = run("book", "--archive", archive.toString(), "--venue", "demo", "--symbol",
                "ETH-USD", "--at", "2100-01-01T00:00:00Z", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().startsWith("{\"venue\":1,\"market\":2,\"venue_name\":\"demo\",\"symbol\":\"ETH-USD\","),
                json.out());
        assertTrue(JSON.readTree(json.out()).get("bids").size() > 0);

        JournalFixture.Result warm = run("warm-start", "--archive", archive.toString(), "--venue", "demo",
                "--symbol", "SOL-USD");
        assertEquals(0, warm.code(), warm.err());
        assertTrue(warm.out().startsWith("warm-start: demo SOL-USD of " + archive), warm.out());

        // The snapshotter by name runs end to end with the snapshot codec plug-ins (runtime-image ReplayLaunchersIT).
    }

    @Test
    void shouldListTheRegisteredNamesForAnUnknownOne() {
        Path archive = demoArchive(dir.resolve("bus"));
        JournalFixture.Result symbol = run("book", "--archive", archive.toString(), "--venue", "demo", "--symbol",
                "BTC-USDT", "--at", "2100-01-01T00:00:00Z");
        assertEquals(1, symbol.code());
        assertEquals(1, symbol.err().lines().count(), symbol.err());
        assertTrue(symbol.err().contains("no symbol \"BTC-USDT\" of venue demo (registered: BTC-USD, ETH-USD, "
                + "SOL-USD)"), symbol.err());
        JournalFixture.Result venue = run("warm-start", "--archive", archive.toString(), "--venue", "dmeo",
                "--symbol", "BTC-USD");
        assertEquals(1, venue.code());
        assertTrue(venue.err().contains("no venue \"dmeo\" (registered: demo)"), venue.err());
        JournalFixture.Result snapshotter = run("snapshotter", "--archive", archive.toString(), "--venue", "demo",
                "--symbol", "DOGE-USD");
        assertEquals(1, snapshotter.code());
        assertTrue(snapshotter.err().startsWith("chronicle snapshotter: ") && snapshotter.err().contains(
                "no symbol \"DOGE-USD\" of venue demo (registered: BTC-USD, ETH-USD, SOL-USD)"), snapshotter.err());
    }

    @Test
    void shouldNameTheMarketOfEveryRecordInTail() throws Exception {
        Path archive = demoArchive(dir.resolve("bus"));
        JournalFixture.Result text = run("tail", archive.toString(), "-n", "20");
        assertEquals(0, text.code(), text.err());
        for (String line : text.lines()) {
            assertTrue(line.matches(".*  len=\\d+  demo (BTC|ETH|SOL)-USD  \\{.*"), line);
        }
        JournalFixture.Result json = run("tail", archive.toString(), "-n", "20", "--json");
        for (String line : json.lines()) {
            JsonNode record = JSON.readTree(line);
            MarketIds.Ids ids = MarketRegistry.open(dir.resolve("bus/archive"))
                    .resolve("demo", record.get("symbol").asText());
            assertEquals("demo", record.get("venue_name").asText());
            assertEquals(ids.marketId(), record.get("event").get("market").asLong(), "the event keeps the ids");
        }
    }

    @Test
    void shouldPinIdsFromASymbolMapAndRefuseAClash() throws Exception {
        Path bus = dir.resolve("bus");
        Path map = Files.writeString(dir.resolve("symbols.json"),
                "{\"venues\":{\"demo\":3},\"symbols\":{\"demo/BTC-USD\":10,\"demo/ETH-USD\":20}}");
        JournalFixture.Result feed = run("feed", "--bus-root", bus.toString(), "--symbols", "2", "--rate", "0",
                "--count", "200", "--symbol-map", map.toString());
        assertEquals(0, feed.code(), feed.err());
        JournalFixture.Result tail = run("tail", bus.resolve("live/market_data/queue/demo_feed").toString(), "-n",
                "200", "--json");
        Set<Long> markets = new java.util.TreeSet<>();
        for (String line : tail.lines()) {
            JsonNode event = JSON.readTree(line).get("event");
            assertEquals(3, event.get("venue").asInt(), line);
            markets.add(event.get("market").asLong());
        }
        assertEquals(Set.of(10L, 20L), markets, "the events carry the pinned ids");

        Path clash = Files.writeString(dir.resolve("clash.json"), "{\"venues\":{\"demo\":1}}");
        JournalFixture.Result refused = run("feed", "--bus-root", bus.toString(), "--symbols", "2", "--count", "1",
                "--symbol-map", clash.toString());
        assertEquals(1, refused.code());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains(clash + ": $.venues.demo: pins venue demo to id 1, but "
                + bus.resolve("ids.json") + " gave it id 3 on first use"), refused.err());
        assertFalse(refused.out().contains("feed: writing"), "nothing written");
    }

    @Test
    void shouldPinIdsFromTheSymbolMapOfTheConfiguration() throws Exception {
        Path map = Files.writeString(dir.resolve("symbols.json"), "{\"venues\":{\"demo\":4},\"symbols\":"
                + "{\"demo/BTC-USD\":8}}");
        Path config = Files.writeString(dir.resolve("chronicle.json"), "{\"busRoot\":\"" + dir.resolve("bus")
                + "\",\"archiveRoot\":\"" + dir.resolve("bus/archive") + "\",\"symbolMap\":\"" + map + "\"}");
        JournalFixture.Result feed = run("feed", "--config", config.toString(), "--symbols", "1", "--rate", "0",
                "--count", "10");
        assertEquals(0, feed.code(), feed.err());
        assertEquals(new MarketIds.Ids(4, 8), MarketRegistry.open(dir.resolve("bus")).resolve("demo", "BTC-USD"));
    }
}
