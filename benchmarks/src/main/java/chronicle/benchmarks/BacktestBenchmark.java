package chronicle.benchmarks;

import chronicle.api.spi.Parameters;
import chronicle.api.strategy.Strategy;
import chronicle.bus.api.BusLayout;
import chronicle.bus.api.MarketIds;
import chronicle.core.api.QueueReader;
import chronicle.plugin.strategy.examples.MarketMakerFactory;
import chronicle.protocol.api.SyntheticMarket;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.ReplayEngine;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestRunner;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Backtest speed against plain replay of the same data, side by side (targets: at least 10 M events/s with a
 * strategy that does nothing and at least 0.7x plain replay; at least 3 M events/s with the example market maker).
 *
 * <p>The data: one imported-style day of one market under an archive root ({@code ids.json} and
 * {@code <root>/demo/SYM-USD/<date>/book/queue}), {@code events} {@code SyntheticMarket} events (L2 diffs, trades
 * and a venue snapshot every 100,000 events) spread over the day; built per trial under {@code bench.dir} and
 * deleted after it.
 * <ul>
 *   <li>{@code noop}: a backtest of the whole day with a strategy that implements no callback: merge, replay,
 *       the simulated exchange's bookkeeping, marking and sampling the equity, the callbacks.</li>
 *   <li>{@code marketMaker}: the same with the example {@code market-maker} (half-spread 0, requote 1 s), 50 us
 *       latency each way, the power-2 queue model, maker and taker fees: orders, fills, accounting.</li>
 *   <li>{@code replay}: the same queue read from the start by a {@link QueueReader} into a {@link ReplayEngine}:
 *       the books alone.</li>
 * </ul>
 * Single-shot time per pass (ms); events per second are {@code events} / time.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS, JvmFlags.QUIET_COMPILE_COMMANDS,
        JvmFlags.EARLY_JOURNAL_COMPILE})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BacktestBenchmark {

    private static final String VENUE = "demo";
    private static final String SYMBOL = "SYM-USD";

    /** Market events in the day. */
    @Param({"5000000"})
    int events;

    Path work;
    Path queue;

    @Setup(Level.Trial)
    public void writeDay() {
        QuietLogs.warningsOnly();
        work = BenchDirs.create("backtest-");
        MarketIds.Ids ids = MarketIds.assign(work, VENUE, SYMBOL);
        queue = new BusLayout(work, work).importQueue(VENUE, SYMBOL,
                Instant.ofEpochSecond(0, SyntheticDay.DAY_START).atZone(ZoneOffset.UTC).toLocalDate(), "book");
        SyntheticQueues.write(queue, ids.venueId(), new long[] {ids.marketId()}, events,
                (SyntheticDay.DAY_NANOS - 1) / events);
    }

    @TearDown(Level.Trial)
    public void deleteWork() {
        BenchDirs.delete(work);
    }

    private BacktestResult backtest(Strategy strategy, LatencyModel latency, QueueModel queue, FeeModel fees) {
        BacktestResult result = BacktestRunner.builder().archive(work).venue(VENUE).symbol(SYMBOL)
                .from(SyntheticDay.DAY_START).to(SyntheticDay.DAY_START + SyntheticDay.DAY_NANOS - 1)
                .latency(latency).queueModel(queue).fees(fees).strategy("bench", Map.of(), strategy).build().run();
        if (result.events() < events * 9L / 10) {
            throw new IllegalStateException("backtested " + result.events() + " of " + events + " events");
        }
        return result;
    }

    @Benchmark
    public long noop() {
        return backtest(new Strategy() { }, LatencyModel.none(), QueueModel.riskAverse(), FeeModel.NONE).events();
    }

    @Benchmark
    public long marketMaker() {
        MarketMakerFactory factory = new MarketMakerFactory();
        Strategy strategy = factory.create(Parameters.parse("market-maker", factory.parameters(),
                List.of("half-spread=0", "requote=1s")));
        BacktestResult result = backtest(strategy, LatencyModel.constant(Duration.ofNanos(50_000)),
                QueueModel.power(2), new FeeModel(-0.0001, 0.0004, FeeModel.Basis.VALUE));
        if (result.summary().orders() == 0) {
            throw new IllegalStateException("the market maker sent no order");
        }
        return result.summary().fills();
    }

    @Benchmark
    public long replay() {
        return SyntheticQueues.replayWhole(queue, GapPolicy.RESET_AND_WAIT, events, "events");
    }
}
