package chronicle.cli.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code chronicle feed-binance}: registered, and its usage errors are one line naming the option. */
@Timeout(20)
class FeedBinanceCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldBeACommandOfChronicle() {
        JournalFixture.Result r = run("feed-binance", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: chronicle feed-binance"), r.out());
        assertTrue(r.out().contains("--ws-url") && r.out().contains("--rest-url"), r.out());
    }

    @Test
    void shouldRefuseAnUnknownMarket() {
        JournalFixture.Result r = run("feed-binance", "--symbols", "BTCUSDT", "--market", "coinm", "--bus-root",
                dir.toString(), "--ws-url", "ws://127.0.0.1:1", "--rest-url", "http://127.0.0.1:1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--market: 'coinm' is not spot or usdm"), r.err());
    }

    @Test
    void shouldRefuseAWebsocketUrlOfAnotherScheme() {
        JournalFixture.Result r = run("feed-binance", "--symbols", "BTCUSDT", "--bus-root", dir.toString(),
                "--ws-url", "http://127.0.0.1:1", "--rest-url", "http://127.0.0.1:1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--ws-url: 'http://127.0.0.1:1' is not a ws:// or wss:// URL"), r.err());
    }
}
