package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.Durability;
import chronicle.core.api.HelperMode;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The two queues of the latency benchmarks ({@link PingLatencyBenchmark}, {@link PacedLatencyBenchmark},
 * {@link InterleavedLatencyBenchmark}), set up the same way for both: ours (1 GiB segments, page-cache durability,
 * pre-touch as asked) and Chronicle Queue ({@code LARGE_DAILY}), each with a payload buffer and a reader loop that busy-polls (no idle strategy) and hands
 * the first 8 bytes of every payload, the send time, to the benchmark; or just the poll step ({@link Poller}) for a
 * reader loop that alternates between the two ({@link InterleavedLatencyBenchmark}).
 */
final class LatencyQueues {

    /** A reader loop held up longer than this between two polls counts as a stall. */
    static final long STALL_NANOS = 50_000;

    private LatencyQueues() {
    }

    /** One busy-poll step of a reader, for a loop that the caller owns. */
    interface Poller extends AutoCloseable {
        /** @return true if it delivered at least one record. */
        boolean poll();

        @Override
        void close();
    }

    /**
     * Polls until {@code running} turns false, spinning between empty polls; then closes the poller and prints how
     * often the loop itself was held up (a gap of more than {@link #STALL_NANOS} between two polls: the thread was
     * pre-empted, or a poll took a page fault), so a latency tail can be told apart from the machine's.
     */
    private static void busyPoll(Poller poller, BooleanSupplier running) {
        long stalls = 0;
        long stalledNanos = 0;
        long longest = 0;
        try (poller) {
            long last = System.nanoTime();
            while (running.getAsBoolean()) {
                if (!poller.poll()) {
                    Thread.onSpinWait();
                }
                long now = System.nanoTime();
                long gap = now - last;
                if (gap > STALL_NANOS) {
                    stalls++;
                    stalledNanos += gap;
                    longest = Math.max(longest, gap);
                }
                last = now;
            }
        }
        System.out.printf(Locale.ROOT, "%n[stalls] reader '%s': %d gaps over %d us between polls, %.1f ms in all, "
                + "longest %.2f ms%n", Thread.currentThread().getName(), stalls, STALL_NANOS / 1000,
                stalledNanos / 1e6, longest / 1e6);
    }

    /** Ours: a queue, its writer and a payload buffer. */
    static final class Ours implements AutoCloseable {
        final Path dir;
        final ChronicleQueue queue;
        final QueueWriter writer;
        final UnsafeBuffer payload;

        /**
         * @param dirPrefix   prefix of the temporary directory.
         * @param pretouch    the writer's pre-touch.
         * @param payloadSize bytes per record.
         */
        Ours(String dirPrefix, boolean pretouch, int payloadSize) {
            this(dirPrefix, pretouch, HelperMode.THREAD, payloadSize);
        }

        /**
         * @param dirPrefix   prefix of the temporary directory.
         * @param pretouch    the writer's pre-touch.
         * @param helper      where the writer's helper duties run.
         * @param payloadSize bytes per record.
         */
        Ours(String dirPrefix, boolean pretouch, HelperMode helper, int payloadSize) {
            dir = BenchDirs.create(dirPrefix);
            queue = ChronicleQueue.open(dir, QueueOptions.hotIpc()
                    .withSegmentSize(QueueOptions.MAX_SEGMENT_SIZE)
                    .withDurability(Durability.PAGE_CACHE)
                    .withPretouch(pretouch)
                    .withHelperMode(helper));
            writer = queue.createWriter();
            payload = new UnsafeBuffer(ByteBuffer.allocateDirect(payloadSize));
        }

        /**
         * @param running   polled between reads; the loop ends when it turns false.
         * @param delivered gets the send time of every record.
         * @return the reader thread's loop.
         */
        Runnable readerLoop(BooleanSupplier running, LongConsumer delivered) {
            Poller poller = poller(delivered);
            return () -> busyPoll(poller, running);
        }

        /**
         * @param delivered gets the send time of every record.
         * @return one poll of a reader from the start of the queue (up to 16 records), for the caller's own loop.
         */
        Poller poller(LongConsumer delivered) {
            QueueReader reader = queue.createReader(StartPosition.earliest());
            RecordHandler handler = (type, sequence, ts, buffer, offset, length) ->
                    delivered.accept(buffer.getLong(offset));
            return new Poller() {
                @Override
                public boolean poll() {
                    return reader.poll(handler, 16) > 0;
                }

                @Override
                public void close() {
                    reader.close();
                }
            };
        }

        @Override
        public void close() {
            writer.close();
            queue.close();
            BenchDirs.delete(dir);
        }
    }

    /** Chronicle Queue: a queue, its appender and a payload store. */
    static final class Cq implements AutoCloseable {
        final Path dir;
        final SingleChronicleQueue queue;
        final ExcerptAppender appender;
        final BytesStore<?, Void> payload;

        /**
         * @param dirPrefix   prefix of the temporary directory.
         * @param payloadSize bytes per record.
         */
        Cq(String dirPrefix, int payloadSize) {
            dir = BenchDirs.create(dirPrefix);
            queue = SingleChronicleQueueBuilder.single(dir.toFile()).rollCycle(LargeRollCycles.LARGE_DAILY).build();
            appender = queue.createAppender();
            appender.singleThreadedCheckDisabled(true);
            payload = BytesStore.nativeStoreWithFixedCapacity(payloadSize);
        }

        /**
         * @param running   polled between reads; the loop ends when it turns false.
         * @param delivered gets the send time of every record.
         * @return the reader thread's loop.
         */
        Runnable readerLoop(BooleanSupplier running, LongConsumer delivered) {
            return () -> busyPoll(poller(delivered), running);
        }

        /**
         * Creates the tailer on the calling thread (Chronicle Queue tailers belong to the thread that uses them).
         *
         * @param delivered gets the send time of every record.
         * @return one poll of a tailer from the start of the queue (one record), for the caller's own loop.
         */
        Poller poller(LongConsumer delivered) {
            ExcerptTailer tailer = queue.createTailer();
            return new Poller() {
                @Override
                public boolean poll() {
                    try (DocumentContext dc = tailer.readingDocument()) {
                        if (!dc.isPresent()) {
                            return false;
                        }
                        Bytes<?> bytes = dc.wire().bytes();
                        delivered.accept(bytes.readLong(bytes.readPosition()));
                        return true;
                    }
                }

                @Override
                public void close() {
                    tailer.close();
                }
            };
        }

        @Override
        public void close() {
            appender.close();
            queue.close();
            payload.releaseLast();
            BenchDirs.delete(dir);
        }
    }
}
