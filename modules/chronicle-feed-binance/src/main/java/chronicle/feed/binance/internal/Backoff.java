package chronicle.feed.binance.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: the n-th wait in a row is {@code min * 2^n}, capped at {@code max}, then drawn
 * uniformly from its upper half, so feeds that lost the venue together do not come back in step. {@link #reset()}
 * after a connection has proved itself. <b>Not thread-safe.</b>
 */
public final class Backoff {

    private final long minNanos;
    private final long maxNanos;
    private int failures;

    /** @param min the first wait. @param max the longest wait. */
    public Backoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** @return the next wait in nanoseconds (and counts a failure). */
    public long nextWaitNanos() {
        int shift = Math.min(failures++, 30);
        long ceiling = minNanos << shift;
        if (ceiling <= 0 || ceiling > maxNanos) {
            ceiling = maxNanos;
        }
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    /** @return failures in a row since the last {@link #reset()}. */
    public int failures() {
        return failures;
    }

    /** Forgets the failures. */
    public void reset() {
        failures = 0;
    }
}
