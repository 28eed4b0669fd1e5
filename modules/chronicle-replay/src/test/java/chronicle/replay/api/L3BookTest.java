package chronicle.replay.api;

import chronicle.protocol.api.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class L3BookTest {

    static long[] sink;

    private static long[] queue(L3Book book, Side side, int level) {
        long[] ids = new long[book.ordersAt(side, level)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = book.orderAt(side, level, i);
        }
        return ids;
    }

    private static L3Book threeBids() {
        L3Book book = new L3Book();
        assertEquals(L3Book.OK, book.add(1, Side.BID, 100, 10));
        assertEquals(L3Book.OK, book.add(2, Side.BID, 100, 20));
        assertEquals(L3Book.OK, book.add(3, Side.BID, 100, 30));
        return book;
    }

    @Test
    void shouldKeepPriorityOnASizeDecreaseAndLoseItOnAnIncrease() {
        L3Book book = threeBids();
        assertEquals(L3Book.OK, book.modify(1, 100, 4)); // decrease: still first
        assertArrayEquals(new long[] {1, 2, 3}, queue(book, Side.BID, 0));
        assertEquals(54, book.size(Side.BID, 0));
        assertEquals(L3Book.OK, book.modify(2, 100, 20)); // unchanged: keeps its place
        assertArrayEquals(new long[] {1, 2, 3}, queue(book, Side.BID, 0));
        assertEquals(L3Book.OK, book.modify(1, 100, 5)); // increase: back of the queue
        assertArrayEquals(new long[] {2, 3, 1}, queue(book, Side.BID, 0));
        assertEquals(55, book.size(Side.BID, 0));
        assertEquals(2, book.queuePosition(1));
        assertEquals(0, book.queuePosition(2));
        assertEquals(1, book.queuePosition(3));
        assertEquals(5, book.orderSize(1));
        // the only order of a level increasing: the level survives
        assertEquals(L3Book.OK, book.add(9, Side.ASK, 110, 1));
        assertEquals(L3Book.OK, book.modify(9, 110, 7));
        assertEquals(1, book.depth(Side.ASK));
        assertEquals(7, book.size(Side.ASK, 0));
        assertEquals(9, book.orderAt(Side.ASK, 0, 0));
    }

    @Test
    void shouldMoveAnOrderToTheBackOfItsNewLevelOnAPriceChange() {
        L3Book book = threeBids();
        assertEquals(L3Book.OK, book.add(4, Side.BID, 99, 40));
        assertEquals(L3Book.OK, book.add(5, Side.BID, 99, 50));
        assertEquals(L3Book.OK, book.modify(1, 99, 10)); // to the worse level, behind 4 and 5
        assertArrayEquals(new long[] {2, 3}, queue(book, Side.BID, 0));
        assertArrayEquals(new long[] {4, 5, 1}, queue(book, Side.BID, 1));
        assertEquals(2, book.queuePosition(1));
        assertEquals(99, book.orderPrice(1));
        assertEquals(L3Book.OK, book.modify(4, 101, 1)); // a new best level, even with a smaller size
        assertEquals(3, book.depth(Side.BID));
        assertEquals(101, book.price(Side.BID, 0));
        assertArrayEquals(new long[] {5, 1}, queue(book, Side.BID, 2));
        assertEquals(0, book.queuePosition(5));
        // the last order of a level moving away removes the level
        assertEquals(L3Book.OK, book.modify(4, 100, 1));
        assertEquals(2, book.depth(Side.BID));
        assertArrayEquals(new long[] {2, 3, 4}, queue(book, Side.BID, 0));
        assertEquals(51, book.size(Side.BID, 0));
        assertEquals(60, book.size(Side.BID, 1));
        // a modify to size 0 removes the order (its price is then irrelevant)
        assertEquals(L3Book.OK, book.modify(4, Long.MAX_VALUE, 0));
        assertFalse(book.contains(4));
        assertEquals(4, book.orderCount());
    }

    /** The peers' known failure: deletes must move everyone behind the deleted order forward, and nobody else. */
    @Test
    void shouldAdvanceTheQueueOnDeletesCancelsAndExecutions() {
        L3Book book = new L3Book();
        for (long id = 1; id <= 6; id++) {
            book.add(id, Side.ASK, 105, id * 10);
        }
        assertEquals(L3Book.OK, book.delete(3)); // middle
        assertArrayEquals(new long[] {1, 2, 4, 5, 6}, queue(book, Side.ASK, 0));
        assertEquals(1, book.queuePosition(2));
        assertEquals(2, book.queuePosition(4));
        assertEquals(L3Book.OK, book.delete(1)); // front
        assertEquals(0, book.queuePosition(2));
        assertEquals(3, book.queuePosition(6));
        assertEquals(L3Book.OK, book.delete(6)); // back
        assertArrayEquals(new long[] {2, 4, 5}, queue(book, Side.ASK, 0));
        assertEquals(L3Book.OK, book.cancel(4, 15)); // partial: keeps its place
        assertEquals(1, book.queuePosition(4));
        assertEquals(25, book.orderSize(4));
        assertEquals(L3Book.OK, book.execute(2, 5)); // partial: keeps its place
        assertEquals(0, book.queuePosition(2));
        assertEquals(15, book.orderSize(2));
        assertEquals(L3Book.OK, book.execute(2, 100)); // over-execution: the order is gone
        assertEquals(0, book.queuePosition(4));
        assertEquals(L3Book.OK, book.cancel(4, 25)); // exactly all: gone
        assertArrayEquals(new long[] {5}, queue(book, Side.ASK, 0));
        assertEquals(50, book.size(Side.ASK, 0));
        assertEquals(L3Book.OK, book.delete(5));
        assertEquals(0, book.depth(Side.ASK));
        assertEquals(0, book.orderCount());
    }

    @Test
    void shouldAnswerWithStatusCodesAndLeaveTheBookUnchanged() {
        L3Book book = threeBids();
        long hash = book.hash();
        assertEquals(L3Book.DUPLICATE_ORDER, book.add(2, Side.ASK, 200, 5));
        assertEquals(L3Book.INVALID, book.add(7, Side.BID, 100, 0));
        assertEquals(L3Book.INVALID, book.add(7, Side.BID, 100, -1));
        assertEquals(L3Book.INVALID, book.add(7, Side.UNKNOWN, 100, 1));
        assertEquals(L3Book.INVALID, book.add(7, null, 100, 1));
        assertEquals(L3Book.INVALID, book.add(7, Side.ASK, Long.MIN_VALUE, 1));
        assertEquals(L3Book.INVALID, book.add(7, Side.ASK, Long.MAX_VALUE, 1));
        assertEquals(L3Book.INVALID, book.modify(1, 100, -1));
        assertEquals(L3Book.INVALID, book.modify(1, Long.MIN_VALUE, 1));
        assertEquals(L3Book.INVALID, book.cancel(1, 0));
        assertEquals(L3Book.INVALID, book.execute(1, -3));
        assertEquals(L3Book.UNKNOWN_ORDER, book.modify(7, 100, 1));
        assertEquals(L3Book.UNKNOWN_ORDER, book.cancel(7, 1));
        assertEquals(L3Book.UNKNOWN_ORDER, book.delete(7));
        assertEquals(L3Book.UNKNOWN_ORDER, book.execute(7, 1));
        assertEquals(hash, book.hash());
        assertEquals(3, book.orderCount());
        assertEquals(0, book.orderPrice(7));
        assertEquals(0, book.orderSize(7));
        assertNull(book.orderSide(7));
        assertEquals(-1, book.queuePosition(7));
        assertFalse(book.contains(7));
        assertEquals(0, book.depth(Side.UNKNOWN));
        assertThrows(IndexOutOfBoundsException.class, () -> book.price(Side.BID, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> book.size(Side.ASK, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> book.ordersAt(Side.UNKNOWN, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> book.orderAt(Side.BID, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> book.orderAt(Side.BID, -1, 0));
        // a deleted id may come back
        assertEquals(L3Book.OK, book.delete(2));
        assertEquals(L3Book.OK, book.add(2, Side.ASK, 101, 5));
        assertEquals(Side.ASK, book.orderSide(2));
    }

    @Test
    void shouldAcceptAnyIdAndNegativePrices() {
        L3Book book = new L3Book();
        long[] ids = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40, 2L << 40, 3L << 40};
        for (int i = 0; i < ids.length; i++) {
            assertEquals(L3Book.OK, book.add(ids[i], Side.ASK, -50 + i % 3, i + 1));
        }
        assertEquals(3, book.depth(Side.ASK));
        assertEquals(-50, book.price(Side.ASK, 0));
        assertEquals(-48, book.price(Side.ASK, 2));
        assertArrayEquals(new long[] {0, Long.MAX_VALUE, 3L << 40}, queue(book, Side.ASK, 0));
        for (long id : ids) {
            assertTrue(book.contains(id));
            assertEquals(L3Book.DUPLICATE_ORDER, book.add(id, Side.BID, 1, 1));
        }
        assertEquals(L3Book.OK, book.add(Long.MIN_VALUE + 1, Side.BID, Long.MIN_VALUE + 1, 1));
        assertEquals(L3Book.OK, book.add(Long.MAX_VALUE - 1, Side.BID, Long.MAX_VALUE - 1, 1));
        assertEquals(Long.MAX_VALUE - 1, book.price(Side.BID, 0));
        assertEquals(Long.MIN_VALUE + 1, book.price(Side.BID, 1));
        assertEquals(L3Book.OK, book.add(42, Side.ASK, Long.MIN_VALUE + 1, 1));
        assertEquals(Long.MIN_VALUE + 1, book.price(Side.ASK, 0));
        assertEquals(L3Book.OK, book.add(43, Side.ASK, Long.MAX_VALUE - 1, 1));
        assertEquals(Long.MAX_VALUE - 1, book.price(Side.ASK, book.depth(Side.ASK) - 1));
    }

    @Test
    void shouldHashEqualBooksEquallyWhateverTheirHistory() {
        L3Book a = new L3Book();
        a.add(1, Side.BID, 100, 10);
        a.add(2, Side.BID, 100, 20);
        a.add(3, Side.ASK, 101, 30);
        a.add(4, Side.ASK, 102, 40);

        L3Book b = new L3Book(); // another history: other orders come and go, sizes and prices change
        b.add(9, Side.ASK, 101, 1);
        b.add(4, Side.ASK, 103, 45);
        b.add(1, Side.BID, 99, 10);
        b.add(8, Side.BID, 100, 1);
        b.modify(1, 100, 12); // behind 8
        b.add(2, Side.BID, 100, 25);
        b.add(3, Side.ASK, 101, 31);
        b.delete(9);
        b.execute(8, 1);
        b.cancel(3, 1);
        b.modify(2, 100, 20); // decrease: stays behind 1
        b.modify(1, 100, 10);
        b.modify(4, 102, 40);
        assertEquals(a.hash(), b.hash());
        assertEquals(a.levelHash(), b.levelHash());

        L3Book c = new L3Book(); // the same orders, the same levels, another FIFO order
        c.add(2, Side.BID, 100, 20);
        c.add(1, Side.BID, 100, 10);
        c.add(3, Side.ASK, 101, 30);
        c.add(4, Side.ASK, 102, 40);
        assertNotEquals(a.hash(), c.hash());
        assertEquals(a.levelHash(), c.levelHash());
        c.modify(2, 100, 21);
        c.modify(2, 100, 20); // the increase sent 2 to the back: now the same queue as a
        assertEquals(a.hash(), c.hash());

        L3Book d = new L3Book(); // an order on the other side at the same price
        d.add(1, Side.BID, 100, 10);
        d.add(2, Side.BID, 100, 20);
        d.add(3, Side.ASK, 101, 30);
        d.add(4, Side.BID, 102, 40);
        assertNotEquals(a.hash(), d.hash());
        L3Book e = new L3Book(); // same levels, other ids
        e.add(1, Side.BID, 100, 10);
        e.add(5, Side.BID, 100, 20);
        e.add(3, Side.ASK, 101, 30);
        e.add(4, Side.ASK, 102, 40);
        assertNotEquals(a.hash(), e.hash());
        assertEquals(a.levelHash(), e.levelHash());
        e.clear();
        assertEquals(new L3Book().hash(), e.hash());
        assertEquals(new L2Book().hash(), e.levelHash());
    }

    @Test
    void shouldGrowBeyondItsInitialCapacitiesAndRecycle() {
        L3Book book = new L3Book();
        SplittableRandom random = new SplittableRandom(7);
        int n = 100_000;
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = random.nextLong(); // any 64-bit id
            Side side = (i & 1) == 0 ? Side.BID : Side.ASK;
            long price = side == Side.BID ? 1_000_000 - i % 5000 : 1_000_001 + i % 5000;
            assertEquals(L3Book.OK, book.add(ids[i], side, price, 1 + i % 7));
        }
        assertEquals(n, book.orderCount());
        assertEquals(2500, book.depth(Side.BID));
        assertEquals(2500, book.depth(Side.ASK));
        assertEquals(1_000_000, book.price(Side.BID, 0));
        assertEquals(1_000_001 + 4999, book.price(Side.ASK, 2499));
        assertEquals(20, book.ordersAt(Side.BID, 0));
        assertEquals(ids[0], book.orderAt(Side.BID, 0, 0));
        assertEquals(ids[5000], book.orderAt(Side.BID, 0, 1));
        assertEquals(ids[95000], book.orderAt(Side.BID, 0, 19));
        assertEquals(19, book.queuePosition(ids[95000]));
        for (int i = 0; i < n; i += 997) {
            assertEquals(1 + i % 7, book.orderSize(ids[i]));
        }
        // remove every other order, in a scrambled order, and check the survivors
        for (int i = 0; i < n; i += 2) {
            int j = (int) ((i * 40503L) % n) & ~1;
            assertEquals(L3Book.OK, book.delete(ids[j]));
        }
        int live = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 1) == 1) {
                assertTrue(book.contains(ids[i]));
                assertEquals(1_000_001 + i % 5000, book.orderPrice(ids[i]));
                live++;
            } else {
                assertFalse(book.contains(ids[i]), "deleted " + i);
            }
        }
        assertEquals(live, book.orderCount());
        assertEquals(0, book.depth(Side.BID));
        assertEquals(2500, book.depth(Side.ASK));
        // the capacity stays, and so does correctness after clear and re-use
        book.clear();
        assertEquals(0, book.orderCount());
        assertFalse(book.contains(ids[1]));
        for (int i = 0; i < 1000; i++) {
            assertEquals(L3Book.OK, book.add(ids[i], Side.BID, 10 + i % 3, 1));
        }
        assertEquals(3, book.depth(Side.BID));
        assertEquals(334, book.ordersAt(Side.BID, 2));
        assertEquals(ids[0], book.orderAt(Side.BID, 2, 0));
    }

    /** Steady state: once the capacities are reached, a long stream of every kind of event allocates nothing. */
    @Test
    void shouldNotAllocateInSteadyState() throws Exception {
        Method allocated;
        Object threads;
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            threads = factory.getMethod("getThreadMXBean").invoke(null);
            allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            org.junit.jupiter.api.Assumptions.abort("no allocation counter here: " + e);
            return;
        }
        int count = 200_000;
        byte[] ops = new byte[count];
        long[] ids = new long[count];
        long[] prices = new long[count];
        long[] sizes = new long[count];
        List<Long> live = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        long next = 1;
        for (int i = 0; i < count; i++) {
            if (live.size() < 2000 || random.nextInt(2) == 0) {
                ops[i] = 0;
                ids[i] = next++;
                live.add(ids[i]);
                prices[i] = 100 + random.nextInt(200);
                sizes[i] = 1 + random.nextInt(100);
            } else {
                int at = random.nextInt(live.size());
                ops[i] = (byte) (1 + random.nextInt(4));
                ids[i] = live.get(at);
                prices[i] = 100 + random.nextInt(200);
                sizes[i] = 1 + random.nextInt(100);
                if (ops[i] == 3) {
                    live.set(at, live.get(live.size() - 1));
                    live.remove(live.size() - 1);
                }
            }
        }
        long probe = (long) allocated.invoke(threads);
        sink = new long[4096];
        assertTrue((long) allocated.invoke(threads) - probe >= 4096 * 8, "the counter sees allocations");
        L3Book book = new L3Book();
        long checksum = 0;
        for (int round = 0; round < 3; round++) {
            book.clear();
            long before = (long) allocated.invoke(threads);
            long baseline = (long) allocated.invoke(threads) - before;
            before = (long) allocated.invoke(threads);
            for (int i = 0; i < count; i++) {
                long id = ids[i];
                checksum += switch (ops[i]) {
                    case 0 -> book.add(id, (id & 1) == 0 ? Side.BID : Side.ASK, (id & 1) == 0 ? prices[i] : prices[i] + 300,
                            sizes[i]);
                    case 1 -> book.modify(id, book.orderPrice(id) + (sizes[i] & 1), sizes[i]);
                    case 2 -> book.cancel(id, sizes[i] >> 2 | 1);
                    case 3 -> book.delete(id);
                    default -> book.execute(id, sizes[i] >> 3 | 1);
                };
            }
            long used = (long) allocated.invoke(threads) - before - baseline;
            if (round > 0) { // the first round reaches the capacities; one byte per event would be 200 kB
                assertTrue(used < 1024, "bytes allocated in round " + round + ": " + used);
            }
        }
        assertTrue(book.orderCount() > 1000);
        assertTrue(checksum <= 0);
    }
}
