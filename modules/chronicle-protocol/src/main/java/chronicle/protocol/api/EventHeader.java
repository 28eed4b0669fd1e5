package chronicle.protocol.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The header of every market-data record, schema version 2. A flyweight: wrap a buffer at an offset, read or
 * write fields in place, allocate nothing.
 *
 * <pre>
 *  0    1    2         4                   8    9    10   11   12   13   14        16
 *  +----+----+---------+-------------------+----+----+----+----+----+----+---------+
 *  |ver |hlen| venue   | market            |strm|evt |mode|pexp|sexp| 0  | flags   |
 *  +----+----+---------+-------------------+----+----+----+----+----+----+---------+
 *  16                  24                  32                  40                  48
 *  +-------------------+-------------------+-------------------+-------------------+
 *  | ingest ts (ns)    | exchange ts (ns)  | sequence          | first update id   |
 *  +-------------------+-------------------+-------------------+-------------------+
 *  48                  56                  64
 *  +-------------------+-------------------+----------------------------------------
 *  | last update id    | prev update id *  | body (layout named by the record's type id) ...
 *  +-------------------+-------------------+----------------------------------------
 *  ver: schema version (1 or 2). hlen: header length in bytes; the body starts there.
 *  strm: {@link StreamKind}; evt: {@link EventType}; mode: {@link BookMode}.
 *  pexp, sexp: signed decimal exponents of prices and sizes: price = mantissa x 10^pexp.
 *  * prev update id: added in version 2 (Binance futures 'pu' chaining). Version 1 headers are 56 bytes long and
 *    read it as {@link #NULL_ID}.
 * </pre>
 * Evolution rule: a new version only appends fields and raises the header length; readers take the body offset
 * from the header length and read fields past it as their null values, so every archive stays readable.
 */
public final class EventHeader {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = 2;
    /** Header length of version 2. */
    public static final int LENGTH = 64;
    /** Header length of version 1. */
    public static final int LENGTH_V1 = 56;
    /** Offset of the 8-byte {@code sequence} field, for a copy that stamps it on the way. */
    public static final int SEQUENCE_OFFSET = 32;
    /** An absent update id. */
    public static final long NULL_ID = Long.MIN_VALUE;

    private static final int VERSION = 0;
    private static final int HEADER_LENGTH = 1;
    private static final int VENUE = 2;
    private static final int MARKET = 4;
    private static final int STREAM = 8;
    private static final int EVENT = 9;
    private static final int MODE = 10;
    private static final int PRICE_EXP = 11;
    private static final int SIZE_EXP = 12;
    private static final int FLAGS = 14;
    private static final int INGEST_TS = 16;
    private static final int EXCHANGE_TS = 24;
    private static final int FIRST_ID = 40;
    private static final int LAST_ID = 48;
    private static final int PREV_ID = 56;

    private DirectBuffer buffer;
    private int offset;

    /**
     * Wraps a header for reading (and, over a mutable buffer, for writing).
     *
     * @param buffer holds the record.
     * @param offset at which the header begins.
     * @return this flyweight.
     */
    public EventHeader wrap(DirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * Starts a new version-2 header: version, length and null update ids set, everything else zero.
     *
     * @param buffer where to write.
     * @param offset at which the header begins.
     * @return this flyweight.
     */
    public EventHeader wrapForWrite(MutableDirectBuffer buffer, int offset) {
        wrap(buffer, offset);
        buffer.setMemory(offset, LENGTH, (byte) 0);
        buffer.putByte(offset + VERSION, (byte) SCHEMA_VERSION);
        buffer.putByte(offset + HEADER_LENGTH, (byte) LENGTH);
        firstUpdateId(NULL_ID).lastUpdateId(NULL_ID).prevUpdateId(NULL_ID);
        return this;
    }

    private MutableDirectBuffer mutable() {
        return (MutableDirectBuffer) buffer;
    }

    /** @return the schema version of this header. */
    public int version() {
        return buffer.getByte(offset + VERSION) & 0xFF;
    }

    /** @return the header length: the body starts at {@code offset + headerLength()}. */
    public int headerLength() {
        return buffer.getByte(offset + HEADER_LENGTH) & 0xFF;
    }

    /** @return the offset of the body in the buffer. */
    public int bodyOffset() {
        return offset + headerLength();
    }

    /** @return the venue id. */
    public int venueId() {
        return buffer.getShort(offset + VENUE) & 0xFFFF;
    }

    /** @param venueId the venue id (0-65535). @return this. */
    public EventHeader venueId(int venueId) {
        mutable().putShort(offset + VENUE, (short) venueId);
        return this;
    }

    /** @return the market id. */
    public long marketId() {
        return buffer.getInt(offset + MARKET) & 0xFFFF_FFFFL;
    }

    /** @param marketId the market id (0 to 2^32-1). @return this. */
    public EventHeader marketId(long marketId) {
        mutable().putInt(offset + MARKET, (int) marketId);
        return this;
    }

    /** @return the stream's wire code ({@link StreamKind}). */
    public int streamCode() {
        return buffer.getByte(offset + STREAM) & 0xFF;
    }

    /** @param stream the stream. @return this. */
    public EventHeader stream(StreamKind stream) {
        mutable().putByte(offset + STREAM, (byte) stream.code());
        return this;
    }

    /** @return the event type's wire code ({@link EventType}). */
    public int eventCode() {
        return buffer.getByte(offset + EVENT) & 0xFF;
    }

    /** @param type the event type. @return this. */
    public EventHeader eventType(EventType type) {
        mutable().putByte(offset + EVENT, (byte) type.code());
        return this;
    }

    /** @return the book mode's wire code ({@link BookMode}). */
    public int bookModeCode() {
        return buffer.getByte(offset + MODE) & 0xFF;
    }

    /** @param mode the book mode. @return this. */
    public EventHeader bookMode(BookMode mode) {
        mutable().putByte(offset + MODE, (byte) mode.code());
        return this;
    }

    /** @return the decimal exponent of prices. */
    public int priceExponent() {
        return buffer.getByte(offset + PRICE_EXP);
    }

    /** @param exponent decimal exponent of prices (-128..127). @return this. */
    public EventHeader priceExponent(int exponent) {
        mutable().putByte(offset + PRICE_EXP, (byte) exponent);
        return this;
    }

    /** @return the decimal exponent of sizes. */
    public int sizeExponent() {
        return buffer.getByte(offset + SIZE_EXP);
    }

    /** @param exponent decimal exponent of sizes. @return this. */
    public EventHeader sizeExponent(int exponent) {
        mutable().putByte(offset + SIZE_EXP, (byte) exponent);
        return this;
    }

    /** @return flag bits (see {@link EventFlags}). */
    public int flags() {
        return buffer.getShort(offset + FLAGS) & 0xFFFF;
    }

    /** @param flags flag bits. @return this. */
    public EventHeader flags(int flags) {
        mutable().putShort(offset + FLAGS, (short) flags);
        return this;
    }

    /** @return when the event was received, epoch nanoseconds. */
    public long ingestTimestamp() {
        return buffer.getLong(offset + INGEST_TS);
    }

    /** @param nanos receive time. @return this. */
    public EventHeader ingestTimestamp(long nanos) {
        mutable().putLong(offset + INGEST_TS, nanos);
        return this;
    }

    /** @return the venue's event time, epoch nanoseconds. */
    public long exchangeTimestamp() {
        return buffer.getLong(offset + EXCHANGE_TS);
    }

    /** @param nanos exchange time. @return this. */
    public EventHeader exchangeTimestamp(long nanos) {
        mutable().putLong(offset + EXCHANGE_TS, nanos);
        return this;
    }

    /** @return the producer's sequence for this stream. */
    public long sequence() {
        return buffer.getLong(offset + SEQUENCE_OFFSET);
    }

    /** @param sequence the producer's sequence. @return this. */
    public EventHeader sequence(long sequence) {
        mutable().putLong(offset + SEQUENCE_OFFSET, sequence);
        return this;
    }

    /** @return the venue's first update id covered, or {@link #NULL_ID}. */
    public long firstUpdateId() {
        return buffer.getLong(offset + FIRST_ID);
    }

    /** @param id first update id. @return this. */
    public EventHeader firstUpdateId(long id) {
        mutable().putLong(offset + FIRST_ID, id);
        return this;
    }

    /** @return the venue's last update id covered, or {@link #NULL_ID}. */
    public long lastUpdateId() {
        return buffer.getLong(offset + LAST_ID);
    }

    /** @param id last update id. @return this. */
    public EventHeader lastUpdateId(long id) {
        mutable().putLong(offset + LAST_ID, id);
        return this;
    }

    /** @return the venue's previous update id (for chaining), or {@link #NULL_ID} (always so in version 1). */
    public long prevUpdateId() {
        return headerLength() >= PREV_ID + 8 ? buffer.getLong(offset + PREV_ID) : NULL_ID;
    }

    /** @param id previous update id. @return this. */
    public EventHeader prevUpdateId(long id) {
        mutable().putLong(offset + PREV_ID, id);
        return this;
    }
}
