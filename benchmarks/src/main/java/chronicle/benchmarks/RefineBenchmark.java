package chronicle.benchmarks;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.QueueReader;
import chronicle.etl.api.Refinery;
import chronicle.etl.api.RefineryConfig;
import chronicle.protocol.api.SyntheticMarket;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.ReplayEngine;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The refinery against plain replay of the same raw queue, side by side (targets: refine at least 5 M raw events/s on
 * one thread, and at least 0.5x plain replay).
 *
 * <p>The raw queue: {@code events} {@code SyntheticMarket} events of {@code symbols} named markets of venue
 * {@code demo} (registered in the work root's {@code ids.json}), 4.32 ms apart (a day's spacing for 20 M events),
 * a venue snapshot of each market every 100,000 of its events, in an archive-profile queue; built per trial under
 * {@code bench.dir} and deleted after it.
 * <ul>
 *   <li>{@code refine}: one {@link Refinery} pass over the whole raw queue ({@code --once}) into an empty clean root:
 *       every record demultiplexed into its market's book or trades queue of the day, with the raw sequence in its
 *       header, the book kept, a snapshot injected every 60 s of exchange time, the clean queues staged and the
 *       position committed every 65,536 raw records and at the tail (as {@code chronicle-etl refine} does). Opening
 *       the refinery and closing it (which forces the clean queues to disk, as a live refinery does once per
 *       128 MiB segment) are outside the timing, as is deleting the clean root.</li>
 *   <li>{@code replay}: the same raw queue read from the start by a {@link QueueReader} into a {@link ReplayEngine}
 *       of every market: the books alone, nothing written.</li>
 *   <li>{@code floor}: the least any refinery must do on this machine ({@link RefineFloor}): the books and snapshot
 *       schedules as the refinery keeps them, and each record copied once with its checksum and the raw sequence
 *       into a file of its market and stream through {@code write(2)}, without a journal.</li>
 * </ul>
 * Single-shot time per pass (ms); raw events per second are {@code events} / time.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS, JvmFlags.QUIET_COMPILE_COMMANDS,
        JvmFlags.EARLY_JOURNAL_COMPILE})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RefineBenchmark {

    /** Raw events. */
    @Param({"5000000"})
    int events;

    /** Markets. */
    @Param({"8"})
    int symbols;

    Path work;
    Path raw;
    int maxMarketId;

    @Setup(Level.Trial)
    public void writeRawQueue() {
        QuietLogs.warningsOnly();
        work = BenchDirs.create("refine-");
        MarketRegistry registry = MarketRegistry.open(work);
        long[] markets = new long[symbols];
        int venue = 0;
        for (int i = 0; i < symbols; i++) {
            MarketIds.Ids ids = registry.assign("demo", "SYM" + i + "-USD");
            venue = ids.venueId();
            markets[i] = ids.marketId();
            maxMarketId = Math.max(maxMarketId, (int) ids.marketId());
        }
        raw = work.resolve("streams").resolve("raw").resolve("demo").resolve("queue");
        SyntheticQueues.write(raw, venue, markets, events, 86_400_000_000_000L / 20_000_000L);
    }

    @TearDown(Level.Trial)
    public void deleteWork() {
        BenchDirs.delete(work);
    }

    /** A refinery opened before each {@code refine} operation into an empty clean root, closed after it. */
    @State(Scope.Thread)
    public static class OpenRefinery {
        Refinery refinery;
        Path sink;
        int operation;
        long expected;

        @Setup(Level.Invocation)
        public void open(RefineBenchmark bench) {
            sink = bench.work.resolve("clean-" + operation++);
            expected = bench.events;
            refinery = Refinery.open(new RefineryConfig(bench.raw, sink, List.of(), Duration.ofMinutes(1),
                    "bench-" + operation));
        }

        @TearDown(Level.Invocation)
        public void close() {
            Refinery.Stats stats = refinery.stats();
            refinery.close();
            BenchDirs.delete(sink);
            if (stats.read() != expected || stats.written() != expected) {
                throw new IllegalStateException("refined " + stats + " of " + expected + " raw events");
            }
        }
    }

    /** The floor's files, in a new folder before each {@code floor} operation, deleted after it. */
    @State(Scope.Thread)
    public static class OpenFloor {
        RefineFloor floor;
        Path dir;
        int operation;
        long expected;

        @Setup(Level.Invocation)
        public void open(RefineBenchmark bench) throws java.io.IOException {
            dir = java.nio.file.Files.createDirectories(bench.work.resolve("floor-" + operation++));
            expected = bench.events;
            floor = new RefineFloor(dir, bench.maxMarketId + 1);
        }

        @TearDown(Level.Invocation)
        public void close() {
            floor.close();
            BenchDirs.delete(dir);
        }
    }

    @Benchmark
    public long refine(OpenRefinery open) {
        open.refinery.run(() -> true, true, 0);
        return open.refinery.stats().snapshots();
    }

    @Benchmark
    public long floor(OpenFloor open) {
        long copied = open.floor.run(raw);
        if (copied != open.expected) {
            throw new IllegalStateException("floor copied " + copied + " of " + open.expected + " raw events");
        }
        return copied;
    }

    @Benchmark
    public long replay() {
        return SyntheticQueues.replayWhole(raw, GapPolicy.FAIL, events, "raw events");
    }
}
