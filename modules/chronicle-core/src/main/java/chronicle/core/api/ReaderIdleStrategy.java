package chronicle.core.api;

import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * An idle strategy for a loop that polls one {@link QueueReader}: spin, then yield, then park on the queue's futex
 * until the writer (in any process) commits a record. CPU use falls to nothing while the queue is quiet, and a
 * parked reader wakes within tens of microseconds of a commit.
 *
 * <p>How it compares with Agrona's family: {@code BusySpinIdleStrategy} burns a core and gives the lowest latency;
 * {@code YieldingIdleStrategy} burns a core but lets other threads run; {@code BackoffIdleStrategy} parks for growing
 * times and so wakes up late (up to its maximum park) when a record arrives; this one parks without a wake-up
 * penalty, because the writer wakes it.
 */
public final class ReaderIdleStrategy implements IdleStrategy {

    private final QueueReader reader;
    private final int spins;
    private final int yields;
    private final long maxParkNanos;
    private int idleCount;

    /**
     * @param reader       the reader whose queue to wait on.
     * @param spins        busy spins before yielding.
     * @param yields       yields before parking.
     * @param maxParkNanos longest single park.
     */
    public ReaderIdleStrategy(QueueReader reader, int spins, int yields, long maxParkNanos) {
        this.reader = reader;
        this.spins = spins;
        this.yields = yields;
        this.maxParkNanos = maxParkNanos;
    }

    /**
     * @param reader the reader whose queue to wait on.
     * @return 100 spins, 10 yields, parks of up to 1 s.
     */
    public static ReaderIdleStrategy forReader(QueueReader reader) {
        return new ReaderIdleStrategy(reader, 100, 10, TimeUnit.SECONDS.toNanos(1));
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else {
            idle();
        }
    }

    @Override
    public void idle() {
        int count = idleCount++;
        if (count < spins) {
            Thread.onSpinWait();
        } else if (count < spins + yields) {
            Thread.yield();
        } else {
            reader.await(maxParkNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void reset() {
        idleCount = 0;
    }

    @Override
    public String alias() {
        return "futex";
    }
}
