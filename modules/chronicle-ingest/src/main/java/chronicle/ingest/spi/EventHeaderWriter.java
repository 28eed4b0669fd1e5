package chronicle.ingest.spi;

import chronicle.protocol.api.BookMode;
import chronicle.protocol.api.EventHeader;
import chronicle.protocol.api.EventType;
import chronicle.protocol.api.StreamKind;
import org.agrona.MutableDirectBuffer;

/**
 * Writes the {@link EventHeader} of each record of one import: the fields every record of the import shares
 * (venue and market ids, price and size exponents) are given once, the record's own (stream, event, book mode,
 * times) with each record, and the sequence is a counter of the records begun, from 0. Update ids start null and
 * flags 0; a vendor with update ids, flags or a sequence of its own sets them on the header returned.
 * A flyweight: allocates nothing per record. <b>Not thread-safe.</b>
 */
public final class EventHeaderWriter {

    private final EventHeader header = new EventHeader();
    private final int venueId;
    private final long marketId;
    private final int priceExponent;
    private final int sizeExponent;
    private long sequence;

    /**
     * @param venueId       the venue's id in the archive.
     * @param marketId      the market's id in the archive.
     * @param priceExponent decimal exponent of the price mantissas.
     * @param sizeExponent  decimal exponent of the size mantissas.
     */
    public EventHeaderWriter(int venueId, long marketId, int priceExponent, int sizeExponent) {
        this.venueId = venueId;
        this.marketId = marketId;
        this.priceExponent = priceExponent;
        this.sizeExponent = sizeExponent;
    }

    /**
     * @param request       the import: its venue and market ids.
     * @param priceExponent decimal exponent of the price mantissas.
     * @param sizeExponent  decimal exponent of the size mantissas.
     */
    public EventHeaderWriter(ImportRequest request, int priceExponent, int sizeExponent) {
        this(request.venueId(), request.marketId(), priceExponent, sizeExponent);
    }

    /**
     * Starts a record: writes its whole header.
     *
     * @param buffer            where the record is built.
     * @param offset            where it begins; its body begins {@link EventHeader#LENGTH} bytes later.
     * @param stream            the stream.
     * @param event             what the record is.
     * @param mode              the book mode ({@code NONE} for trades, quotes, gap markers).
     * @param ingestTimestamp   the receive (or, without one, exchange) time, epoch ns.
     * @param exchangeTimestamp the venue's time, epoch ns.
     * @return the header, for the fields a vendor sets beyond these.
     */
    public EventHeader begin(MutableDirectBuffer buffer, int offset, StreamKind stream, EventType event,
                             BookMode mode, long ingestTimestamp, long exchangeTimestamp) {
        return header.wrapForWrite(buffer, offset)
                .venueId(venueId)
                .marketId(marketId)
                .stream(stream)
                .eventType(event)
                .bookMode(mode)
                .priceExponent(priceExponent)
                .sizeExponent(sizeExponent)
                .ingestTimestamp(ingestTimestamp)
                .exchangeTimestamp(exchangeTimestamp)
                .sequence(sequence++);
    }

    /** @return the records begun so far (the next record's sequence). */
    public long records() {
        return sequence;
    }
}
