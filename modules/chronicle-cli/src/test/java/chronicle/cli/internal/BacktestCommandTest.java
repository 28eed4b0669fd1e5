package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static chronicle.cli.internal.JournalFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chronicle backtest}: the example market maker over a day of an archive root, as a table and as JSON; the
 * same run twice gives the same JSON; bad settings are refused with one line.
 */
@Timeout(120)
class BacktestCommandTest {

    private static final long T0 = JournalFixture.T0;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path archiveRoot() {
        Path root = dir.resolve("imports");
        MarketIds.Ids ids = MarketIds.assign(root, "kraken", "XBT/USD");
        Path queue = new BusLayout(root, root).importQueue("kraken", "XBT/USD", LocalDate.of(2026, 11, 22), "book");
        SyntheticMarket market = new SyntheticMarket(ids.venueId(), 1, 300, 3);
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = q.createWriter()) {
            for (int i = 0; i < 20_000; i++) {
                long ts = T0 + i * 10_000_000L; // one event per 10 ms: 200 s
                int length = market.next(scratch, 0, ts);
                writer.append(market.lastType(), ts, scratch, 0, length);
            }
        }
        return root;
    }

    @Test
    void shouldRunTheMarketMakerAndPrintItsSummary() throws Exception {
        Path root = archiveRoot();
        String[] args = {"backtest", "--archive", root.toString(), "--venue", "kraken", "--symbol", "XBT/USD",
            "--from", "2026-11-22T10:00:00Z", "--to", "2026-11-22T10:10:00Z", "--strategy", "market-maker",
            "--param", "half-spread=0", "--param", "requote=100ms", "--latency", "50us", "--queue-model", "power:2",
            "--maker-fee", "-0.0001", "--taker-fee", "0.0004", "--json"};
        JournalFixture.Result json = run(args);
        assertEquals(0, json.code(), json.err());
        JsonNode summary = JSON.readTree(json.out()).get("summary");
        assertTrue(summary.get("orders").asLong() > 10, json.out());
        assertTrue(summary.get("fills").asLong() > 0, json.out());
        assertTrue(summary.get("fees").asDouble() != 0, json.out());
        assertEquals(100_000 + summary.get("pnl").asDouble(), summary.get("final_equity").asDouble(), 1e-6);
        assertEquals("0", JSON.readTree(json.out()).get("parameters").get("half-spread").asText());
        assertEquals(json.out(), run(args).out(), "deterministic");

        String[] table = java.util.Arrays.copyOf(args, args.length - 1);
        JournalFixture.Result text = run(table);
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("backtest of market-maker (half-spread=0 quantity=1"), text.out());
        assertTrue(text.out().contains("fill ratio") && text.out().contains("max drawdown")
                && text.out().contains("sharpe"), text.out());
    }

    @Test
    void shouldRunTheSpreadStrategyOnlyWhileTheSpreadIsWide() throws Exception {
        Path root = archiveRoot();
        String[] args = {"backtest", "--archive", root.toString(), "--venue", "kraken", "--symbol", "XBT/USD",
            "--from", "2026-11-22T10:00:00Z", "--to", "2026-11-22T10:02:00Z", "--strategy", "spread",
            "--param", "min-spread=0", "--json"};
        JournalFixture.Result always = run(args);
        assertEquals(0, always.code(), always.err());
        long orders = JSON.readTree(always.out()).get("summary").get("orders").asLong();
        assertTrue(orders > 0, always.out());
        args[args.length - 2] = "min-spread=1000000";
        JournalFixture.Result never = run(args);
        assertEquals(0, never.code(), never.err());
        assertEquals(0, JSON.readTree(never.out()).get("summary").get("orders").asLong(), never.out());
    }

    @Test
    void shouldWriteTheHtmlReportBesideTheSummary() throws Exception {
        Path root = archiveRoot();
        Path reportDir = dir.resolve("reports/mm");
        String[] args = {"backtest", "--archive", root.toString(), "--venue", "kraken", "--symbol", "XBT/USD",
            "--from", "2026-11-22T10:00:00Z", "--to", "2026-11-22T10:02:00Z", "--strategy", "market-maker",
            "--param", "half-spread=0", "--json", "--report", reportDir.toString()};
        JournalFixture.Result json = run(args);
        assertEquals(0, json.code(), json.err());
        JsonNode summary = JSON.readTree(json.out()).get("summary"); // standard output stays one JSON document
        Path page = reportDir.resolve("index.html");
        assertEquals("report: " + page.toAbsolutePath(), json.err().strip());
        String html = Files.readString(page);
        assertTrue(html.contains("market-maker") && html.contains("kraken XBT/USD"), html.substring(0, 400));
        assertTrue(html.contains(Long.toString(summary.get("orders").asLong())), "the summary's order count");

        Path inTheWay = Files.writeString(dir.resolve("a-file"), "not a folder");
        args[args.length - 1] = inTheWay.toString();
        JournalFixture.Result refused = run(args);
        assertTrue(refused.code() != 0, refused.out());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains(inTheWay + ": is a file, not a folder"), refused.err());
        assertEquals("not a folder", Files.readString(inTheWay), "left as it was");
    }

    @Test
    void shouldRefuseBadSettingsWithOneLine() {
        Path root = archiveRoot();
        JournalFixture.Result unknown = run("backtest", "--archive", root.toString(), "--venue", "kraken",
                "--symbol", "XBT/USD", "--from", "2026-11-22T10:00:00Z", "--to", "2026-11-22T10:01:00Z",
                "--strategy", "market-maker", "--param", "spread=2");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("--param spread: strategy 'market-maker' has no such parameter"),
                unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        JournalFixture.Result noStrategy = run("backtest", "--archive", root.toString(), "--venue", "kraken",
                "--symbol", "XBT/USD", "--from", "2026-11-22T10:00:00Z", "--to", "2026-11-22T10:01:00Z",
                "--strategy", "nope");
        assertEquals(1, noStrategy.code());
        assertTrue(noStrategy.err().contains("--strategy nope: no such strategy"), noStrategy.err());
        JournalFixture.Result badModel = run("backtest", "--archive", root.toString(), "--venue", "kraken",
                "--symbol", "XBT/USD", "--from", "2026-11-22T10:00:00Z", "--to", "2026-11-22T10:01:00Z",
                "--strategy", "spread", "--queue-model", "fifo");
        assertEquals(2, badModel.code());
        assertTrue(badModel.err().contains("--queue-model fifo: use risk-averse, power:N, log or l3-fifo"),
                badModel.err());
        JournalFixture.Result noDay = run("backtest", "--archive", root.toString(), "--venue", "kraken",
                "--symbol", "XBT/USD", "--from", "2026-11-23T10:00:00Z", "--to", "2026-11-23T10:01:00Z",
                "--strategy", "spread");
        assertEquals(1, noDay.code());
        assertTrue(noDay.err().contains("no book of kraken/XBT/USD from 2026-11-23"), noDay.err());
    }
}
