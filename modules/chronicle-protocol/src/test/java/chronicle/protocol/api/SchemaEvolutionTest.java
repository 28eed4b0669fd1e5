package chronicle.protocol.api;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records written by schema version 1 (56-byte header, no previous update id) still decode with this build.
 * The bytes below are a version-1 L2 diff exactly as a version-1 writer laid it out; they are a fixture, not
 * produced by this build's encoder.
 */
@Timeout(10)
class SchemaEvolutionTest {

    /** v1 header (56 bytes) + L2 body: venue 7, market 42, book/DIFF/L2, exponents -2/-3, two levels. */
    private static final String V1_L2_DIFF =
            "01" + "38" + "0700" + "2a000000"                 // version 1, header length 56, venue 7, market 42
            + "01" + "02" + "01" + "fe" + "fd" + "00" + "0000"  // stream BOOK, DIFF, L2, pexp -2, sexp -3, flags 0
            + "0010a5d4e8000000"                               // ingest ts 1_000_000_000_000
            + "00e40b5402000000"                               // exchange ts 10_000_000_000
            + "0500000000000000"                               // sequence 5
            + "6400000000000000"                               // first update id 100
            + "6500000000000000"                               // last update id 101
            + "0200"                                           // 2 levels
            + "01" + "8d27000000000000" + "b80b000000000000"   // bid 101.25 x 3.000
            + "02" + "f127000000000000" + "0000000000000000";  // ask 102.25 x 0 (delete)

    @Test
    void shouldDecodeAVersion1RecordWithTheCurrentCodecs() {
        byte[] bytes = HexFormat.of().parseHex(V1_L2_DIFF);
        UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        EventHeader header = new EventHeader().wrap(buffer, 0);
        assertEquals(1, header.version());
        assertEquals(EventHeader.LENGTH_V1, header.headerLength());
        assertEquals(7, header.venueId());
        assertEquals(42, header.marketId());
        assertEquals(StreamKind.BOOK, StreamKind.of(header.streamCode()));
        assertEquals(EventType.DIFF, EventType.of(header.eventCode()));
        assertEquals(BookMode.L2, BookMode.of(header.bookModeCode()));
        assertEquals(-2, header.priceExponent());
        assertEquals(-3, header.sizeExponent());
        assertEquals(1_000_000_000_000L, header.ingestTimestamp());
        assertEquals(10_000_000_000L, header.exchangeTimestamp());
        assertEquals(5, header.sequence());
        assertEquals(100, header.firstUpdateId());
        assertEquals(101, header.lastUpdateId());
        assertEquals(EventHeader.NULL_ID, header.prevUpdateId(), "a field version 1 did not have reads as null");
        L2Levels levels = new L2Levels().wrap(buffer, header.bodyOffset());
        assertEquals(2, levels.count());
        assertEquals("101.25", Decimals.toString(levels.price(0), header.priceExponent()));
        assertEquals("3", Decimals.toString(levels.size(0), header.sizeExponent()));
        assertEquals(Side.ASK, Side.of(levels.sideCode(1)));
        assertEquals(0, levels.size(1));
        String json = ProtocolJson.render(MessageType.L2_DIFF.id(), buffer, 0, bytes.length);
        assertTrue(json.contains("\"schema\":1") && json.contains("\"prev_id\":null")
                && json.contains("[\"bid\",\"101.25\",\"3\"]"), json);
    }
}
