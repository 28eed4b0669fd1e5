package chronicle.framework.internal;

import java.util.Arrays;

/**
 * The strategy's timers ({@code Context.setTimer}): due times and ids in two growing arrays; the earliest due
 * timer fires first. Strategies keep a handful of timers, so a scan per loop is cheaper than a heap.
 * <b>Strategy thread only.</b>
 */
final class Timers {

    /** Receives a due timer. */
    interface Listener {
        /** @param timerId the timer's id. */
        void onTimer(long timerId);
    }

    private long[] due = new long[8];
    private long[] ids = new long[8];
    private long[] scheduledAt = new long[8];
    private int count;
    private long nextId = 1;

    /**
     * @param at  when it is due.
     * @param now when it is set (breaks ties with reports in market time).
     * @return the new timer's id.
     */
    long add(long at, long now) {
        if (count == due.length) {
            due = Arrays.copyOf(due, count * 2);
            ids = Arrays.copyOf(ids, count * 2);
            scheduledAt = Arrays.copyOf(scheduledAt, count * 2);
        }
        due[count] = at;
        scheduledAt[count] = now;
        ids[count] = nextId;
        count++;
        return nextId++;
    }

    /** Fires every timer due at {@code now}, earliest first. @return how many fired. */
    int fire(long now, Listener listener) {
        int fired = 0;
        while (count > 0 && due[earliest()] <= now) {
            fireNext(listener);
            fired++;
        }
        return fired;
    }

    /** @return the earliest due time, or {@link Long#MAX_VALUE} with no timer. */
    long nextDue() {
        return count == 0 ? Long.MAX_VALUE : due[earliest()];
    }

    /** @return when the earliest timer was set (there must be one). */
    long nextScheduledAt() {
        return scheduledAt[earliest()];
    }

    /** Fires the earliest timer (there must be one). */
    void fireNext(Listener listener) {
        int earliest = earliest();
        long id = ids[earliest];
        count--;
        due[earliest] = due[count];
        ids[earliest] = ids[count];
        scheduledAt[earliest] = scheduledAt[count];
        listener.onTimer(id);
    }

    /** The earliest due, and among equal due times the one set first (the lowest id). */
    private int earliest() {
        int earliest = 0;
        for (int i = 1; i < count; i++) {
            if (due[i] < due[earliest] || (due[i] == due[earliest] && ids[i] < ids[earliest])) {
                earliest = i;
            }
        }
        return earliest;
    }
}
