package chronicle.plugin.snapshot.l2;

import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.Side;
import chronicle.replay.api.L2Book;
import chronicle.replay.api.MarketBook;
import chronicle.replay.spi.SnapshotCodec;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Snapshot codec {@code l2}: the price levels of an L2 book.
 *
 * <pre>
 *  0         4                                            4 + 16 x bids
 *  +---------+--------------------------------------------+---------+-------------------------------+
 *  | bids    | bid levels, best first: price i64, size i64 | asks    | ask levels, best first ...    |
 *  +---------+--------------------------------------------+---------+-------------------------------+
 * </pre>
 */
public final class L2SnapshotCodec implements SnapshotCodec {

    @Override
    public String name() {
        return "l2";
    }

    @Override
    public String description() {
        return "price levels of L2 books";
    }

    @Override
    public boolean supports(MarketBook book) {
        return book.mode() == BookMode.L2;
    }

    @Override
    public int encode(MarketBook book, ExpandableArrayBuffer buffer) {
        L2Book l2 = book.l2();
        int at = 0;
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            int depth = l2.depth(side);
            buffer.putInt(at, depth);
            at += 4;
            for (int i = 0; i < depth; i++) {
                buffer.putLong(at, l2.price(side, i));
                buffer.putLong(at + 8, l2.size(side, i));
                at += 16;
            }
        }
        return at;
    }

    @Override
    public void decode(DirectBuffer buffer, int offset, int length, MarketBook book) {
        L2Book l2 = book.l2();
        if (l2 == null) {
            throw new IllegalArgumentException("an l2 snapshot restores an L2 book, not " + book.mode());
        }
        l2.clear();
        int at = offset;
        int end = offset + length;
        for (Side side : new Side[] {Side.BID, Side.ASK}) {
            if (at + 4 > end) {
                throw new IllegalArgumentException("l2 snapshot body too short at byte " + (at - offset));
            }
            int depth = buffer.getInt(at);
            at += 4;
            if (depth < 0 || at + 16L * depth > end) {
                throw new IllegalArgumentException("l2 snapshot body: " + depth + " " + side + " levels do not fit");
            }
            for (int i = 0; i < depth; i++) {
                l2.set(side, buffer.getLong(at), buffer.getLong(at + 8));
                at += 16;
            }
        }
    }
}
