package chronicle.cli.internal;

import chronicle.api.spi.Strategies;
import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import chronicle.framework.api.ChronicleApp;
import chronicle.framework.api.ClockMode;
import chronicle.framework.api.Router;
import chronicle.framework.api.Venues;
import chronicle.pluginhost.api.PluginHost;
import chronicle.protocol.api.SyntheticMarket;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestRunner;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live/backtest parity: the example market maker run live in market time (a {@link ChronicleApp} on its thread)
 * against a day of an archive replayed onto the bus (a writer thread), with the router's paper venue in market
 * time (the router's thread) and the same latency, queue and fee models, sends the same orders and gets the same
 * fills, at the same times, as the backtest of that day: the two runs' records of everything the strategy did and
 * received are equal line for line.
 */
@Timeout(180)
class MarketTimeParityTest {

    private static final long T0 = JournalFixture.T0;
    private static final int EVENTS = Integer.getInteger("parity.events", 4_000);
    private static final LatencyModel LATENCY = LatencyModel.constant(Duration.ofNanos(2_500_000),
            Duration.ofNanos(1_500_000));
    private static final QueueModel QUEUE = QueueModel.power(2);
    private static final FeeModel FEES = new FeeModel(-0.0001, 0.0004, FeeModel.Basis.VALUE);
    private static final List<String> PARAMS = List.of("half-spread=0", "requote=70ms", "max-inventory=3");

    @TempDir
    Path dir;

    @Test
    void shouldSendTheSameOrdersAndGetTheSameFillsLiveInMarketTimeAsInTheBacktest() throws Exception {
        Path archive = dir.resolve("imports");
        Path bookQueue = archiveDay(archive);

        List<String> backtest = backtest(archive);
        List<String> live = live(bookQueue, false);
        assertSameRun(backtest, live);
    }

    /** The same with the day written onto the bus beforehand by {@code chronicle replay}. */
    @Test
    void theReplayCommandsQueueGivesTheBacktestsRunToo() throws Exception {
        Path archive = dir.resolve("imports");
        Path bookQueue = archiveDay(archive);
        JournalFixture.Result replay = JournalFixture.run("replay", "--archive", archive.toString(), "--venue",
                "kraken", "--symbol", "XBT/USD", "--from", Long.toString(T0), "--to",
                Long.toString(T0 + EVENTS * 10_000_000L), "--bus", dir.resolve("bus").toString());
        assertEquals(0, replay.code(), replay.err());
        assertTrue(replay.out().startsWith("replay: " + EVENTS + " records of kraken XBT/USD from "), replay.out());
        assertSameRun(backtest(archive), live(bookQueue, true));
    }

    @Test
    void theReplayRefusesAnExistingQueueAndAnUnknownMarketInOneLine() {
        Path archive = dir.resolve("imports");
        archiveDay(archive);
        String bus = dir.resolve("bus").toString();
        JournalFixture.Result unknown = JournalFixture.run("replay", "--archive", archive.toString(), "--venue",
                "kraken", "--symbol", "ETH/USD", "--from", Long.toString(T0), "--to", Long.toString(T0 + 1), "--bus",
                bus);
        assertEquals(1, unknown.code(), unknown.err());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().startsWith("chronicle replay: no market kraken/ETH/USD"), unknown.err());
        String[] args = {"replay", "--archive", archive.toString(), "--venue", "kraken", "--symbol", "XBT/USD",
            "--from", Long.toString(T0), "--to", Long.toString(T0 + 100 * 10_000_000L), "--bus", bus};
        assertEquals(0, JournalFixture.run(args).code());
        Path queue = new BusLayout(dir.resolve("bus"), dir.resolve("bus/archive")).liveQueue("market_data", "replay");
        long records = chronicle.core.api.QueueInspector.inspect(queue).records();
        assertTrue(records > 90 && records <= 101, "the span's records: " + records);
        JournalFixture.Result again = JournalFixture.run(args);
        assertEquals(1, again.code(), again.err());
        assertEquals(List.of("chronicle replay: --name replay: " + queue + " exists already; a replay writes a new "
                + "queue (give another --name, or delete that queue)"), again.err().lines().toList());
        assertEquals(records, chronicle.core.api.QueueInspector.inspect(queue).records(), "left as it was");
    }

    private static void assertSameRun(List<String> backtest, List<String> live) {
        long sends = backtest.stream().filter(l -> l.contains(" send ")).count();
        long fills = backtest.stream().filter(l -> l.contains(" fill ")).count();
        long modifies = backtest.stream().filter(l -> l.contains(" MODIFIED ")).count();
        assertTrue(sends > 50 && fills > 50 && modifies > 50, "a day with trading: " + sends + " orders, " + fills
                + " fills, " + modifies + " modifies");
        int stop = backtest.indexOf(backtest.stream().filter(l -> l.endsWith(" stop")).findFirst().orElseThrow());
        assertTrue(stop < backtest.size() - 1 && backtest.get(stop + 1).contains(" cancel "),
                "the quotes are pulled at the stop and their reports still arrive: " + backtest.subList(stop,
                        backtest.size()));
        for (int i = 0; i < Math.min(backtest.size(), live.size()); i++) {
            assertEquals(backtest.get(i), live.get(i), "line " + i + " of " + backtest.size());
        }
        assertEquals(backtest.subList(Math.min(backtest.size(), live.size()), backtest.size()),
                live.subList(Math.min(backtest.size(), live.size()), live.size()), "the same end");
    }

    /** A day of an L2 market with trades: one event every 10 ms. @return its book queue. */
    private Path archiveDay(Path root) {
        MarketIds.Ids ids = MarketIds.assign(root, "kraken", "XBT/USD");
        Path queue = new BusLayout(root, root).importQueue("kraken", "XBT/USD", LocalDate.of(2026, 11, 22), "book");
        SyntheticMarket market = new SyntheticMarket(ids.venueId(), new long[] {ids.marketId()}, 300, 3);
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive().withSegmentSize(1 << 20));
             QueueWriter writer = q.createWriter()) {
            for (int i = 0; i < EVENTS; i++) {
                long ts = T0 + i * 10_000_000L + (i * 7919L % 3_000_000L); // uneven gaps
                int length = market.next(scratch, 0, ts);
                writer.append(market.lastType(), ts, scratch, 0, length);
            }
        }
        return queue;
    }

    private static RecordingStrategy marketMaker() {
        return new RecordingStrategy(Strategies.create(PluginHost.forRuntimeImage(), "market-maker", PARAMS)
                .strategy());
    }

    private static List<String> backtest(Path archive) {
        RecordingStrategy recorder = marketMaker();
        BacktestResult result = BacktestRunner.builder().archive(archive).venue("kraken").symbol("XBT/USD")
                .from(T0).to(T0 + EVENTS * 10_000_000L).latency(LATENCY).queueModel(QUEUE).fees(FEES)
                .strategy("market-maker", Map.of(), recorder).build().run();
        assertTrue(result.summary().fills() > 0, "the backtest filled");
        return recorder.lines();
    }

    /**
     * @param archivedBook the day's book queue.
     * @param replayed     whether {@code chronicle replay} wrote the day onto the bus already (else a writer thread
     *                     copies it while the strategy and the venue run).
     */
    private List<String> live(Path archivedBook, boolean replayed) throws InterruptedException {
        Path bus = dir.resolve("bus");
        MarketIds.Ids onBus = MarketIds.assign(bus, "kraken", "XBT/USD");
        assertEquals(MarketIds.assign(dir.resolve("imports"), "kraken", "XBT/USD"), onBus, "the same ids");
        Path replay = new BusLayout(bus, bus.resolve("archive")).liveQueue("market_data", "replay");
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        RecordingStrategy recorder = marketMaker();
        try (ChronicleQueue out = ChronicleQueue.open(replay, QueueOptions.hotIpc().withSegmentSize(4 << 20))) {
            QueueWriter writer = replayed ? null : out.createWriter();
            Router router = Router.builder(bus).strategies(List.of("mm"))
                    .venue(Venues.paper(replay, LATENCY, QUEUE, FEES, ClockMode.MARKET, List.of("mm")))
                    .scanInterval(Duration.ofMillis(50)).log(log::add).build().start();
            ChronicleApp app = ChronicleApp.builder("mm").bus(bus).marketQueue(replay).subscribe("kraken", "XBT/USD")
                    .strategy(recorder).clock(ClockMode.MARKET).stopOnSignals(false).log(log::add).build().start();
            if (!replayed) {
                Thread replayer = Thread.ofPlatform().name("replay").start(() -> copy(archivedBook, writer));
                replayer.join(60_000);
            }
            assertTrue(app.awaitStopped(Duration.ofSeconds(120)), "the application stops by itself at the end "
                    + "of the replay: " + log);
            assertNull(app.failure(), () -> "no failure: " + log);
            router.close();
            assertNull(router.failure(), () -> "no router failure: " + log);
        }
        return recorder.lines();
    }

    /** Copies a queue's records with their timestamps, a few at a time, then closes the writer: the replay ends. */
    private static void copy(Path from, QueueWriter writer) {
        try (ChronicleQueue in = ChronicleQueue.openExisting(from);
             QueueReader reader = in.createReader(StartPosition.earliest())) {
            int n;
            while ((n = reader.poll((type, sequence, timestamp, buffer, offset, length) ->
                    writer.append(type, timestamp, buffer, offset, length), 97)) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
            assertTrue(n == 0, "read to the end");
        } finally {
            writer.close();
        }
    }
}
