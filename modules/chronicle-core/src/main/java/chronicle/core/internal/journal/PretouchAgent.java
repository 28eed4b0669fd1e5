package chronicle.core.internal.journal;

import org.agrona.concurrent.Agent;

/**
 * The helper duty that faults in pages of the active segment ahead of the writer, so appends take no page faults.
 *
 * <p>How far ahead: at least {@link #AHEAD}, more when the writer is fast ({@link #AHEAD_NANOS} of its measured
 * rate, up to {@link #MAX_AHEAD}), so that the slack covers the other duties' slices. What the writer reaches
 * within {@link #DIRTY_AHEAD_NANOS} (at least {@link #DIRTY_AHEAD}) is populated for writing
 * ({@code MADV_POPULATE_WRITE}); the rest for reading, which fills and zeroes the page cache but leaves the pages
 * clean: dirty pages far ahead of a slow writer would be written back (zeros) by the kernel's periodic write-back,
 * which write-protects them and makes the writer wait on them later.
 *
 * <p>It reads the writer's published position and mapping; if the writer has moved to another segment in between,
 * a step acts on the ended segment, which stays mapped until the {@link RollFinisher} unmaps it, on the same thread
 * (its stores add zero, so they change nothing there).
 */
final class PretouchAgent implements Agent {

    /** The least distance pages are kept faulted in ahead of the writer. */
    static final long AHEAD = 32L << 20;
    /** The most. */
    static final long MAX_AHEAD = 256L << 20;
    /** Ahead by this much of the writer's time at its current rate, within the bounds above. */
    static final long AHEAD_NANOS = 40_000_000L;
    /** The least part of the distance ahead that is populated for writing (dirty). */
    static final long DIRTY_AHEAD = 8L << 20;
    /** Populated for writing: what the writer reaches within this time at its current rate (at least 8 MiB). */
    static final long DIRTY_AHEAD_NANOS = 20_000_000L;

    private final WriterHandoff handoff;
    private final PageToucher toucher;
    private final boolean enabled;
    /** Bytes pre-touched per {@link #doWork()} before the other duties get their turn. */
    private final long slice;
    private long touchedAddress;
    private long rateAt;
    private long rateNanos;
    private long bytesPerSecond;

    /**
     * @param handoff what the writer publishes.
     * @param toucher the page toucher the writer points at each new segment.
     * @param enabled whether pre-touch is on (off: only the writer's rate is measured).
     * @param slice   bytes per step: a few milliseconds of work on a dedicated thread, one chunk on the writer's.
     */
    PretouchAgent(WriterHandoff handoff, PageToucher toucher, boolean enabled, long slice) {
        this.handoff = handoff;
        this.toucher = toucher;
        this.enabled = enabled;
        this.slice = slice;
    }

    @Override
    public int doWork() {
        long base = handoff.address;
        int pos = handoff.position;
        long now = System.nanoTime();
        if (base != touchedAddress) {
            touchedAddress = base;
            rateAt = pos;
            rateNanos = now;
        }
        measureRate(pos, now);
        if (!enabled || base == 0) {
            return 0;
        }
        long ahead = Math.clamp(bytesPerSecond * AHEAD_NANOS / 1_000_000_000L, AHEAD, MAX_AHEAD);
        toucher.distances(ahead, Math.clamp(bytesPerSecond * DIRTY_AHEAD_NANOS / 1_000_000_000L, DIRTY_AHEAD, ahead));
        int work = 0;
        for (long touched = 0; touched < slice && handoff.address == base; touched += toucher.chunk()) {
            if (!toucher.touchOne()) {
                break;
            }
            work++;
        }
        return work;
    }

    /**
     * How long a dedicated helper thread may sleep with nothing to do: a quarter of the time the writer needs to use
     * up the pages touched ahead of it, between 1 and 10 ms. Every wake-up takes a CPU from someone: on a machine
     * with as many busy-spinning threads as cores (a writer and a reader on two), a helper waking a thousand times a
     * second shows in their latency.
     *
     * @return nanoseconds.
     */
    long idleNanos() {
        long slack = toucher.touchedUpTo() - handoff.position;
        if (!enabled || bytesPerSecond <= 0 || slack <= 0) {
            return enabled && slack <= 0 ? 1_000_000L : 10_000_000L;
        }
        return Math.clamp(slack * 1_000_000_000L / bytesPerSecond / 4, 1_000_000L, 10_000_000L);
    }

    /** The writer's rate in bytes per second, over windows of at least 10 ms. */
    private void measureRate(int pos, long now) {
        long elapsed = now - rateNanos;
        if (elapsed < 10_000_000L) {
            return;
        }
        long moved = Math.max(0, pos - rateAt);
        bytesPerSecond = moved * 1_000_000_000L / elapsed;
        rateAt = pos;
        rateNanos = now;
    }

    @Override
    public String roleName() {
        return "pretouch";
    }
}
