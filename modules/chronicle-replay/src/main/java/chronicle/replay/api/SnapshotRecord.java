package chronicle.replay.api;

import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventFlags;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.L2Levels;
import chronicle.protocol.api.L3Action;
import chronicle.protocol.api.L3Events;
import chronicle.protocol.api.MessageType;
import chronicle.protocol.api.Side;
import chronicle.protocol.api.StreamKind;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A book written into the stream itself as one snapshot record, which {@link ReplayEngine} applies like a venue's
 * own snapshot (it replaces the book and ends a wait for a snapshot):
 * <ul>
 *   <li>an L2 book: an {@link MessageType#L2_SNAPSHOT} record, every level of both sides ({@link L2Levels});</li>
 *   <li>an L3 book: an {@link MessageType#L3_EVENTS} record whose header says {@link EventType#SNAPSHOT}, one
 *       {@link L3Action#ADD} per resting order, each level's queue front to back, so queue positions survive.</li>
 * </ul>
 * The header carries the book's venue and market, exponents, last exchange and ingest times and last update id
 * (so the venue's next diff chains on), and the {@link EventFlags#SYNTHETIC} flag: the venue never sent it.
 *
 * <p>A book of more than 65,535 levels or orders does not fit one record ({@link #encode} returns 0).
 * <b>Not thread-safe</b>; reuses its buffer, so steady use allocates nothing once it has grown.
 */
public final class SnapshotRecord {

    /** Most levels or orders one record holds (its count field is 16 bits). */
    public static final int MAX_ENTRIES = 0xFFFF;

    private static final Side[] SIDES = {Side.BID, Side.ASK};

    private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(4096);
    private final EventHeader header = new EventHeader();
    private final L2Levels levels = new L2Levels();
    private final L3Events events = new L3Events();
    private final OrderVisitor adder = this::add;
    private int type;
    private int count;

    /**
     * Encodes a book.
     *
     * @param book the book: not awaiting a snapshot.
     * @return the record's length in {@link #buffer()}, or 0 if the book has more than {@value #MAX_ENTRIES} levels or
     *         orders.
     */
    public int encode(MarketBook book) {
        boolean l3 = book.mode() == BookMode.L3;
        int entries = l3 ? book.l3().orderCount()
                : book.levels().depth(Side.BID) + book.levels().depth(Side.ASK);
        if (entries > MAX_ENTRIES) {
            return 0;
        }
        int length = EventHeader.LENGTH + (l3 ? L3Events.length(entries) : L2Levels.length(entries));
        buffer.checkLimit(length);
        header.wrapForWrite(buffer, 0)
                .venueId(book.venueId())
                .marketId(book.marketId())
                .stream(StreamKind.BOOK)
                .eventType(EventType.SNAPSHOT)
                .bookMode(book.mode())
                .priceExponent(book.priceExponent())
                .sizeExponent(book.sizeExponent())
                .ingestTimestamp(book.lastIngestTimestamp())
                .exchangeTimestamp(book.lastExchangeTimestamp())
                .firstUpdateId(book.lastUpdateId())
                .lastUpdateId(book.lastUpdateId())
                .flags(EventFlags.SYNTHETIC);
        if (l3) {
            type = MessageType.L3_EVENTS.id();
            events.wrap(buffer, EventHeader.LENGTH).count(entries);
            count = 0;
            book.l3().forEachOrder(adder);
        } else {
            type = MessageType.L2_SNAPSHOT.id();
            levels.wrap(buffer, EventHeader.LENGTH).count(entries);
            int i = 0;
            for (Side side : SIDES) {
                for (int level = 0; level < book.levels().depth(side); level++) {
                    levels.level(i++, side, book.levels().price(side, level), book.levels().size(side, level));
                }
            }
        }
        return length;
    }

    private void add(long orderId, Side side, long price, long size) {
        events.event(count++, L3Action.ADD, side, orderId, price, size, 0);
    }

    /** @return the record's message type id, after {@link #encode}. */
    public int type() {
        return type;
    }

    /** @return the buffer the record was encoded into, from offset 0. */
    public MutableDirectBuffer buffer() {
        return buffer;
    }
}
