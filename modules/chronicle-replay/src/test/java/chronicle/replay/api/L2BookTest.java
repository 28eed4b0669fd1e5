package chronicle.replay.api;

import chronicle.protocol.api.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@Timeout(30)
class L2BookTest {

    /** Against a TreeMap model: random sets and deletes around a moving mid, both sides, depth kept in order. */
    @Test
    void shouldMatchASortedMapModelForRandomUpdates() {
        Random random = new Random(11);
        L2Book book = new L2Book();
        TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        TreeMap<Long, Long> asks = new TreeMap<>();
        for (int i = 0; i < 200_000; i++) {
            boolean bid = random.nextBoolean();
            long price = bid ? 10_000 - random.nextInt(150) : 10_001 + random.nextInt(150);
            long size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1000);
            book.set(bid ? Side.BID : Side.ASK, price, size);
            TreeMap<Long, Long> model = bid ? bids : asks;
            if (size == 0) {
                model.remove(price);
            } else {
                model.put(price, size);
            }
            if (i % 997 == 0) {
                assertSame(bids, book, Side.BID);
                assertSame(asks, book, Side.ASK);
            }
        }
        assertSame(bids, book, Side.BID);
        assertSame(asks, book, Side.ASK);
        assertEquals(bids.firstKey(), book.bestBid());
        assertEquals(asks.firstKey(), book.bestAsk());
    }

    private static void assertSame(TreeMap<Long, Long> model, L2Book book, Side side) {
        assertEquals(model.size(), book.depth(side));
        int level = 0;
        for (Map.Entry<Long, Long> e : model.entrySet()) {
            assertEquals(e.getKey(), book.price(side, level), side + " level " + level);
            assertEquals(e.getValue(), book.size(side, level));
            assertEquals(e.getValue(), book.sizeAt(side, e.getKey()));
            level++;
        }
    }

    @Test
    void shouldTruncateToTheVenuesDepth() {
        L2Book book = new L2Book(3);
        for (int p = 100; p > 90; p--) {
            book.set(Side.BID, p, 5);
        }
        assertEquals(3, book.depth(Side.BID));
        assertEquals(98, book.price(Side.BID, 2));
        book.set(Side.BID, 101, 1); // a better level pushes the worst out
        assertEquals(3, book.depth(Side.BID));
        assertEquals(99, book.price(Side.BID, 2));
        book.set(Side.BID, 50, 1); // beyond the depth: ignored
        assertEquals(0, book.sizeAt(Side.BID, 50));
    }

    @Test
    void shouldHashEqualBooksEquallyWhateverTheOrderOfUpdates() {
        L2Book a = new L2Book();
        L2Book b = new L2Book();
        a.set(Side.BID, 10, 1);
        a.set(Side.BID, 9, 2);
        a.set(Side.ASK, 11, 3);
        b.set(Side.ASK, 11, 7);
        b.set(Side.BID, 9, 2);
        b.set(Side.ASK, 11, 3);
        b.set(Side.BID, 8, 4);
        b.set(Side.BID, 10, 1);
        b.set(Side.BID, 8, 0);
        assertEquals(a.hash(), b.hash());
        b.set(Side.ASK, 12, 1);
        assertNotEquals(a.hash(), b.hash());
        L2Book c = new L2Book();
        b.copyTo(c);
        assertEquals(b.hash(), c.hash());
        assertEquals(Long.MAX_VALUE, new L2Book().bestAsk());
    }
}
