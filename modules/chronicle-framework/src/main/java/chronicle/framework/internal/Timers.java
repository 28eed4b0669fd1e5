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
    private int count;
    private long nextId = 1;

    /** @return the new timer's id. */
    long add(long at) {
        if (count == due.length) {
            due = Arrays.copyOf(due, count * 2);
            ids = Arrays.copyOf(ids, count * 2);
        }
        due[count] = at;
        ids[count] = nextId;
        count++;
        return nextId++;
    }

    /** Fires every timer due at {@code now}, earliest first. @return how many fired. */
    int fire(long now, Listener listener) {
        int fired = 0;
        while (count > 0) {
            int earliest = 0;
            for (int i = 1; i < count; i++) {
                if (due[i] < due[earliest]) {
                    earliest = i;
                }
            }
            if (due[earliest] > now) {
                break;
            }
            long id = ids[earliest];
            count--;
            due[earliest] = due[count];
            ids[earliest] = ids[count];
            listener.onTimer(id);
            fired++;
        }
        return fired;
    }
}
