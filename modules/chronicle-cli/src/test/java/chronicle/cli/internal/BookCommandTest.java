package chronicle.cli.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.protocol.api.SyntheticMarket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chronicle book}: the book at T, and {@code --every-event}: an opening line and then one line per event of
 * the market in the span, each a JSON object of the documented shape. (Warm start from snapshots is tested with the
 * snapshot codec plug-ins, in plugins/snapshot-l2, and end to end by chronicle quickstart.)
 */
@Timeout(60)
class BookCommandTest {

    private static final long T0 = JournalFixture.T0;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path demoArchive(int events) {
        Path queue = dir.resolve("archive/market_data/queue/demo_feed");
        SyntheticMarket market = new SyntheticMarket(1, 2, 300, 3);
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = q.createWriter()) {
            for (int i = 0; i < events; i++) {
                long ts = T0 + i * 1_000_000L; // one event per millisecond
                int length = market.next(scratch, 0, ts);
                writer.append(market.lastType(), ts, scratch, 0, length);
            }
        }
        return queue;
    }

    @Test
    void shouldPrintTheBookAtTAndEveryEventOfASpan() throws Exception {
        Path archive = demoArchive(5_000);
        JournalFixture.Result at = run("book", "--archive", archive.toString(), "--venue", "1", "--market", "1",
                "--at", String.valueOf(T0 + 2_000_000_000L), "--depth", "3", "--json");
        assertEquals(0, at.code(), at.err());
        JsonNode book = JSON.readTree(at.out());
        assertEquals(3, book.get("bids").size());
        assertEquals(3, book.get("asks").size());
        assertTrue(book.get("exchange_ts").asLong() < T0 + 2_000_000_000L);
        assertTrue(new java.math.BigDecimal(book.get("bids").get(0).get(0).asText())
                .compareTo(new java.math.BigDecimal(book.get("asks").get(0).get(0).asText())) < 0, "not crossed");

        JournalFixture.Result span = run("book", "--archive", archive.toString(), "--venue", "1", "--market", "1",
                "--from", String.valueOf(T0 + 2_000_000_000L), "--to", String.valueOf(T0 + 2_100_000_000L),
                "--every-event", "--depth", "2");
        assertEquals(0, span.code(), span.err());
        List<String> lines = span.out().lines().toList();
        JsonNode opening = JSON.readTree(lines.getFirst());
        assertTrue(opening.get("opening").asBoolean());
        assertEquals(book.get("seq").asLong(), opening.get("seq").asLong(), "the opening line is the book at T1");
        assertTrue(lines.size() > 20 && lines.size() < 100, "about half of 100 events are market 1's: " + lines.size());
        long previous = opening.get("seq").asLong();
        for (String line : lines.subList(1, lines.size())) {
            JsonNode event = JSON.readTree(line);
            assertTrue(event.get("seq").asLong() > previous, "in order");
            previous = event.get("seq").asLong();
            assertTrue(event.has("exchange_ts") && event.has("local_ts") && event.get("bids").isArray());
            assertTrue(event.get("local_ts").asLong() > T0 + 2_000_000_000L);
            assertTrue(event.get("local_ts").asLong() <= T0 + 2_100_000_000L);
        }
    }

    @Test
    void shouldFindAnImportedMarketByNameUnderAnArchiveRoot() throws Exception {
        Path root = dir.resolve("imports");
        chronicle.bus.api.MarketIds.Ids ids = chronicle.bus.api.MarketIds.assign(root, "kraken", "XBT/USD");
        Path queue = new chronicle.bus.api.BusLayout(root, root).importQueue("kraken", "XBT/USD",
                java.time.LocalDate.of(2026, 11, 22), "book");
        SyntheticMarket market = new SyntheticMarket(ids.venueId(), 1, 300, 3);
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = q.createWriter()) {
            for (int i = 0; i < 1_000; i++) {
                long ts = T0 + i * 1_000_000L;
                int length = market.next(scratch, 0, ts);
                writer.append(market.lastType(), ts, scratch, 0, length);
            }
        }
        JournalFixture.Result byName = run("book", "--archive", root.toString(), "--venue", "kraken", "--symbol",
                "XBT/USD", "--at", "2026-11-22T10:00:00.5Z", "--json");
        assertEquals(0, byName.code(), byName.err());
        assertTrue(byName.out().startsWith("{\"venue\":1,\"market\":1,"), byName.out());
        JournalFixture.Result otherDay = run("book", "--archive", root.toString(), "--venue", "kraken", "--symbol",
                "XBT/USD", "--at", "2026-11-23T10:00:00Z");
        assertEquals(1, otherDay.code());
        assertTrue(otherDay.err().contains("no book of kraken/XBT/USD on 2026-11-23"), otherDay.err());
    }

    @Test
    void shouldRefuseBadInputWithOneLine() {
        JournalFixture.Result notQueue = run("book", "--archive", dir.toString(), "--venue", "1", "--market", "1",
                "--at", "2026-11-22T10:00:00Z");
        assertEquals(1, notQueue.code());
        assertTrue(notQueue.err().contains("no market 1/1 in " + dir.resolve("ids.json")), notQueue.err());
        Path archive = demoArchive(100);
        JournalFixture.Result noMarket = run("book", "--archive", archive.toString(), "--venue", "1", "--market", "9",
                "--at", String.valueOf(T0 + 1_000_000_000L));
        assertEquals(1, noMarket.code());
        assertTrue(noMarket.err().contains("market 9 has no book event"), noMarket.err());
        assertEquals(2, run("book", "--archive", archive.toString(), "--venue", "1", "--market", "1").code(),
                "no --at: usage error");
    }
}
