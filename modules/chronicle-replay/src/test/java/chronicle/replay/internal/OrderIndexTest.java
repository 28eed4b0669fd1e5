package chronicle.replay.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The id index's backward-shift deletion, where open addressing usually breaks: probe runs that wrap around the end
 * of the table, and removals in the middle of a run.
 */
@Timeout(60)
class OrderIndexTest {

    private static final int NIL = OrderSlots.NIL;

    /** Ids whose home is the last index of a table of 8: their probe run wraps to index 0 and on. */
    private static List<Long> idsHomedAtTheEnd(int wanted) {
        OrderIndex probe = new OrderIndex(8);
        List<Long> ids = new ArrayList<>();
        for (long id = 1; ids.size() < wanted; id++) {
            if (probe.find(id) == 7) { // an empty table answers an id's home index
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void shouldFindEveryIdOfAWrappedProbeRunAfterAnyOneIsRemoved() {
        List<Long> ids = idsHomedAtTheEnd(4); // a table of 8 holds 4 entries without growing
        for (int removed = 0; removed < ids.size(); removed++) {
            OrderIndex index = new OrderIndex(8);
            for (int i = 0; i < ids.size(); i++) {
                index.ensureRoomFor(i + 1);
                int at = index.find(ids.get(i));
                assertEquals(NIL, index.slotAt(at));
                index.put(at, ids.get(i), i);
            }
            assertEquals(7, index.find(ids.get(0)), "the first id sits at its home");
            assertEquals(0, index.find(ids.get(1)), "the second wrapped around");
            index.removeAt(index.find(ids.get(removed)));
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(i == removed ? NIL : i, index.slotOf(ids.get(i)), "id " + i + " after removing " + removed);
            }
        }
    }

    @Test
    void shouldAgreeWithAHashMapOverManyAddsAndRemovalsInACrowdedTable() {
        SplittableRandom random = new SplittableRandom(11);
        OrderIndex index = new OrderIndex(16);
        Map<Long, Integer> model = new HashMap<>();
        long[] universe = new long[300];
        for (int i = 0; i < universe.length; i++) {
            universe[i] = random.nextLong();
        }
        for (int step = 0; step < 200_000; step++) {
            long id = universe[random.nextInt(step < 100_000 ? 40 : universe.length)];
            Integer expected = model.get(id);
            if (expected == null) {
                index.ensureRoomFor(model.size() + 1);
                int at = index.find(id);
                assertEquals(NIL, index.slotAt(at), "step " + step);
                index.put(at, id, step);
                model.put(id, step);
            } else {
                int at = index.find(id);
                assertEquals(expected.intValue(), index.slotAt(at), "step " + step);
                index.removeAt(at);
                model.remove(id);
            }
            if (step % 997 == 0) {
                for (long any : universe) {
                    assertEquals(model.getOrDefault(any, NIL).intValue(), index.slotOf(any), "step " + step);
                }
            }
        }
        index.clear();
        for (long any : universe) {
            assertEquals(NIL, index.slotOf(any));
        }
    }
}
