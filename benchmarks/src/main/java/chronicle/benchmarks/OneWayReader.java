package chronicle.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the latency benchmarks' writer (the JMH thread) shares with their busy-polling reader thread: the histogram
 * of one-way latencies (send time in the payload to delivery), the count of records seen, and the thread itself.
 * {@link PingLatencyBenchmark} and {@link PacedLatencyBenchmark} build their JMH states on it.
 */
abstract class OneWayReader {

    final AtomicLong seen = new AtomicLong();
    final LatencyHistogram oneWay = new LatencyHistogram();
    final LatencyHistogram total = new LatencyHistogram();
    volatile boolean recording;
    volatile boolean running = true;
    long sent;
    private Thread readerThread;

    /**
     * Called on the reader thread for each record: records the latency, then publishes the count (so a writer that
     * waits for the count knows the histogram is not being touched).
     *
     * @param sentNanos the send time, from the payload.
     */
    final void delivered(long sentNanos) {
        long latency = System.nanoTime() - sentNanos;
        if (recording) {
            oneWay.record(latency);
        }
        seen.setRelease(seen.getPlain() + 1);
    }

    /**
     * Starts the reader thread, pinned to its CPU ({@link Pinning}), and pins the calling thread, the writer, to its.
     *
     * @param name the reader thread's name.
     * @param loop its loop, which ends when {@link #running} turns false.
     */
    void startReader(String name, Runnable loop) {
        Pinning.writer();
        readerThread = Thread.ofPlatform().daemon().name(name).start(() -> {
            Pinning.reader();
            loop.run();
        });
    }

    /**
     * Waits until a reader thread has delivered every record sent (it then no longer touches its histograms).
     *
     * @param seen records delivered, published by the reader thread.
     * @param sent records sent.
     */
    static void awaitDelivered(AtomicLong seen, long sent) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (seen.getAcquire() < sent) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reader stuck: seen " + seen.get() + " of " + sent);
            }
            Thread.onSpinWait();
        }
    }

    /** Stops the reader thread and waits for it. */
    final void joinReader() throws InterruptedException {
        running = false;
        readerThread.join(10_000);
    }
}
