package chronicle.framework.internal;

import org.agrona.concurrent.EpochNanoClock;

/**
 * Market time for a live strategy replaying market data: the time of the event being handled, set by
 * {@link MarketTimeStepper}. <b>Strategy thread only.</b>
 */
final class MarketClock implements EpochNanoClock {

    private long now = Long.MIN_VALUE;

    /** Moves the clock to {@code time} unless it is already later. */
    void advanceTo(long time) {
        now = Math.max(now, time);
    }

    @Override
    public long nanoTime() {
        return now;
    }
}
