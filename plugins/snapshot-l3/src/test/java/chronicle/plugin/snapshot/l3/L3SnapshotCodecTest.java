package chronicle.plugin.snapshot.l3;

import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.Side;
import chronicle.replay.api.L3Book;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.ReplayException;
import chronicle.replay.api.SnapshotHeader;
import chronicle.replay.api.SnapshotStore;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code l3} codec gives back the very book it was given: the same levels, and in every level the same orders
 * (ids, sizes) in the same FIFO order; through a snapshot file, also the same replay position and exponents.
 */
@Timeout(60)
class L3SnapshotCodecTest {

    private static final int VENUE = 2;
    private static final long MARKET = 9;
    private static final int ORDER = 25;

    @TempDir
    Path dir;

    /** One resting order as the book shows it: where it stands and what it is. */
    record Queued(Side side, int level, int position, long orderId, long price, long size) {
    }

    /** Every order of a book, side by side, best level first, front of each queue first. */
    static List<Queued> queues(L3Book book) {
        List<Queued> all = new ArrayList<>();
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            for (int level = 0; level < book.depth(side); level++) {
                for (int position = 0; position < book.ordersAt(side, level); position++) {
                    long id = book.orderAt(side, level, position);
                    all.add(new Queued(side, level, position, id, book.price(side, level), book.orderSize(id)));
                }
            }
        }
        return all;
    }

    /** The levels of a book: per side, best first, price and total size. */
    static List<long[]> levels(L3Book book) {
        List<long[]> all = new ArrayList<>();
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            for (int level = 0; level < book.depth(side); level++) {
                all.add(new long[] {side.code(), book.price(side, level), book.size(side, level)});
            }
        }
        return all;
    }

    static void assertSameBook(L3Book expected, L3Book actual) {
        assertEquals(expected.orderCount(), actual.orderCount(), "orders");
        List<long[]> expectedLevels = levels(expected);
        List<long[]> actualLevels = levels(actual);
        assertEquals(expectedLevels.size(), actualLevels.size(), "levels");
        for (int i = 0; i < expectedLevels.size(); i++) {
            assertArrayEquals(expectedLevels.get(i), actualLevels.get(i), "level " + i + " (side, price, size)");
        }
        assertEquals(queues(expected), queues(actual), "order queues");
        assertEquals(expected.hash(), actual.hash());
    }

    /**
     * A book shaped by every kind of event: about 1,500 orders on 25 levels a side (many orders per level), where
     * size increases and price changes have sent orders to the back of their queues, so that queue order is not id
     * order; ids include negative ones (an importer's synthetic orders).
     */
    static MarketBook busyBook() {
        MarketBook market = new MarketBook(VENUE, MARKET, BookMode.L3, 0);
        L3Book book = market.l3();
        SplittableRandom random = new SplittableRandom(5);
        List<Long> live = new ArrayList<>();
        for (long n = 0; n < 4_000; n++) {
            int dice = random.nextInt(10);
            if (live.size() < 200 || dice < 5) {
                long id = (n % 7 == 0 ? -1 : 1) * (1 + n * 31);
                boolean bid = random.nextBoolean();
                long price = bid ? 10_000 - random.nextInt(25) : 10_001 + random.nextInt(25);
                assertEquals(L3Book.OK, book.add(id, bid ? Side.BID : Side.ASK, price, 1 + random.nextInt(500)));
                live.add(id);
                continue;
            }
            int at = random.nextInt(live.size());
            long id = live.get(at);
            long size = book.orderSize(id);
            switch (dice) {
                case 5 -> book.modify(id, book.orderPrice(id), size + 1 + random.nextInt(50)); // to the back
                case 6 -> book.modify(id, book.orderPrice(id) + (book.orderSide(id) == Side.BID ? -1 : 1), size);
                case 7 -> book.cancel(id, 1 + random.nextInt((int) Math.min(size, 100)));
                case 8 -> book.execute(id, 1 + random.nextInt((int) Math.min(size, 100)));
                default -> book.delete(id);
            }
            if (!book.contains(id)) {
                live.set(at, live.getLast());
                live.removeLast();
            }
        }
        market.restoredAt(123_456, 1_795_305_600_123_000_000L, 1_795_305_600_122_000_000L, 1_795_305_600_122_500_000L,
                98_765, -4, -2);
        return market;
    }

    @Test
    void shouldDecodeTheSameLevelsAndOrderQueuesItEncoded() {
        MarketBook original = busyBook();
        L3Book book = original.l3();
        assertTrue(book.orderCount() > 1_000, "orders: " + book.orderCount());
        assertTrue(book.depth(Side.BID) >= 20 && book.depth(Side.ASK) >= 20, "levels on both sides");
        assertTrue(book.ordersAt(Side.BID, 0) > 10, "many orders at a level: " + book.ordersAt(Side.BID, 0));
        List<Queued> queues = queues(book);
        assertFalse(isSortedById(queues), "queue order is not id order: the test must see FIFO order");

        L3SnapshotCodec codec = new L3SnapshotCodec();
        assertTrue(codec.supports(original));
        ExpandableArrayBuffer encoded = new ExpandableArrayBuffer(16); // grows as the codec writes
        int length = codec.encode(original, encoded);
        assertEquals(8 + ORDER * book.orderCount(), length);

        MarketBook decoded = new MarketBook(VENUE, MARKET, BookMode.L3, 0);
        decoded.l3().add(-999, Side.ASK, 1, 1); // the target's old state must go
        codec.decode(encoded, 0, length, decoded);
        assertSameBook(book, decoded.l3());

        ExpandableArrayBuffer again = new ExpandableArrayBuffer(16);
        assertEquals(length, codec.encode(decoded, again));
        assertArrayEquals(Arrays.copyOf(encoded.byteArray(), length), Arrays.copyOf(again.byteArray(), length),
                "the same bytes again");
    }

    private static boolean isSortedById(List<Queued> queues) {
        for (int i = 1; i < queues.size(); i++) {
            Queued a = queues.get(i - 1);
            Queued b = queues.get(i);
            if (a.side() == b.side() && a.level() == b.level() && a.orderId() > b.orderId()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void shouldKeepTheReplayPositionAndExponentsThroughASnapshotFile() {
        MarketBook original = busyBook();
        SnapshotStore store = SnapshotStore.of(dir.resolve("snapshots"), VENUE, MARKET);
        L3SnapshotCodec codec = new L3SnapshotCodec();
        SnapshotHeader written = store.write(original, codec);
        assertEquals("snapshot_00000000000000123456.bin", written.file().getFileName().toString());

        SnapshotHeader listed = store.list().getFirst();
        assertEquals(written, listed);
        assertEquals("l3", listed.codec());
        assertEquals(BookMode.L3, listed.mode());
        MarketBook loaded = SnapshotStore.load(listed, name -> name.equals("l3") ? codec : null, 0);
        assertEquals(VENUE, loaded.venueId());
        assertEquals(MARKET, loaded.marketId());
        assertEquals(BookMode.L3, loaded.mode());
        assertEquals(original.lastSequence(), loaded.lastSequence());
        assertEquals(original.lastTimestamp(), loaded.lastTimestamp());
        assertEquals(original.lastExchangeTimestamp(), loaded.lastExchangeTimestamp());
        assertEquals(original.lastIngestTimestamp(), loaded.lastIngestTimestamp());
        assertEquals(original.lastUpdateId(), loaded.lastUpdateId());
        assertEquals(-4, loaded.priceExponent());
        assertEquals(-2, loaded.sizeExponent());
        assertFalse(loaded.awaitingSnapshot());
        assertSameBook(original.l3(), loaded.l3());
    }

    @Test
    void shouldRoundTripAnEmptyBook() {
        MarketBook empty = new MarketBook(VENUE, MARKET, BookMode.L3, 0);
        L3SnapshotCodec codec = new L3SnapshotCodec();
        ExpandableArrayBuffer encoded = new ExpandableArrayBuffer(8);
        assertEquals(8, codec.encode(empty, encoded));
        MarketBook decoded = new MarketBook(VENUE, MARKET, BookMode.L3, 0);
        decoded.l3().add(1, Side.BID, 10, 1);
        codec.decode(encoded, 0, 8, decoded);
        assertEquals(0, decoded.l3().orderCount());
        assertEquals(new L3Book().hash(), decoded.hash());
    }

    @Test
    void shouldRejectABodyThatIsNotAnL3SnapshotWithAClearMessage() {
        L3SnapshotCodec codec = new L3SnapshotCodec();
        MarketBook l3 = new MarketBook(VENUE, MARKET, BookMode.L3, 0);
        UnsafeBuffer body = new UnsafeBuffer(new byte[8 + 2 * ORDER]);
        body.putLong(0, 2);
        order(body, 0, Side.BID, 7, 100, 5);
        order(body, 1, Side.ASK, 7, 101, 5);
        assertEquals("l3 snapshot body: order 1 (id 7) appears twice", assertThrows(IllegalArgumentException.class,
                () -> codec.decode(body, 0, body.capacity(), l3)).getMessage());
        order(body, 1, Side.UNKNOWN, 8, 101, 5);
        assertEquals("l3 snapshot body: order 1 (id 8) has no valid side, price or size",
                assertThrows(IllegalArgumentException.class, () -> codec.decode(body, 0, body.capacity(), l3))
                        .getMessage());
        assertEquals("l3 snapshot body: 2 orders of 25 bytes do not make 57 bytes",
                assertThrows(IllegalArgumentException.class, () -> codec.decode(body, 0, body.capacity() - 1, l3))
                        .getMessage());
        assertEquals("l3 snapshot body too short: 7 bytes, the order count alone takes 8",
                assertThrows(IllegalArgumentException.class, () -> codec.decode(body, 0, 7, l3)).getMessage());
        MarketBook l2 = new MarketBook(VENUE, MARKET, BookMode.L2, 0);
        assertFalse(codec.supports(l2));
        assertEquals("an l3 snapshot restores an L3 book, not L2", assertThrows(IllegalArgumentException.class,
                () -> codec.decode(body, 0, body.capacity(), l2)).getMessage());
    }

    @Test
    void shouldNameTheFileWhenASnapshotDoesNotDecode() throws Exception {
        MarketBook original = new MarketBook(VENUE, MARKET, BookMode.L3, 0);
        original.l3().add(7, Side.BID, 100, 5);
        SnapshotStore store = SnapshotStore.of(dir.resolve("snapshots"), VENUE, MARKET);
        L3SnapshotCodec codec = new L3SnapshotCodec();
        SnapshotHeader header = store.write(original, codec);
        // A body that passes its CRC but not the codec (as a faulty writer would leave it): side code 9.
        byte[] bytes = Files.readAllBytes(header.file());
        bytes[SnapshotStore.HEADER + 8] = 9;
        CRC32C crc = new CRC32C();
        crc.update(bytes, SnapshotStore.HEADER, header.bodyLength());
        new UnsafeBuffer(bytes).putInt(92, (int) crc.getValue());
        Files.write(header.file(), bytes);
        ReplayException e = assertThrows(ReplayException.class, () -> SnapshotStore.load(header, name -> codec, 0));
        assertEquals(header.file() + ": l3 snapshot body: order 0 (id 7) has no valid side, price or size",
                e.getMessage());
    }

    private static void order(UnsafeBuffer body, int i, Side side, long id, long price, long size) {
        int at = 8 + i * ORDER;
        body.putByte(at, (byte) side.code());
        body.putLong(at + 1, id);
        body.putLong(at + 9, price);
        body.putLong(at + 17, size);
    }
}
