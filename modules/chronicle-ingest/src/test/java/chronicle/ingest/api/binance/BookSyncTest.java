package chronicle.ingest.api.binance;

import chronicle.ingest.api.binance.BookSync.Decision;
import chronicle.protocol.api.EventHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link BookSync}: Binance's bridge and chain rules, spot and futures, breaks with their missing range. */
@Timeout(10)
class BookSyncTest {

    private static final long SPOT = EventHeader.NULL_ID;

    @Test
    void shouldDropDiffsBeforeTheFirstSnapshot() {
        BookSync sync = new BookSync();
        assertEquals(Decision.BEFORE_SNAPSHOT, sync.onDiff(1, 5, SPOT));
        assertEquals(BookSync.State.NO_SNAPSHOT, sync.state());
    }

    @Test
    void shouldBridgeASpotSnapshotThenChain() {
        BookSync sync = new BookSync();
        assertEquals(Decision.SNAPSHOT, sync.onSnapshot(100));
        assertEquals(Decision.STALE, sync.onDiff(95, 100, SPOT));
        assertEquals(Decision.APPLY, sync.onDiff(98, 103, SPOT));
        assertEquals(Decision.APPLY, sync.onDiff(104, 104, SPOT));
        assertEquals(Decision.STALE, sync.onDiff(104, 104, SPOT), "a duplicate");
        assertEquals(BookSync.State.SYNCED, sync.state());
        assertEquals(104, sync.bookId());
    }

    @Test
    void shouldBreakWithTheMissingRangeAndWaitForASnapshot() {
        BookSync sync = new BookSync();
        sync.onSnapshot(100);
        sync.onDiff(101, 103, SPOT);
        assertEquals(Decision.BREAK, sync.onDiff(107, 110, SPOT));
        assertEquals(104, sync.breakFrom());
        assertEquals(106, sync.breakTo());
        assertEquals("expected U=104, got U=107 (u=110)", sync.describeBreak(107, 110, SPOT));
        assertEquals(Decision.AFTER_BREAK, sync.onDiff(111, 112, SPOT));
        assertEquals(Decision.SNAPSHOT, sync.onSnapshot(111));
        assertEquals(Decision.APPLY, sync.onDiff(112, 113, SPOT));
    }

    @Test
    void shouldBreakWhenTheFirstDiffDoesNotBridgeAStaleSnapshot() {
        BookSync sync = new BookSync();
        sync.onSnapshot(100);
        assertEquals(Decision.BREAK, sync.onDiff(150, 155, SPOT));
        assertEquals(101, sync.breakFrom());
        assertEquals(149, sync.breakTo());
        assertEquals("the first diff after the snapshot (lastUpdateId 100) does not bridge it: U=150 u=155",
                sync.describeBreak(150, 155, SPOT));
    }

    @Test
    void shouldChainFuturesByPreviousUpdateId() {
        BookSync sync = new BookSync();
        sync.onSnapshot(100);
        assertEquals(Decision.APPLY, sync.onDiff(90, 120, 89), "U <= L <= u bridges");
        assertEquals(Decision.APPLY, sync.onDiff(125, 130, 120), "pu == previous u chains, whatever U is");
        assertEquals(Decision.BREAK, sync.onDiff(140, 150, 135));
        assertEquals(131, sync.breakFrom());
        assertEquals(135, sync.breakTo());
        assertEquals("expected pu=130, got pu=135 (U=140 u=150)", sync.describeBreak(140, 150, 135));
    }

    @Test
    void shouldRefuseASnapshotOlderThanTheBookAndKeepTheChainAtAnEqualOne() {
        BookSync sync = new BookSync();
        sync.onSnapshot(100);
        sync.onDiff(101, 105, SPOT);
        assertEquals(Decision.OLD_SNAPSHOT, sync.onSnapshot(103));
        assertEquals(Decision.SNAPSHOT, sync.onSnapshot(105));
        assertEquals(BookSync.State.SYNCED, sync.state(), "the book is exactly at the snapshot");
        assertEquals(Decision.APPLY, sync.onDiff(106, 106, SPOT));
    }

    @Test
    void shouldForgetTheBookOnReset() {
        BookSync sync = new BookSync();
        sync.onSnapshot(100);
        sync.onDiff(101, 105, SPOT);
        sync.reset();
        assertEquals(Decision.BEFORE_SNAPSHOT, sync.onDiff(106, 107, SPOT));
        assertEquals(Decision.SNAPSHOT, sync.onSnapshot(90), "after a reset any snapshot starts the book");
    }
}
