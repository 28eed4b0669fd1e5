package chronicle.cli.internal;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code chronicle bench}: a quick check of this machine's journal throughput and latency, in a temporary queue
 * that is deleted afterwards. Not a benchmark: the JMH benchmarks in {@code benchmarks/} are.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Quick check of journal throughput and latency on this machine (not a JMH benchmark).",
        description = {"Quick local check of the journal on this machine (not a JMH benchmark): appends N messages "
                + "of SIZE bytes to a temporary queue and prints append throughput, reads them back and prints read "
                + "throughput, then measures one-way latency from a writer thread to a busy-spinning reader thread "
                + "(System.nanoTime in the payload) and prints its percentiles. The temporary queue is deleted "
                + "afterwards.",
                "Uses two busy threads during the latency run; expect +-30%% between runs on a shared machine."})
final class BenchCommand implements Callable<Integer> {

    private static final int TYPE = 1;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to create the temporary queue (default: java.io.tmpdir). Use the disk to test.")
    Path dir;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "1000000",
            description = "Messages for the throughput runs (default ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "64", converter = Units.SizeConverter.class,
            description = "Payload bytes per message (default ${DEFAULT-VALUE}).")
    long size;

    @Option(names = "--latency-messages", paramLabel = "N", defaultValue = "100000",
            description = "Messages in the latency sample (default ${DEFAULT-VALUE}; 0: skip).")
    int latencyMessages;

    @Option(names = "--rate", paramLabel = "MSG_PER_S", defaultValue = "100000",
            description = "Send rate of the latency run (default ${DEFAULT-VALUE} messages per second).")
    long rate;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "200000",
            description = "Messages appended and read first, untimed, to warm up the JIT (default ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--segment-size", paramLabel = "SIZE", defaultValue = "128MiB",
            converter = Units.SizeConverter.class, description = "Segment size (default ${DEFAULT-VALUE}).")
    long segmentSize;

    @Spec
    CommandSpec spec;

    /** Keeps the JIT from discarding what the read loop computes. */
    static volatile long blackhole;

    @Override
    public Integer call() throws IOException, InterruptedException {
        QueueOptions options = options();
        Path parent = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException(parent + ": no such directory");
        }
        long recordBytes = (24 + size + 7) & ~7L;
        long needed = Math.max(Math.max(messages, warmup), latencyMessages) * recordBytes + 2 * segmentSize;
        long free = Files.getFileStore(parent).getUsableSpace();
        if (needed > free) {
            throw new IllegalArgumentException(parent + ": the run needs about " + Units.bytes(needed) + " but only "
                    + Units.bytes(free) + " is free; lower --messages or use --dir on a larger disk");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory(parent, "chronicle-bench-");
        try {
            out.printf(Locale.ROOT, "bench: %,d messages of %d B in %s, segments of %s (a quick check, not a "
                    + "benchmark: see benchmarks/ for JMH)%n", messages, size, work, Units.bytes(segmentSize));
            out.flush();
            if (warmup > 0) {
                Path q = work.resolve("warmup");
                appendAndRead(q, warmup, options);
                deleteTree(q);
            }
            Path q = work.resolve("throughput");
            long[] nanos = appendAndRead(q, messages, options);
            out.println(throughput("append ", messages, nanos[0]));
            out.println(throughput("read   ", messages, nanos[1]));
            out.flush();
            deleteTree(q);
            if (latencyMessages > 0) {
                long[] samples = latency(work.resolve("latency"), options);
                Arrays.sort(samples);
                out.printf(Locale.ROOT, "latency  %,d msg of %d B at %,d msg/s, writer thread -> busy-spinning "
                                + "reader thread, us: p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n", samples.length,
                        Math.max(size, Long.BYTES), rate, micros(samples, 0.50), micros(samples, 0.90),
                        micros(samples, 0.99), micros(samples, 0.999), micros(samples, 1.0));
            }
        } finally {
            deleteTree(work);
        }
        return Main.OK;
    }

    private QueueOptions options() {
        CommandLine cl = spec.commandLine();
        if (messages < 1 || warmup < 0 || latencyMessages < 0 || rate < 1 || size < 0) {
            throw new CommandLine.ParameterException(cl, "--messages and --rate must be >= 1, --warmup, "
                    + "--latency-messages and --size >= 0");
        }
        QueueOptions options;
        try {
            options = QueueOptions.hotIpc().withSegmentSize((int) Math.min(Integer.MAX_VALUE, segmentSize));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--segment-size: " + e.getMessage());
        }
        long maxPayload = segmentSize - 128 - 8 - 24;
        if (Math.max(size, Long.BYTES) > maxPayload) {
            throw new CommandLine.ParameterException(cl, "--size " + size + " does not fit a segment of "
                    + segmentSize + " bytes (at most " + maxPayload + "); raise --segment-size");
        }
        return options;
    }

    /** @return nanoseconds to append, then to read, {@code n} messages. */
    private long[] appendAndRead(Path q, long n, QueueOptions options) {
        int length = (int) size;
        UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(length, 1)));
        for (int i = 0; i < length; i++) {
            payload.putByte(i, (byte) i);
        }
        long ts0 = System.currentTimeMillis() * 1_000_000L;
        long[] nanos = new long[2];
        try (ChronicleQueue queue = ChronicleQueue.open(q, options)) {
            try (QueueWriter writer = queue.createWriter()) {
                long start = System.nanoTime();
                for (long i = 0; i < n; i++) {
                    long seq = writer.append(TYPE, ts0 + i, payload, 0, length);
                    if (seq < 0) {
                        throw new IllegalStateException("append failed with status " + seq);
                    }
                }
                nanos[0] = System.nanoTime() - start;
            }
            try (QueueReader reader = queue.createReader(StartPosition.earliest())) {
                Counter counter = new Counter();
                long start = System.nanoTime();
                while (counter.count < n) {
                    int got = reader.poll(counter, 1024);
                    if (got <= 0) {
                        throw new IllegalStateException("read back stopped after " + counter.count + " of " + n
                                + " messages" + (got < 0 ? ": " + reader.lastError() : ""));
                    }
                }
                nanos[1] = System.nanoTime() - start;
                blackhole = counter.sum;
            }
        }
        return nanos;
    }

    /** @return one-way latencies in nanoseconds, unsorted. */
    private long[] latency(Path q, QueueOptions options) throws InterruptedException {
        int n = latencyMessages;
        int length = (int) Math.max(size, Long.BYTES);
        long[] samples = new long[n];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(1);
        try (ChronicleQueue queue = ChronicleQueue.open(q, options); QueueWriter writer = queue.createWriter()) {
            Thread reader = Thread.ofPlatform().name("chronicle-bench-reader").daemon().start(() -> {
                try (QueueReader r = queue.createReader(StartPosition.latest())) {
                    ready.countDown();
                    LatencyRecorder recorder = new LatencyRecorder(samples);
                    while (recorder.count < n && !stop.get()) {
                        int got = r.poll(recorder, 64);
                        if (got < 0) {
                            throw new IllegalStateException(r.lastError());
                        }
                        if (got == 0) {
                            Thread.onSpinWait();
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    ready.countDown();
                }
            });
            ready.await();
            UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(length));
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; i < n && failure.get() == null; i++) {
                while (System.nanoTime() - next < 0) {
                    Thread.onSpinWait();
                }
                next += interval;
                payload.putLong(0, System.nanoTime());
                if (writer.append(TYPE, i, payload, 0, length) < 0) {
                    throw new IllegalStateException("append failed in the latency run");
                }
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            if (reader.isAlive()) {
                stop.set(true);
                reader.join();
                failure.compareAndSet(null, new IllegalStateException("the reader did not receive every message "
                        + "within 30 s"));
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("latency reader failed: " + failure.get().getMessage(), failure.get());
        }
        return samples;
    }

    private String throughput(String what, long n, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%s  %,d msg in %.1f ms: %.2f M msg/s, %.1f MB/s of payload", what, n,
                nanos / 1e6, n / seconds / 1e6, n * size / seconds / 1e6);
    }

    private static String micros(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length) - 1;
        long nanos = sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
        return String.format(Locale.ROOT, nanos < 10_000 ? "%.2f" : "%.1f", nanos / 1e3);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Counts records and touches each payload. */
    private static final class Counter implements RecordHandler {
        long count;
        long sum;

        @Override
        public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
            count++;
            sum += length > 0 ? buffer.getByte(offset) + length : sequence;
        }
    }

    /** Records now minus the send time carried in the payload. */
    private static final class LatencyRecorder implements RecordHandler {
        final long[] samples;
        int count;

        LatencyRecorder(long[] samples) {
            this.samples = samples;
        }

        @Override
        public void onRecord(int type, long sequence, long timestamp, DirectBuffer buffer, int offset, int length) {
            long now = System.nanoTime();
            if (count < samples.length) {
                samples[count++] = now - buffer.getLong(offset);
            }
        }
    }
}
