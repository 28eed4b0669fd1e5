package chronicle.feed.binance.internal;

/**
 * Epoch time in nanoseconds from the monotonic clock: the wall clock is read once, so receive times never step
 * backwards when the system clock is adjusted, and reading it costs a {@code nanoTime} call.
 */
public final class FeedClock {

    private final long epochBase = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    /** @return now, epoch ns. */
    public long epochNanos() {
        return epochBase + System.nanoTime();
    }

    /** @return now, monotonic ns (for intervals). */
    public long monotonicNanos() {
        return System.nanoTime();
    }
}
