package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.StartPosition;
import chronicle.protocol.api.SyntheticMarket;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.ReplayEngine;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Queues of {@code SyntheticMarket} events for the benchmarks that compare a pipeline with plain replay of the same
 * data, and that plain replay.
 */
final class SyntheticQueues {

    private SyntheticQueues() {
    }

    /**
     * Writes {@code events} events of the markets into an archive-profile queue, from {@link SyntheticDay#DAY_START}
     * on, {@code step} apart, a venue snapshot of each market every 100,000 of its events.
     *
     * @param queue   the queue's directory.
     * @param venue   venue id.
     * @param markets market ids.
     * @param events  how many.
     * @param step    nanoseconds between two events.
     */
    static void write(Path queue, int venue, long[] markets, long events, long step) {
        SyntheticMarket market = new SyntheticMarket(venue, markets, 100_000, 7);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive());
             QueueWriter writer = q.createWriter()) {
            for (long i = 0; i < events; i++) {
                long now = SyntheticDay.DAY_START + i * step;
                int length = market.next(buffer, 0, now);
                writer.append(market.lastType(), now, buffer, 0, length);
            }
        }
    }

    /**
     * Plain replay: the whole queue read from the start into a {@link ReplayEngine} of every market.
     *
     * @param queue    the queue's directory.
     * @param policy   the engine's gap policy.
     * @param expected records the queue holds.
     * @param noun     what they are, for the error message.
     * @return events the engine applied.
     * @throws IllegalStateException if the queue held another number of records.
     */
    static long replayWhole(Path queue, GapPolicy policy, long expected, String noun) {
        ReplayEngine engine = new ReplayEngine(policy, 0);
        long read = 0;
        try (ChronicleQueue q = ChronicleQueue.openExisting(queue);
             QueueReader reader = q.createReader(StartPosition.earliest())) {
            for (int n; (n = reader.poll(engine, 1024)) > 0; ) {
                read += n;
            }
        }
        if (read != expected) {
            throw new IllegalStateException("replayed " + read + " of " + expected + " " + noun);
        }
        return engine.applied();
    }
}
