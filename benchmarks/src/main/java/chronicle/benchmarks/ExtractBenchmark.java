package chronicle.benchmarks;

import chronicle.etl.api.ExtractProgress;
import chronicle.etl.api.ExtractRequest;
import chronicle.etl.api.ExtractSummary;
import chronicle.etl.api.Extractor;
import chronicle.etl.api.Sampling;
import chronicle.etl.testing.Extracts;
import chronicle.etl.testing.TardisArchive;
import chronicle.pluginhost.api.PluginHost;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parquet extract throughput beside DuckDB's own Parquet writer, in one run. The input is one market day imported
 * from a generated Tardis {@code incremental_book_L2} file ({@value #MESSAGES} diff messages); the extract writes
 * a book row after every event with {@value #FEATURES}, zstd-compressed.
 * <ul>
 *   <li>{@code chronicleParquet}: {@code chronicle-etl extract --every-event --format parquet}: reading the
 *       archive, replaying the book, computing the features and writing Parquet, on one thread;</li>
 *   <li>{@code duckDbCopy}: {@code COPY (SELECT * FROM book) TO 'x.parquet' (FORMAT parquet, COMPRESSION zstd)}
 *       of the same rows, already in an in-memory DuckDB table ({@code SET threads = 1}): writing only.</li>
 * </ul>
 * The score to compare is the {@code rows} counter (rows/s); the target is chronicleParquet at least half of
 * duckDbCopy. One operation is one whole extract (or copy) into a fresh folder.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS, JvmFlags.QUIET_COMPILE_COMMANDS,
        JvmFlags.EARLY_JOURNAL_COMPILE})
public class ExtractBenchmark {

    static final int MESSAGES = 300_000;
    static final String FEATURES = "mid,spread,microprice,imbalance,levels:5";
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    /** The archive, the request, and DuckDB holding the same rows in memory. */
    @State(Scope.Benchmark)
    public static class Input {
        Path dir;
        ExtractRequest request;
        Extractor extractor;
        long rows;
        Connection duckDb;
        int run;

        @Setup(Level.Trial)
        public void prepare() throws SQLException {
            dir = BenchDirs.create("extract-");
            TardisArchive archive = TardisArchive.build(dir.resolve("archive"), dir.resolve("vendor"),
                    List.of("XBT/USD"), List.of(DAY), MESSAGES);
            extractor = new Extractor(PluginHost.of(dir.resolve("no-plugins")));
            request = Extracts.request(archive, List.of("XBT/USD"), DAY, DAY.plusDays(1), FEATURES,
                    new Sampling.EveryEvent(), "parquet", dir.resolve("seed").toString(), null);
            ExtractSummary seed = extractor.run(request, ExtractProgress.NONE);
            rows = seed.rows();
            duckDb = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement sql = duckDb.createStatement()) {
                sql.execute("SET threads = 1");
                sql.execute("CREATE TABLE book AS SELECT * FROM read_parquet('" + dir.resolve("seed")
                        + "/book/**/*.parquet')");
                try (ResultSet count = sql.executeQuery("SELECT count(*) FROM book")) {
                    count.next();
                    if (count.getLong(1) != rows) {
                        throw new IllegalStateException("DuckDB holds " + count.getLong(1) + " rows, not " + rows);
                    }
                }
            }
        }

        Path nextOut() {
            return dir.resolve("out-" + run++);
        }

        @TearDown(Level.Trial)
        public void delete() throws SQLException {
            duckDb.close();
            BenchDirs.delete(dir);
        }
    }

    /** Rows written, reported by JMH per second beside the operations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rows {
        /** Rows written in this iteration. */
        public long rows;

        @Setup(Level.Iteration)
        public void reset() {
            rows = 0;
        }
    }

    @Benchmark
    public long chronicleParquet(Input input, Rows counter) {
        ExtractRequest r = input.request;
        ExtractSummary summary = input.extractor.run(new ExtractRequest(r.archiveRoot(), r.config(), r.venue(),
                r.symbols(), r.from(), r.to(), r.features(), r.sampling(), r.gapPolicy(), r.format(), r.compression(),
                input.nextOut().toString(), r.rowGroupRows()), ExtractProgress.NONE);
        counter.rows += summary.rows();
        return summary.bytes();
    }

    @Benchmark
    public long duckDbCopy(Input input, Rows counter) throws SQLException {
        Path out = input.nextOut();
        try (Statement sql = input.duckDb.createStatement()) {
            sql.execute("COPY (SELECT * FROM book) TO '" + out + ".parquet' (FORMAT parquet, COMPRESSION zstd)");
        }
        counter.rows += input.rows;
        return input.rows;
    }
}
