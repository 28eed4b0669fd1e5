package chronicle.replay.api;

import chronicle.protocol.api.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link L3Book} against a deliberately simple reference model: per side a {@code TreeMap<price, LinkedHashMap<id,
 * size>>} (a LinkedHashMap keeps insertion order: re-inserting a removed key sends it to the back, overwriting a
 * present key keeps its place), over 200k random events of every kind, including unknown ids, duplicates and invalid
 * arguments.
 */
@Timeout(60)
class L3BookModelTest {

    /** The reference: price-time priority written the obvious way. */
    static final class Model {
        final TreeMap<Long, LinkedHashMap<Long, Long>> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, LinkedHashMap<Long, Long>> asks = new TreeMap<>();
        final Map<Long, Side> sides = new HashMap<>();
        final Map<Long, Long> prices = new HashMap<>();
        final List<Long> live = new ArrayList<>();
        final Map<Long, Integer> liveIndex = new HashMap<>();

        TreeMap<Long, LinkedHashMap<Long, Long>> side(Side side) {
            return side == Side.BID ? bids : asks;
        }

        int add(long id, Side side, long price, long size) {
            if (size <= 0 || (side != Side.BID && side != Side.ASK) || price == Long.MIN_VALUE
                    || price == Long.MAX_VALUE) {
                return L3Book.INVALID;
            }
            if (sides.containsKey(id)) {
                return L3Book.DUPLICATE_ORDER;
            }
            side(side).computeIfAbsent(price, p -> new LinkedHashMap<>()).put(id, size);
            sides.put(id, side);
            prices.put(id, price);
            liveIndex.put(id, live.size());
            live.add(id);
            return L3Book.OK;
        }

        long size(long id) {
            return side(sides.get(id)).get(prices.get(id)).get(id);
        }

        void remove(long id) {
            Side side = sides.remove(id);
            long price = prices.remove(id);
            LinkedHashMap<Long, Long> level = side(side).get(price);
            level.remove(id);
            if (level.isEmpty()) {
                side(side).remove(price);
            }
            int at = liveIndex.remove(id);
            long last = live.remove(live.size() - 1);
            if (last != id) {
                live.set(at, last);
                liveIndex.put(last, at);
            }
        }

        int modify(long id, long price, long size) {
            if (size < 0 || (size > 0 && (price == Long.MIN_VALUE || price == Long.MAX_VALUE))) {
                return L3Book.INVALID;
            }
            if (!sides.containsKey(id)) {
                return L3Book.UNKNOWN_ORDER;
            }
            if (size == 0) {
                remove(id);
                return L3Book.OK;
            }
            Side side = sides.get(id);
            long oldPrice = prices.get(id);
            LinkedHashMap<Long, Long> level = side(side).get(oldPrice);
            if (price == oldPrice && size <= level.get(id)) {
                level.put(id, size); // keeps its place
                return L3Book.OK;
            }
            remove(id);
            return add(id, side, price, size);
        }

        int reduce(long id, long amount) {
            if (amount <= 0) {
                return L3Book.INVALID;
            }
            if (!sides.containsKey(id)) {
                return L3Book.UNKNOWN_ORDER;
            }
            long remaining = size(id) - amount;
            if (remaining <= 0) {
                remove(id);
            } else {
                side(sides.get(id)).get(prices.get(id)).put(id, remaining);
            }
            return L3Book.OK;
        }

        int delete(long id) {
            if (!sides.containsKey(id)) {
                return L3Book.UNKNOWN_ORDER;
            }
            remove(id);
            return L3Book.OK;
        }
    }

    @Test
    void shouldMatchAReferenceModelOver200kRandomEvents() {
        Random random = new Random(20240611);
        L3Book book = new L3Book();
        Model model = new Model();
        long nextId = 1;
        int checks = 0;
        int[] outcomes = new int[4];
        for (int i = 0; i < 200_000; i++) {
            // the book breathes between ~500 and ~3000 orders: capacities grow, then slots and levels recycle
            int target = (i / 20_000) % 2 == 0 ? 3000 : 500;
            int roll = random.nextInt(100);
            int expected;
            int actual;
            boolean addBias = model.live.size() < target;
            if (model.live.isEmpty() || roll < (addBias ? 45 : 25)) {
                long id;
                int kind = random.nextInt(100);
                if (kind < 3 && !model.live.isEmpty()) {
                    id = pick(random, model); // duplicate
                } else {
                    id = kind < 6 ? nextId++ * 0x1_0000_0000L : nextId++; // strided ids too: probe clustering
                }
                Side side = random.nextBoolean() ? Side.BID : Side.ASK;
                long price = price(random, side);
                long size = 1 + random.nextInt(500);
                if (kind == 99) {
                    size = -random.nextInt(3);                // 0 or negative
                } else if (kind == 98) {
                    side = random.nextBoolean() ? Side.UNKNOWN : null;
                } else if (kind == 97) {
                    price = random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
                }
                expected = model.add(id, side, price, size);
                actual = book.add(id, side, price, size);
            } else {
                long id = random.nextInt(50) == 0 ? -1 - random.nextInt(1000) : pick(random, model); // unknown ids
                Side side = model.sides.get(id);
                int op = random.nextInt(100);
                if (op < 30) {
                    // modify: same price (decrease, equal, increase), other price, or to 0
                    long oldPrice = side == null ? 10_000 : model.prices.get(id);
                    long oldSize = side == null ? 100 : model.size(id);
                    long price = random.nextBoolean() ? oldPrice : price(random, side == null ? Side.BID : side);
                    int how = random.nextInt(10);
                    long size = how < 4 ? Math.max(1, oldSize - 1 - random.nextInt((int) Math.max(1, oldSize)))
                            : how < 5 ? oldSize
                            : how < 9 ? oldSize + 1 + random.nextInt(200)
                            : random.nextInt(5) == 0 ? -1 : 0;
                    expected = model.modify(id, price, size);
                    actual = book.modify(id, price, size);
                } else if (op < 50) {
                    long amount = random.nextInt(40) == 0 ? 0 : 1 + random.nextInt(300);
                    expected = model.reduce(id, amount);
                    actual = book.cancel(id, amount);
                } else if (op < 80) {
                    expected = model.delete(id);
                    actual = book.delete(id);
                } else {
                    // executions hit the front of the best level most of the time, like a real feed
                    if (random.nextInt(4) != 0) {
                        Side s = random.nextBoolean() ? Side.BID : Side.ASK;
                        if (!model.side(s).isEmpty()) {
                            id = model.side(s).firstEntry().getValue().keySet().iterator().next();
                            assertEquals(id, book.orderAt(s, 0, 0));
                        }
                    }
                    long amount = random.nextInt(40) == 0 ? -5 : 1 + random.nextInt(300);
                    expected = model.reduce(id, amount);
                    actual = book.execute(id, amount);
                }
            }
            assertEquals(expected, actual, "event " + i);
            outcomes[-actual]++;
            assertEquals(model.live.size(), book.orderCount(), "event " + i);
            if (i % 1000 == 0) {
                assertSameBook(model, book);
                checks++;
            }
        }
        assertSameBook(model, book);
        assertEquals(200, checks);
        // every outcome actually happened, many times
        for (int outcome : outcomes) {
            assertTrue(outcome > 500, () -> "outcomes " + Arrays.toString(outcomes));
        }

        // the derived L2 view equals an L2 book built from the final state
        L2Book l2 = new L2Book();
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            for (Map.Entry<Long, LinkedHashMap<Long, Long>> e : model.side(side).entrySet()) {
                l2.set(side, e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum());
            }
        }
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            assertTrue(book.depth(side) > 20);
            assertEquals(l2.depth(side), book.depth(side));
            for (int level = 0; level < l2.depth(side); level++) {
                assertEquals(l2.price(side, level), book.price(side, level));
                assertEquals(l2.size(side, level), book.size(side, level));
            }
        }
        assertEquals(l2.hash(), book.levelHash());

        // and a book rebuilt from the orders in book order is the same book
        L3Book copy = new L3Book();
        book.forEachOrder((id, side, price, size) -> assertEquals(L3Book.OK, copy.add(id, side, price, size)));
        assertEquals(book.hash(), copy.hash());
        assertEquals(book.orderCount(), copy.orderCount());
    }

    private static long pick(Random random, Model model) {
        return model.live.get(random.nextInt(model.live.size()));
    }

    /** Mostly near the touch, some deep; the two sides overlap a little (the book does not match). */
    private static long price(Random random, Side side) {
        int distance = random.nextInt(4) == 0 ? random.nextInt(120) : random.nextInt(8);
        return side == Side.BID ? 10_002 - distance : 9_999 + distance;
    }

    /** Levels, sizes, FIFO order, queue positions, per-order accessors and the order walk. */
    static void assertSameBook(Model model, L3Book book) {
        assertEquals(model.live.size(), book.orderCount());
        List<long[]> walk = new ArrayList<>();
        book.forEachOrder((id, side, price, size) -> walk.add(new long[] {id, side.code(), price, size}));
        List<long[]> expectedWalk = new ArrayList<>();
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            TreeMap<Long, LinkedHashMap<Long, Long>> levels = model.side(side);
            assertEquals(levels.size(), book.depth(side), side + " depth");
            int level = 0;
            for (Map.Entry<Long, LinkedHashMap<Long, Long>> e : levels.entrySet()) {
                String where = side + " level " + level;
                assertEquals(e.getKey(), book.price(side, level), where);
                assertEquals(e.getValue().size(), book.ordersAt(side, level), where);
                long total = 0;
                int position = 0;
                for (Map.Entry<Long, Long> order : e.getValue().entrySet()) {
                    long id = order.getKey();
                    assertEquals(id, book.orderAt(side, level, position), where + " position " + position);
                    assertEquals(position, book.queuePosition(id), where + " id " + id);
                    assertEquals(order.getValue(), book.orderSize(id));
                    assertEquals(e.getKey(), book.orderPrice(id));
                    assertEquals(side, book.orderSide(id));
                    assertTrue(book.contains(id));
                    expectedWalk.add(new long[] {id, side.code(), e.getKey(), order.getValue()});
                    total += order.getValue();
                    position++;
                }
                assertEquals(total, book.size(side, level), where + " size");
                level++;
            }
        }
        assertEquals(expectedWalk.size(), walk.size());
        for (int i = 0; i < walk.size(); i++) {
            assertArrayEquals(expectedWalk.get(i), walk.get(i), "walk " + i);
        }
        assertEquals(-1, book.queuePosition(-424242));
        assertNull(book.orderSide(-424242));
    }
}
