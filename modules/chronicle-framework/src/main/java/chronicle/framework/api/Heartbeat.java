package chronicle.framework.api;

import chronicle.framework.internal.HeartbeatFile;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a live application's heartbeat file says: its process, state, and when its strategy thread last went round
 * its loop. A running {@link ChronicleApp} refreshes the file ({@code <bus>/strategies/<app>/heartbeat}) at its
 * heartbeat interval; the router and tools read it with {@link #read}. A stuck strategy (a callback that never
 * returns) stops the beat while its process lives on, which a lease (per process) would not show.
 *
 * <pre>
 *  0         4         8                   16                  24                  32        36        40
 *  +---------+---------+-------------------+-------------------+-------------------+---------+---------+
 *  | magic   | version | pid               | started (ns)      | last beat (ns)    | state   | core    |
 *  +---------+---------+-------------------+-------------------+-------------------+---------+---------+
 *  40                  48                  56                  64
 *  +-------------------+-------------------+-------------------+
 *  | events            | orders sent       | reports received  |
 *  +-------------------+-------------------+-------------------+
 *  magic: 0x54424843 ("CHBT" little-endian), version 1. Times: epoch nanoseconds, wall clock.
 *  state: 1 starting, 2 running, 3 stopping, 4 stopped. core: the CPU the thread is pinned to, -1 if none.
 *  events: market-data events handed to the strategy. Little-endian; 64 bytes, memory-mapped by the writer.
 * </pre>
 *
 * @param file            the heartbeat file.
 * @param pid             the application's process id.
 * @param startedNanos    when it started, epoch nanoseconds.
 * @param lastBeatNanos   its strategy thread's last beat, epoch nanoseconds.
 * @param state           where it stands.
 * @param core            the pinned CPU, or -1.
 * @param events          market-data events delivered to the strategy.
 * @param ordersSent      order messages written (new, cancel, modify).
 * @param reportsReceived execution reports received.
 */
public record Heartbeat(Path file, long pid, long startedNanos, long lastBeatNanos, State state, int core,
                        long events, long ordersSent, long reportsReceived) {

    /** Where a live application stands. */
    public enum State {
        /** Opening queues, catching up with market data. */
        STARTING,
        /** The strategy receives events. */
        RUNNING,
        /** A stop was asked for; onStop and closing are under way. */
        STOPPING,
        /** Stopped cleanly. */
        STOPPED
    }

    /**
     * Reads a heartbeat file.
     *
     * @param file the file.
     * @return what it says.
     * @throws IllegalArgumentException naming the file if it is missing, too short, or not a heartbeat file.
     */
    public static Heartbeat read(Path file) {
        return HeartbeatFile.read(file);
    }

    /**
     * @param nowNanos   the wall clock, epoch nanoseconds.
     * @param staleAfter how old a beat may be.
     * @return whether the application should be presumed stuck or dead: not stopped, and no beat for longer than
     *         {@code staleAfter} (or its process is gone).
     */
    public boolean isStale(long nowNanos, Duration staleAfter) {
        if (state == State.STOPPED) {
            return false;
        }
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return !alive || nowNanos - lastBeatNanos > staleAfter.toNanos();
    }
}
