package chronicle.benchmarks;

import org.agrona.concurrent.AgentInvoker;

/**
 * A writer's schedule at a fixed rate, for the paced latency benchmarks ({@link PacedLatencyBenchmark},
 * {@link InterleavedLatencyBenchmark}): record k is due at {@code start + k / rate}; the writer spins until then.
 * It never bursts to catch up a backlog longer than {@link #MAX_BACKLOG_NANOS} (after a stall, e.g. when the writer
 * thread was descheduled): it drops the backlog and counts a resync.
 */
final class PacedSchedule {

    /** The writer sends a backlog of at most this much in a burst, then drops the rest of it (a resync). */
    static final long MAX_BACKLOG_NANOS = 1_000_000;

    private final long intervalNanos;
    private long next;
    /** Backlogs dropped (the user resets it when it likes). */
    long resyncs;

    /** @param rate records per second. */
    PacedSchedule(int rate) {
        intervalNanos = 1_000_000_000L / rate;
    }

    /** Starts the schedule again now: the next record is due at once. */
    void restart() {
        next = System.nanoTime();
    }

    /** Spins until the next record is due. @return the send time: the stamp to write into the payload. */
    long awaitNext() {
        return awaitNext(null);
    }

    /**
     * Waits until the next record is due, running the writer's helper duties meanwhile (invoker mode), as an
     * application's idle loop does; a duty's step may make the send a little late, never the delivery.
     *
     * @param helper the writer's helper invoker, or null to spin.
     * @return the send time: the stamp to write into the payload.
     */
    long awaitNext(AgentInvoker helper) {
        long due = next;
        long now;
        while ((now = System.nanoTime()) < due) {
            if (helper == null || helper.invoke() == 0) {
                Thread.onSpinWait();
            }
        }
        long following = due + intervalNanos;
        if (now - following > MAX_BACKLOG_NANOS) {
            following = now + intervalNanos;
            resyncs++;
        }
        next = following;
        return now;
    }
}
