package chronicle.benchmarks;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.protocol.api.SyntheticMarket;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * One sealed archive segment of market data, as the archive tap writes it: {@link SyntheticMarket} events (venue 1,
 * 8 markets, a feed snapshot every 100 000 events of a market, seed 7: the {@link SyntheticDay} feed) appended to a
 * queue with {@link QueueOptions#archive()} (128 MiB segments) until the writer rolls into segment 1. Timestamps
 * start at {@link SyntheticDay#DAY_START} and advance by exponentially distributed gaps averaging 200 us (about 5 000
 * events/s over the 8 markets, a busy venue), so that they compress like real arrival times rather than a fixed step.
 */
final class ArchiveSegment {

    static final int SYMBOLS = 8;
    static final double MEAN_GAP_NANOS = 200_000;
    static final long GAP_SEED = 11;

    private ArchiveSegment() {
    }

    /**
     * Writes the segment.
     *
     * @param dir an empty directory; the queue goes to {@code dir/queue}.
     * @return the sealed segment file {@code dir/queue/000000000.q}.
     */
    static Path build(Path dir) {
        Path queue = dir.resolve("queue");
        SyntheticMarket market = new SyntheticMarket(SyntheticDay.VENUE, SYMBOLS, SyntheticDay.FEED_SNAPSHOT_EVERY,
                SyntheticDay.SEED);
        SplittableRandom gaps = new SplittableRandom(GAP_SEED);
        UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(SyntheticMarket.maxLength()));
        try (ChronicleQueue q = ChronicleQueue.open(queue, QueueOptions.archive());
             QueueWriter writer = q.createWriter()) {
            long ts = SyntheticDay.DAY_START;
            while (writer.segmentIndex() == 0) {
                ts += (long) (-MEAN_GAP_NANOS * Math.log(1 - gaps.nextDouble())) + 1;
                int length = market.next(scratch, 0, ts);
                if (writer.append(market.lastType(), ts, scratch, 0, length) < 0) {
                    throw new IllegalStateException("append failed at sequence " + writer.nextSequence());
                }
            }
        }
        return queue.resolve("000000000.q");
    }
}
