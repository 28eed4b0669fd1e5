package chronicle.etl.internal.refine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Markets found by their ids, small and dense or not, each apart from every other. */
@Timeout(10)
class MarketTableTest {

    @Test
    void shouldFindEachMarketByItsIdsOnly() {
        MarketTable<String> table = new MarketTable<>();
        long[][] ids = {{1, 1}, {1, 2}, {2, 1}, {0, 0}, {3, 70_000}, {5000, 1}, {1, 1L << 40}, {-1, 7}, {1, -7}};
        for (long[] id : ids) {
            assertNull(table.get((int) id[0], id[1]), "empty at " + id[0] + "/" + id[1]);
        }
        for (long[] id : ids) {
            table.put((int) id[0], id[1], id[0] + "/" + id[1]);
        }
        for (long[] id : ids) {
            assertEquals(id[0] + "/" + id[1], table.get((int) id[0], id[1]));
        }
        assertNull(table.get(1, 3));
        assertNull(table.get(2, 2));
        assertNull(table.get(4, 1));
        assertNull(table.get(3, 69_999));
        table.put(1, 1, "again");
        assertEquals("again", table.get(1, 1));
        assertEquals("1/2", table.get(1, 2), "its neighbour unchanged");
    }
}
