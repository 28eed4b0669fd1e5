package chronicle.benchmarks;

import chronicle.bus.api.MarketIds;
import chronicle.bus.api.MarketRegistry;
import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.StartPosition;
import chronicle.ingest.api.ImportJob;
import chronicle.ingest.api.ImportPipeline;
import chronicle.ingest.api.ImportResult;
import chronicle.ingest.spi.OnError;
import chronicle.plugin.importer.tardis.TardisAdapter;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.SnapshotInjector;
import chronicle.replay.api.WarmStart;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * "The book at T" of an imported day: a generated Tardis {@code incremental_book_L2} day of {@code rows} rows
 * ({@link TardisImportBenchmark#generate}: about 74 minutes of XBT/USD for 20 M rows, every 10th row another symbol's),
 * imported by the {@link ImportPipeline} with the snapshot injection of {@code chronicle import} (one snapshot every
 * 60 s of exchange time), built once and cached under {@code bench.dir} ({@code chronicle-tardis-day-<rows>}).
 *
 * <p>Each operation is the warm start of {@code chronicle book --at T}: T uniform over the day (seeded), the
 * snapshot record found through the journal's time index, replay to T. The trial set-up checks, at 200 of those T,
 * that replay began at an injected snapshot at most 60 s of exchange time before T and gives the same book as a
 * replay from the start of the day; it prints the largest distance and the records read.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS, JvmFlags.QUIET_COMPILE_COMMANDS,
        JvmFlags.EARLY_JOURNAL_COMPILE})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class ImportedBookAtTimeBenchmark {

    static final int TIMES = 4096;

    /** Rows of the generated day. */
    @Param({"20000000"})
    int rows;

    Path queue;
    MarketIds.Ids ids;
    final long[] times = new long[TIMES];
    int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        QuietLogs.warningsOnly();
        Path root = importedDay(rows);
        ids = MarketRegistry.open(root).resolve("kraken", "XBT/USD");
        try (var days = Files.list(root.resolve("kraken").resolve("XBT%2FUSD"))) {
            queue = days.toList().getFirst().resolve("book").resolve("queue");
        }
        long first;
        long last;
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue)) {
            first = timeAt(q, StartPosition.earliest());
            try (QueueReader tail = q.createReader(StartPosition.latest())) {
                last = timeAt(q, StartPosition.sequence(tail.nextSequence() - 1));
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < TIMES; i++) {
            times[i] = first + 2 * SnapshotInjector.DEFAULT_INTERVAL.toNanos()
                    + random.nextLong(last - first - 2 * SnapshotInjector.DEFAULT_INTERVAL.toNanos());
        }
        check();
    }

    /** At 200 T: replay began at an injected snapshot at most 60 s before T, and the book equals a full replay. */
    private void check() {
        long farthest = 0;
        long records = 0;
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue)) {
            for (int i = 0; i < 200; i++) {
                long at = times[i];
                WarmStart.Result warm = bookAt(at);
                long start = timeAt(q, StartPosition.sequence(warm.replayFrom()));
                if (!warm.inStream() || at - start > SnapshotInjector.DEFAULT_INTERVAL.toNanos()) {
                    throw new IllegalStateException("at " + at + ": replay began " + (at - start) + " ns before T ("
                            + warm + ")");
                }
                if (i < 20) {
                    WarmStart.Result full = WarmStart.bookAt(q.directory(), null, n -> null, ids.venueId(),
                            ids.marketId(), at, GapPolicy.FAIL, 0, null);
                    if (full.book().hash() != warm.book().hash()) {
                        throw new IllegalStateException("at " + at + ": the warm start's book differs");
                    }
                }
                farthest = Math.max(farthest, at - start);
                records += warm.records();
            }
        }
        System.err.printf(Locale.ROOT, "[imported] 200 T: replay began at an injected snapshot at most %.1f s "
                + "before T, %d records read on average%n", farthest / 1e9, records / 200);
    }

    private static long timeAt(ChronicleQueue q, StartPosition at) {
        long[] time = {Long.MIN_VALUE};
        try (QueueReader reader = q.createReader(at)) {
            reader.poll((type, sequence, timestamp, buffer, offset, length) -> time[0] = timestamp, 1);
        }
        return time[0];
    }

    /** The generated day imported with snapshots, cached under bench.dir. */
    private static Path importedDay(int rows) throws IOException {
        Path root = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")))
                .resolve("chronicle-tardis-day-" + rows);
        Path done = root.resolve("complete");
        if (Files.exists(done)) {
            return root;
        }
        BenchDirs.delete(root);
        Path archive = Files.createDirectories(root);
        Path csv = root.resolve("kraken_incremental_book_L2_XBT-USD.csv");
        long started = System.nanoTime();
        TardisImportBenchmark.generate(csv, rows, 42);
        long generated = System.nanoTime();
        SnapshotInjector injector = new SnapshotInjector(SnapshotInjector.DEFAULT_INTERVAL, 0);
        ImportResult result = new ImportPipeline(Files::newInputStream).run(new ImportJob("tardis", List.of(csv),
                        archive, "kraken", "XBT/USD", null, "book", OnError.FAIL, false), new TardisAdapter(), "bench",
                (r, e, b, t) -> { },
                (type, sequence, timestamp, buffer, offset, length, out) ->
                        injector.onRecord(type, sequence, timestamp, buffer, offset, length, out::append));
        Files.delete(csv);
        Files.createFile(done);
        System.err.printf(Locale.ROOT, "[imported] %d rows generated in %.1f s, imported in %.1f s: %d events, %d "
                        + "snapshots injected%n", result.rows(), (generated - started) / 1e9,
                (System.nanoTime() - generated) / 1e9, result.events(), result.added());
        return root;
    }

    private WarmStart.Result bookAt(long at) {
        return WarmStart.bookAt(queue, null, n -> null, ids.venueId(), ids.marketId(), at, GapPolicy.FAIL, 0, null);
    }

    @Benchmark
    public long bookAt() {
        return bookAt(times[next++ & (TIMES - 1)]).book().hash();
    }
}
