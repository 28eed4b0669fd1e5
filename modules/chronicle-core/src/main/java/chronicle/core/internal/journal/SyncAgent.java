package chronicle.core.internal.journal;

import org.agrona.concurrent.Agent;

import java.nio.file.Path;

/**
 * The helper duty of durability: under {@code SYNC_ON_ROLL}, starts write-back of the pages the writer has left
 * behind ({@link WriteBehind}), so the sync at the roll has little left to wait for; under {@code SYNC_PERIODIC},
 * syncs the active segment every interval.
 */
final class SyncAgent implements Agent {

    private final WriterHandoff handoff;
    /** Null unless write-back runs behind the writer. */
    private final WriteBehind writeBehind;
    private final long intervalNanos;
    private long lastSync = System.nanoTime();
    private long syncedAddress;
    private long syncedUpTo;

    /**
     * @param dir           the queue directory.
     * @param handoff       what the writer publishes.
     * @param writeBehind   start write-back behind the writer.
     * @param intervalNanos period of the active segment's sync, or 0 for none.
     */
    SyncAgent(Path dir, WriterHandoff handoff, boolean writeBehind, long intervalNanos) {
        this.handoff = handoff;
        this.writeBehind = writeBehind ? new WriteBehind(dir) : null;
        this.intervalNanos = intervalNanos;
    }

    /** @return whether this duty has a deadline (a periodic sync): its thread must then not run in SCHED_IDLE. */
    boolean hasDeadline() {
        return intervalNanos > 0;
    }

    /** @return how long a dedicated thread may sleep before the next periodic sync is due (Long.MAX_VALUE: none). */
    long idleNanos() {
        return intervalNanos > 0 ? intervalNanos : Long.MAX_VALUE;
    }

    @Override
    public int doWork() {
        int work = writeBehind != null && writeBehind.slice(handoff.currentIndex, handoff.position) ? 1 : 0;
        if (intervalNanos > 0) {
            long now = System.nanoTime();
            if (now - lastSync >= intervalNanos) {
                lastSync = now;
                work += syncActive();
            }
        }
        return work;
    }

    private int syncActive() {
        long base = handoff.address;
        int pos = handoff.position;
        if (base != syncedAddress) {
            syncedAddress = base;
            syncedUpTo = 0;
        }
        if (base == 0 || pos <= syncedUpTo) {
            return 0;
        }
        NativeIO.msync(base + syncedUpTo, pos - syncedUpTo);
        syncedUpTo = pos & ~4095L;
        return 1;
    }

    @Override
    public void onClose() {
        if (writeBehind != null) {
            writeBehind.close();
        }
    }

    @Override
    public String roleName() {
        return "sync";
    }
}
