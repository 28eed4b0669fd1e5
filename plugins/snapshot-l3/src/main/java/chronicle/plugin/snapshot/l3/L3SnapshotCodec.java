package chronicle.plugin.snapshot.l3;

import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.Side;
import chronicle.replay.api.L3Book;
import chronicle.replay.api.MarketBook;
import chronicle.replay.spi.SnapshotCodec;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Snapshot codec {@code l3}: every resting order of an L3 book, in book order (bids best level first, then asks,
 * each level front of the queue first), so that loading it rebuilds the same queue priorities.
 *
 * <p>Decoding refuses, with an {@link IllegalArgumentException} naming the order, a body that is not exactly
 * {@code 8 + 25 x orders} bytes and an order the book would not take (unknown side, sentinel price, non-positive
 * size, an id that appears twice): a snapshot is never loaded with orders silently left out.
 *
 * <pre>
 *  0         8          9                  17                 25                 33
 *  +---------+----------+------------------+------------------+------------------+
 *  | orders  | side     | order id         | price            | size             |  ... 25 bytes per order
 *  +---------+----------+------------------+------------------+------------------+
 * </pre>
 */
public final class L3SnapshotCodec implements SnapshotCodec {

    private static final int ORDER = 25;

    @Override
    public String name() {
        return "l3";
    }

    @Override
    public String description() {
        return "resting orders of L3 books, with queue priority";
    }

    @Override
    public boolean supports(MarketBook book) {
        return book.mode() == BookMode.L3;
    }

    @Override
    public int encode(MarketBook book, ExpandableArrayBuffer buffer) {
        L3Book l3 = book.l3();
        buffer.putLong(0, l3.orderCount());
        int[] at = {8};
        l3.forEachOrder((orderId, side, price, size) -> {
            buffer.putByte(at[0], (byte) side.code());
            buffer.putLong(at[0] + 1, orderId);
            buffer.putLong(at[0] + 9, price);
            buffer.putLong(at[0] + 17, size);
            at[0] += ORDER;
        });
        return at[0];
    }

    @Override
    public void decode(DirectBuffer buffer, int offset, int length, MarketBook book) {
        L3Book l3 = book.l3();
        if (l3 == null) {
            throw new IllegalArgumentException("an l3 snapshot restores an L3 book, not " + book.mode());
        }
        if (length < 8) {
            throw new IllegalArgumentException("l3 snapshot body too short: " + length + " bytes, the order count "
                    + "alone takes 8");
        }
        long count = buffer.getLong(offset);
        if (count < 0 || count != (length - 8) / ORDER || (length - 8) % ORDER != 0) {
            throw new IllegalArgumentException("l3 snapshot body: " + count + " orders of " + ORDER + " bytes do not "
                    + "make " + length + " bytes");
        }
        l3.clear();
        int at = offset + 8;
        for (long i = 0; i < count; i++) {
            long orderId = buffer.getLong(at + 1);
            int status = l3.add(orderId, Side.of(buffer.getByte(at)), buffer.getLong(at + 9), buffer.getLong(at + 17));
            if (status != L3Book.OK) {
                throw new IllegalArgumentException("l3 snapshot body: order " + i + " (id " + orderId + ") "
                        + (status == L3Book.DUPLICATE_ORDER ? "appears twice" : "has no valid side, price or size"));
            }
            at += ORDER;
        }
    }
}
