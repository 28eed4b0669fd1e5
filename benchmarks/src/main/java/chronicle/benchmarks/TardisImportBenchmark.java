package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.Durability;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.ingest.spi.EventSink;
import chronicle.ingest.spi.ImportRequest;
import chronicle.ingest.spi.ImportSource;
import chronicle.ingest.spi.OnError;
import chronicle.plugin.importer.tardis.TardisAdapter;
import chronicle.protocol.api.GapReason;
import org.agrona.DirectBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Tardis import throughput: one thread parses a generated Kraken-like {@code incremental_book_L2} CSV of
 * {@value #ROWS} rows (a snapshot block of 2 x 100 levels, then messages of 1-8 rows, every 10th row another
 * symbol's) through {@link TardisAdapter} and appends every record to a fresh queue ({@link QueueWriter}, 1 GiB
 * segments, {@link Durability#PAGE_CACHE}), bypassing the import pipeline. One operation is one input row: the
 * score is rows/s on one core. The file is written once per trial; each invocation imports it into a new queue,
 * deleted afterwards.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.XMS, JvmFlags.XMX, JvmFlags.PRETOUCH_HEAP, JvmFlags.JMH_UNSAFE,
        JvmFlags.AGRONA_UNSAFE, JvmFlags.NATIVE_ACCESS,
            JvmFlags.QUIET_COMPILE_COMMANDS, JvmFlags.EARLY_JOURNAL_COMPILE})
public class TardisImportBenchmark {

    static final int ROWS = 2_000_000;
    /** 2026-01-01T00:00Z in microseconds: no daily roll during a run. */
    static final long EPOCH_MICROS = 1_767_225_600_000_000L;

    @State(Scope.Benchmark)
    public static class Input {
        Path dir;
        Path csv;

        @Setup(Level.Trial)
        public void write() throws IOException {
            dir = BenchDirs.create("tardis-import-");
            csv = dir.resolve("kraken_incremental_book_L2_XBT-USD.csv");
            generate(csv, ROWS, 42);
        }

        @TearDown(Level.Trial)
        public void delete() {
            BenchDirs.delete(dir);
        }
    }

    @State(Scope.Thread)
    public static class Target implements EventSink {
        Path queueDir;
        ChronicleQueue queue;
        QueueWriter writer;
        long records;
        int invocation;

        @Setup(Level.Invocation)
        public void open(Input input) {
            queueDir = input.dir.resolve("q" + invocation++);
            queue = ChronicleQueue.open(queueDir, QueueOptions.hotIpc()
                    .withSegmentSize(QueueOptions.MAX_SEGMENT_SIZE)
                    .withDurability(Durability.PAGE_CACHE));
            writer = queue.createWriter();
        }

        @TearDown(Level.Invocation)
        public void close() {
            writer.close();
            queue.close();
            BenchDirs.delete(queueDir);
        }

        @Override
        public void append(int type, long journalTimestamp, DirectBuffer buffer, int offset, int length) {
            long seq = writer.append(type, journalTimestamp, buffer, offset, length);
            if (seq < 0) {
                throw new IllegalStateException("append failed with status " + seq);
            }
            records++;
        }

        @Override
        public void gap(long journalTimestamp, long fromId, long toId, GapReason reason, String note) {
            throw new IllegalStateException("unexpected gap: " + note);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long importRows(Input input, Target target) throws IOException {
        ImportRequest request = new ImportRequest(List.of(input.csv), "kraken", "XBT/USD", "book", 1, 1,
                OnError.FAIL, Files::newInputStream);
        try (ImportSource source = new TardisAdapter().open(request)) {
            while (source.next(target)) {
                // drain
            }
            if (source.rows() != ROWS) {
                throw new IllegalStateException("read " + source.rows() + " rows of " + ROWS);
            }
        }
        return target.records;
    }

    /** Writes a header and {@code rows} rows: a snapshot block, then diff messages of 1-8 rows. */
    static void generate(Path file, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(128);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
            long local = EPOCH_MICROS;
            long mid = 9_000_000; // price in tenths: 900000.0
            int written = 0;
            int snapshot = 200;
            while (written < rows) {
                boolean isSnapshot = snapshot > 0;
                int group = isSnapshot ? snapshot : 1 + random.nextInt(8);
                local += 1 + random.nextInt(2000);
                long exchange = local - 100 - random.nextInt(900);
                for (int i = 0; i < group && written < rows; i++) {
                    if (written % 10 == 9) {
                        row(line, "ETH/USD", exchange, local, false, random.nextBoolean(), 30_000 + random.nextInt(100),
                                random, out);
                        written++;
                        if (written >= rows) {
                            break;
                        }
                    }
                    boolean bid = isSnapshot ? i < snapshot / 2 : random.nextBoolean();
                    long price = isSnapshot ? (bid ? mid - 1 - i : mid + 1 + i - snapshot / 2)
                            : (bid ? mid - 1 - random.nextInt(100) : mid + 1 + random.nextInt(100));
                    row(line, "XBT/USD", exchange, local, isSnapshot, bid, price, random, out);
                    written++;
                }
                snapshot = 0;
                if (random.nextInt(64) == 0) {
                    mid += random.nextInt(11) - 5;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(StringBuilder line, String symbol, long exchange, long local, boolean snapshot,
                            boolean bid, long tenths, SplittableRandom random, BufferedWriter out) throws IOException {
        line.setLength(0);
        line.append("kraken,").append(symbol).append(',').append(exchange).append(',').append(local).append(',')
                .append(snapshot).append(',').append(bid ? "bid" : "ask").append(',')
                .append(tenths / 10).append('.').append(tenths % 10).append(',');
        if (!snapshot && random.nextInt(4) == 0) {
            line.append('0');
        } else {
            long amount = 1 + random.nextLong(1_000_000_000L); // up to 10 with 8 decimals
            line.append(amount / 100_000_000L).append('.');
            String decimals = Long.toString(amount % 100_000_000L);
            for (int i = decimals.length(); i < 8; i++) {
                line.append('0');
            }
            line.append(decimals);
        }
        line.append('\n');
        out.append(line);
    }
}
