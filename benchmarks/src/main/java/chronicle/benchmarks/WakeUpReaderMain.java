package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueReader;
import chronicle.core.api.ReaderIdleStrategy;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.threads.Pauser;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The reader process of {@link WakeUpLatencyBenchmark}: follows a queue with an idle strategy that parks when there
 * is nothing to read, and records, for every record the writer tagged as measured, {@code System.nanoTime()} at
 * delivery minus the send time in the payload ({@code CLOCK_MONOTONIC}, the same clock in every process; at
 * offset 0 for ours, at offset 8 after the record type for Chronicle Queue). Prints {@code ready} once it follows the queue, and one result line when it reads the stop record.
 *
 * <p>Arguments: {@code <dir> <waiting>}, where waiting is {@code futex} (ours, {@link ReaderIdleStrategy}),
 * {@code backoff} (ours, Agrona's {@link BackoffIdleStrategy} with its defaults: parks of up to 1 ms) or
 * {@code cq-balanced} (Chronicle Queue, its tailer with {@code Pauser.balanced()}, the pauser its documentation
 * offers for a reader that should not burn a core).
 */
public final class WakeUpReaderMain {

    /** Record types the writer sends. */
    static final int WARMUP = 1;
    static final int MEASURED = 2;
    static final int STOP = 3;

    private final LatencyHistogram latencies = new LatencyHistogram();
    private boolean stopped;

    private WakeUpReaderMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: WakeUpReaderMain <queue-dir> <futex|backoff|cq-balanced>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        exitWithParent();
        WakeUpReaderMain main = new WakeUpReaderMain();
        switch (args[1]) {
            case "futex", "backoff" -> main.followOurs(dir, args[1]);
            case "cq-balanced" -> main.followChronicleQueue(dir);
            default -> {
                System.err.println("unknown waiting '" + args[1] + "': use futex, backoff or cq-balanced");
                System.exit(2);
            }
        }
        System.out.println("result " + main.latencies.percentile(0.5) + " " + main.latencies.percentile(0.9)
                + " " + main.latencies.percentile(0.99) + " " + main.latencies.percentile(0.999) + " "
                + main.latencies.count());
    }

    /**
     * Ends this process when the benchmark's JVM is gone (its end of our standard input closes), so that a failed or
     * interrupted trial does not leave a reader waiting for a stop record forever.
     */
    private static void exitWithParent() {
        Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; read until the pipe closes
                }
            } catch (IOException ignored) {
                // the same: the parent is gone
            }
            System.exit(3);
        });
    }

    private void delivered(int type, long sentNanos) {
        long latency = System.nanoTime() - sentNanos;
        if (type == MEASURED) {
            latencies.record(latency);
        } else if (type == STOP) {
            stopped = true;
        }
    }

    private void followOurs(Path dir, String waiting) {
        try (ChronicleQueue queue = ChronicleQueue.openExisting(dir);
             QueueReader reader = queue.createReader(StartPosition.earliest())) {
            IdleStrategy idle = waiting.equals("futex")
                    ? ReaderIdleStrategy.forReader(reader)
                    : new BackoffIdleStrategy();
            RecordHandler handler = (type, sequence, timestamp, buffer, offset, length) ->
                    delivered(type, buffer.getLong(offset));
            System.out.println("ready");
            while (!stopped) {
                idle.idle(reader.poll(handler, 16));
            }
        }
    }

    private void followChronicleQueue(Path dir) {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile())
                .rollCycle(LargeRollCycles.LARGE_DAILY).build();
             ExcerptTailer tailer = queue.createTailer()) {
            Pauser pauser = Pauser.balanced();
            System.out.println("ready");
            while (!stopped) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (dc.isPresent()) {
                        Bytes<?> bytes = dc.wire().bytes();
                        int type = bytes.readInt(bytes.readPosition());
                        delivered(type, bytes.readLong(bytes.readPosition() + 8));
                        pauser.reset();
                        continue;
                    }
                }
                pauser.pause();
            }
        }
    }
}
