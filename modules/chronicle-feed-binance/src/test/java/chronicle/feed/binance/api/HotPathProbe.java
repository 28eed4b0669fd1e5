package chronicle.feed.binance.api;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Bytes allocated (and, roughly, time taken) per message on the feed's hot path, {@link BinanceNormalizer#onMessage},
 * without JMH: captured messages ({@link CapturedMessages}) are normalized and appended to a real queue in a temporary
 * folder, and the thread's allocation counter is read before and after. The allocation test asserts the bytes; the
 * time is for a quick look ({@code main}), never asserted. When the prepared messages are used up the book is
 * resynchronised from {@link CapturedMessages#snapshot()}, as in the JMH benchmark.
 */
public final class HotPathProbe implements AutoCloseable {

    /** What one run measured. */
    public record Result(long messages, long allocatedBytes, long nanos, long cpuNanos, long badMessages,
                         long failures) {
        /** @return bytes allocated per message. */
        public double bytesPerMessage() {
            return (double) allocatedBytes / messages;
        }

        /** @return messages per second, wall clock. */
        public double messagesPerSecond() {
            return messages * 1e9 / nanos;
        }

        /** @return messages per second of the thread's CPU time: steadier than the wall clock on a shared machine. */
        public double messagesPerCpuSecond() {
            return messages * 1e9 / cpuNanos;
        }
    }

    /** Messages prepared for a probe: a resynchronisation every so many keeps its cost out of the figures. */
    public static final int PREPARED = 1 << 16;

    private final Path dir;
    private final ChronicleQueue queue;
    private final QueueWriter writer;
    private final BinanceNormalizer normalizer;
    private final byte[][] messages;
    private final byte[] snapshot = CapturedMessages.snapshot();
    private int next;
    private long receiveNanos;

    /** @param messages combined-stream messages of {@link CapturedMessages#SYMBOL}, used in turn. */
    public HotPathProbe(byte[][] messages) throws IOException {
        this.messages = messages;
        dir = Files.createTempDirectory("hot-path-");
        queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(QueueOptions.MAX_SEGMENT_SIZE));
        writer = queue.createWriter();
        normalizer = new BinanceNormalizer(writer, List.of(CapturedMessages.SYMBOL), 1, new long[] {1}, symbol -> { });
        resynchronise();
    }

    private void resynchronise() {
        normalizer.startBooks(receiveNanos);
        normalizer.onSnapshot(0, snapshot, snapshot.length, receiveNanos);
        next = 0;
    }

    /**
     * @param count messages to normalize and append.
     * @return what it cost.
     */
    public Result run(long count) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long appendedBefore = normalizer.appended();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            if (next == messages.length) {
                resynchronise();
            }
            byte[] message = messages[next++];
            normalizer.onMessage(message, message.length, receiveNanos += 1_000);
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        if (normalizer.appended() - appendedBefore < count) {
            throw new IllegalStateException("appended " + (normalizer.appended() - appendedBefore) + " of " + count
                    + " messages: " + normalizer.lastProblem());
        }
        return new Result(count, allocated, nanos, cpuNanos, normalizer.badMessages(), normalizer.failures());
    }

    @Override
    public void close() throws IOException {
        writer.close();
        queue.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Prints bytes per message and messages per second of the captured diffs, then of its trades and book tickers
     * (rough: no JMH, a shared machine).
     *
     * @param args optional: the capture, the messages per round, the rounds.
     */
    public static void main(String[] args) throws IOException {
        Path capture = args.length > 0 ? Path.of(args[0]) : CapturedMessages.CAPTURE;
        long count = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        print("diffs", CapturedMessages.chained(capture, PREPARED), count, rounds);
        print("trades and book tickers", CapturedMessages.tradesAndQuotes(capture, PREPARED), count, rounds);
    }

    private static void print(String what, byte[][] messages, long count, int rounds) throws IOException {
        try (HotPathProbe probe = new HotPathProbe(messages)) {
            probe.run(200_000); // warm-up
            for (int i = 0; i < rounds; i++) {
                Result r = probe.run(count);
                System.out.printf("%s: %,d messages, %.1f bytes/message, %,.0f messages/s (%,.0f per CPU second)%n",
                        what, r.messages(), r.bytesPerMessage(), r.messagesPerSecond(), r.messagesPerCpuSecond());
            }
        }
    }
}
