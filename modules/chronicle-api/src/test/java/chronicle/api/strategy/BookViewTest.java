package chronicle.api.strategy;

import chronicle.protocol.api.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A view before its instrument's first book event: an empty, stale book, not a failure. */
@Timeout(10)
class BookViewTest {

    @Test
    void aViewWithoutABookIsAnEmptyStaleBook() {
        Instrument instrument = new Instrument(0, "demo", "BTC-USD", 1, 1, -2, -4);
        BookView view = new BookView().wrap(instrument, null);
        assertSame(instrument, view.instrument());
        assertTrue(view.isStale());
        assertFalse(view.isTwoSided());
        assertEquals(0, view.depth(Side.BID));
        assertEquals(0, view.depth(Side.ASK));
        assertEquals(Long.MIN_VALUE, view.bestBid());
        assertEquals(Long.MAX_VALUE, view.bestAsk());
        assertEquals(0, view.exchangeTime());
        assertNull(view.l3());
        assertEquals(0, view.levels().hash());
        assertThrows(IndexOutOfBoundsException.class, () -> view.price(Side.BID, 0));
    }
}
