package chronicle.bus.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(20)
class LayoutAndNamesTest {

    private final BusLayout layout = new BusLayout(Path.of("/bus"), Path.of("/archive"));

    @Test
    void shouldPlaceQueuesAtTheDocumentedPaths() {
        assertEquals(Path.of("/bus/live/market_data/queue/demo_feed"), layout.liveQueue("market_data", "demo_feed"));
        assertEquals(Path.of("/bus/archive/market_data/queue/demo_feed"),
                layout.archiveQueue("market_data", "demo_feed"));
        assertEquals(Path.of("/bus/streams/raw/binance/queue"), layout.rawStream("binance"));
        assertEquals(Path.of("/bus/streams/clean/binance/BTCUSDT/book/queue"),
                layout.cleanStream("binance", "BTCUSDT", "book"));
        assertEquals(Path.of("/bus/orders/alpha-1/queue"), layout.ordersQueue("alpha-1"));
        assertEquals(Path.of("/archive/raw/v1/binance/2026-01-24/raw"),
                layout.rawArchive("binance", LocalDate.of(2026, 1, 24)));
        assertEquals(Path.of("/archive/snapshots/1/1"), layout.snapshots("1", "1"));
    }

    @Test
    void shouldPlaceALiveStrategysQueuesUnderItsOwnDirectory() {
        assertEquals(Path.of("/bus/strategies/mm-1"), layout.strategyDir("mm-1"));
        assertEquals(Path.of("/bus/strategies/mm-1/orders"), layout.strategyOrders("mm-1"));
        assertEquals(Path.of("/bus/strategies/mm-1/responses"), layout.strategyResponses("mm-1"));
        assertEquals(Path.of("/bus/strategies/mm-1/heartbeat"), layout.strategyHeartbeat("mm-1"));
        assertEquals(Path.of("/bus/strategies/%2E.%2Fx"), layout.strategyDir("../x").normalize(),
                "an application's name cannot leave the strategies directory");
    }

    @Test
    void shouldEncodeVendorSpellingsReversibly() {
        assertEquals("XBT%2FUSD", Names.encode("symbol", "XBT/USD"));
        assertEquals(Path.of("/archive/kraken/XBT%2FUSD/2026-11-22/book/queue"),
                layout.importQueue("kraken", "XBT/USD", LocalDate.of(2026, 11, 22), "book"));
        assertEquals("%2Ehidden", Names.encode("symbol", ".hidden"));
        assertEquals("BTC-PERP_1.0", Names.encode("symbol", "BTC-PERP_1.0"));
        assertEquals("100%25", Names.encode("symbol", "100%"));
        for (String name : new String[] {"XBT/USD", "..x", "a b", "100%", "€uro", "a\\b", "%2F"}) {
            assertEquals(name, Names.decode(Names.encode("symbol", name)), name);
        }
    }

    @Test
    void shouldRefuseNamesThatAreMistakes() {
        IllegalArgumentException dots = assertThrows(IllegalArgumentException.class,
                () -> layout.liveQueue("market_data", ".."));
        assertTrue(dots.getMessage().startsWith("queue name '..' is not allowed"), dots.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Names.encode("venue", ""))
                .getMessage().contains("venue name is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Names.encode("symbol", "BTC\nUSD"))
                .getMessage().contains("control character"));
        assertThrows(IllegalArgumentException.class, () -> Names.encode("symbol", "x".repeat(300)));
    }

    @Test
    void shouldNeverLeaveItsRootWhateverTheName() {
        Random random = new Random(3);
        String alphabet = "./\\%a-_Z9 ~:*?\"<>|é";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = name.toString();
            if (text.equals(".") || text.equals("..")) {
                continue;
            }
            Path queue = layout.liveQueue("s", text).normalize();
            assertTrue(queue.startsWith(Path.of("/bus/live/s/queue")), text + " -> " + queue);
            assertEquals(Path.of("/bus/live/s/queue"), queue.getParent(), "one directory level: " + text);
            assertFalse(queue.getFileName().toString().startsWith("."), "no hidden names: " + text);
            assertEquals(text, Names.decode(queue.getFileName().toString()));
        }
    }
}
