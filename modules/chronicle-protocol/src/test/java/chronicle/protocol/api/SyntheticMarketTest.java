package chronicle.protocol.api;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class SyntheticMarketTest {

    /** Applies events to per-market books the way a replay would, and checks the book stays sane. */
    @Test
    void shouldProduceChainedDiffsAndSnapshotsThatAgreeWithTheBookTheyBuild() {
        SyntheticMarket market = new SyntheticMarket(1, 3, 200, 42);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        EventHeader header = new EventHeader();
        L2Levels levels = new L2Levels();
        Map<Long, TreeMap<Long, Long>[]> books = new HashMap<>();
        Map<Long, Long> lastIds = new HashMap<>();
        int snapshots = 0;
        int trades = 0;
        for (int i = 0; i < 50_000; i++) {
            int length = market.next(buffer, 0, 1_000_000_000L * i);
            assertTrue(length <= SyntheticMarket.maxLength());
            header.wrap(buffer, 0);
            assertEquals(i, header.sequence(), "stream sequence counts every event");
            long id = header.marketId();
            MessageType type = MessageType.of(market.lastType());
            if (type == MessageType.TRADE) {
                trades++;
                continue;
            }
            levels.wrap(buffer, header.bodyOffset());
            @SuppressWarnings("unchecked")
            TreeMap<Long, Long>[] book = books.computeIfAbsent(id, k -> new TreeMap[] {new TreeMap<>(), new TreeMap<>()});
            if (type == MessageType.L2_SNAPSHOT) {
                snapshots++;
                // A snapshot must equal the book the diffs built (after the first one).
                if (lastIds.containsKey(id)) {
                    TreeMap<Long, Long>[] fromSnapshot = new TreeMap[] {new TreeMap<>(), new TreeMap<>()};
                    for (int l = 0; l < levels.count(); l++) {
                        fromSnapshot[levels.sideCode(l) - 1].put(levels.price(l), levels.size(l));
                    }
                    assertEquals(fromSnapshot[0], book[0], "bids of market " + id + " at event " + i);
                    assertEquals(fromSnapshot[1], book[1], "asks of market " + id + " at event " + i);
                }
                book[0].clear();
                book[1].clear();
            } else {
                assertEquals(lastIds.get(id), header.prevUpdateId(), "diffs chain by update id");
            }
            for (int l = 0; l < levels.count(); l++) {
                TreeMap<Long, Long> side = book[levels.sideCode(l) - 1];
                if (levels.size(l) == 0) {
                    side.remove(levels.price(l));
                } else {
                    side.put(levels.price(l), levels.size(l));
                }
            }
            lastIds.put(id, header.lastUpdateId());
            assertTrue(book[0].lastKey() < book[1].firstKey(), "book never crosses");
            assertEquals(SyntheticMarket.DEPTH, book[0].size());
            assertEquals(SyntheticMarket.DEPTH, book[1].size());
        }
        assertTrue(snapshots > 200 && trades > 3000, snapshots + " snapshots, " + trades + " trades");
    }

    @Test
    void shouldBeDeterministicForASeed() {
        UnsafeBuffer a = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        UnsafeBuffer b = new UnsafeBuffer(new byte[SyntheticMarket.maxLength()]);
        SyntheticMarket one = new SyntheticMarket(1, 5, 100, 7);
        SyntheticMarket two = new SyntheticMarket(1, 5, 100, 7);
        for (int i = 0; i < 10_000; i++) {
            int la = one.next(a, 0, i);
            int lb = two.next(b, 0, i);
            assertEquals(la, lb);
            assertEquals(0, compare(a, b, la), "event " + i + " differs");
        }
    }

    private static int compare(UnsafeBuffer a, UnsafeBuffer b, int length) {
        for (int i = 0; i < length; i++) {
            if (a.getByte(i) != b.getByte(i)) {
                return 1;
            }
        }
        return 0;
    }
}
