package chronicle.protocol.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-style round trips: thousands of random values per type (edge values included) are written with the
 * flyweights at random offsets and read back field by field; the JSON rendering is parsed by Jackson and checked.
 */
@Timeout(60)
class RoundTripTest {

    private static final int CASES = 5_000;
    private static final long[] EDGES = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE + 1, 123_456_789_012L};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random = new Random(20261122);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);

    private long anyLong() {
        return random.nextInt(4) == 0 ? EDGES[random.nextInt(EDGES.length)] : random.nextLong();
    }

    private <E extends Enum<E>> E any(Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[random.nextInt(values.length)];
    }

    private record Head(int venue, long market, StreamKind stream, EventType event, BookMode mode, int pexp,
                        int sexp, int flags, long ingest, long exchange, long seq, long first, long last,
                        long prev) {
    }

    private Head writeHeader(int offset) {
        Head h = new Head(random.nextInt(65536), random.nextLong() & 0xFFFF_FFFFL, any(StreamKind.class),
                any(EventType.class), any(BookMode.class), random.nextInt(256) - 128, random.nextInt(256) - 128,
                random.nextInt(65536), anyLong(), anyLong(), anyLong(), anyLong(), anyLong(), anyLong());
        new EventHeader().wrapForWrite(buffer, offset).venueId(h.venue).marketId(h.market).stream(h.stream)
                .eventType(h.event).bookMode(h.mode).priceExponent(h.pexp).sizeExponent(h.sexp).flags(h.flags)
                .ingestTimestamp(h.ingest).exchangeTimestamp(h.exchange).sequence(h.seq).firstUpdateId(h.first)
                .lastUpdateId(h.last).prevUpdateId(h.prev);
        return h;
    }

    private void assertHeader(Head h, int offset) {
        EventHeader r = new EventHeader().wrap(buffer, offset);
        assertEquals(EventHeader.SCHEMA_VERSION, r.version());
        assertEquals(EventHeader.LENGTH, r.headerLength());
        assertEquals(offset + EventHeader.LENGTH, r.bodyOffset());
        assertEquals(h.venue, r.venueId());
        assertEquals(h.market, r.marketId());
        assertEquals(h.stream, StreamKind.of(r.streamCode()));
        assertEquals(h.event, EventType.of(r.eventCode()));
        assertEquals(h.mode, BookMode.of(r.bookModeCode()));
        assertEquals(h.pexp, r.priceExponent());
        assertEquals(h.sexp, r.sizeExponent());
        assertEquals(h.flags, r.flags());
        assertEquals(h.ingest, r.ingestTimestamp());
        assertEquals(h.exchange, r.exchangeTimestamp());
        assertEquals(h.seq, r.sequence());
        assertEquals(h.first, r.firstUpdateId());
        assertEquals(h.last, r.lastUpdateId());
        assertEquals(h.prev, r.prevUpdateId());
    }

    private JsonNode json(MessageType type, int offset, int length) throws Exception {
        String text = ProtocolJson.render(type.id(), buffer, offset, length);
        JsonNode node = JSON.readTree(text);
        assertEquals(type.name(), node.get("type").asText());
        assertTrue(!node.has("error"), text);
        return node;
    }

    @Test
    void shouldRoundTripL2LevelsInBothMessageTypes() throws Exception {
        for (int n = 0; n < CASES; n++) {
            int offset = random.nextInt(64);
            Head h = writeHeader(offset);
            int count = n < 3 ? n : random.nextInt(60);
            Side[] sides = new Side[count];
            long[] prices = new long[count];
            long[] sizes = new long[count];
            L2Levels levels = new L2Levels().wrap(buffer, offset + EventHeader.LENGTH).count(count);
            for (int i = 0; i < count; i++) {
                sides[i] = random.nextBoolean() ? Side.BID : Side.ASK;
                prices[i] = anyLong();
                sizes[i] = random.nextInt(3) == 0 ? 0 : anyLong();
                levels.level(i, sides[i], prices[i], sizes[i]);
            }
            assertHeader(h, offset);
            L2Levels read = new L2Levels().wrap(buffer, offset + EventHeader.LENGTH);
            assertEquals(count, read.count());
            for (int i = 0; i < count; i++) {
                assertEquals(sides[i], Side.of(read.sideCode(i)));
                assertEquals(prices[i], read.price(i));
                assertEquals(sizes[i], read.size(i));
            }
            if (n % 50 == 0) {
                MessageType type = n % 100 == 0 ? MessageType.L2_SNAPSHOT : MessageType.L2_DIFF;
                JsonNode node = json(type, offset, EventHeader.LENGTH + L2Levels.length(count));
                assertEquals(count, node.get("levels").size());
                for (int i = 0; i < count; i++) {
                    JsonNode level = node.get("levels").get(i);
                    assertEquals(sides[i].label(), level.get(0).asText());
                    assertEquals(Decimals.toString(prices[i], h.pexp), level.get(1).asText());
                    assertEquals(Decimals.toString(sizes[i], h.sexp), level.get(2).asText());
                }
                assertEquals(h.seq, node.get("seq").asLong());
            }
        }
    }

    @Test
    void shouldRoundTripL3Events() throws Exception {
        for (int n = 0; n < CASES; n++) {
            int offset = random.nextInt(64);
            Head h = writeHeader(offset);
            int count = random.nextInt(8);
            L3Events events = new L3Events().wrap(buffer, offset + EventHeader.LENGTH).count(count);
            long[][] values = new long[count][4];
            L3Action[] actions = new L3Action[count];
            Side[] sides = new Side[count];
            for (int i = 0; i < count; i++) {
                actions[i] = any(L3Action.class);
                sides[i] = any(Side.class);
                values[i] = new long[] {anyLong(), anyLong(), anyLong(), anyLong()};
                events.event(i, actions[i], sides[i], values[i][0], values[i][1], values[i][2], values[i][3]);
            }
            assertHeader(h, offset);
            L3Events read = new L3Events().wrap(buffer, offset + EventHeader.LENGTH);
            assertEquals(count, read.count());
            for (int i = 0; i < count; i++) {
                assertEquals(actions[i], L3Action.of(read.actionCode(i)));
                assertEquals(sides[i], Side.of(read.sideCode(i)));
                assertEquals(values[i][0], read.orderId(i));
                assertEquals(values[i][1], read.price(i));
                assertEquals(values[i][2], read.size(i));
                assertEquals(values[i][3], read.tradeId(i));
            }
            if (n % 50 == 0) {
                JsonNode node = json(MessageType.L3_EVENTS, offset, EventHeader.LENGTH + L3Events.length(count));
                assertEquals(count, node.get("events").size());
                for (int i = 0; i < count; i++) {
                    assertEquals(actions[i].name(), node.get("events").get(i).get("action").asText());
                    assertEquals(values[i][0], node.get("events").get(i).get("order_id").asLong());
                }
            }
        }
    }

    @Test
    void shouldRoundTripTradesQuotesGapsAndHeaderOnlyTypes() throws Exception {
        for (int n = 0; n < CASES; n++) {
            int offset = random.nextInt(64);
            int body = offset + EventHeader.LENGTH;
            Head h = writeHeader(offset);
            long a = anyLong();
            long b = anyLong();
            long c = anyLong();
            long d = anyLong();
            Side side = any(Side.class);
            new Trade().wrap(buffer, body).set(a, b, c, side);
            Trade trade = new Trade().wrap(buffer, body);
            assertEquals(a, trade.tradeId());
            assertEquals(b, trade.price());
            assertEquals(c, trade.size());
            assertEquals(side, Side.of(trade.aggressorCode()));
            assertHeader(h, offset);
            if (n % 100 == 0) {
                JsonNode node = json(MessageType.TRADE, offset, EventHeader.LENGTH + Trade.LENGTH);
                assertEquals(Decimals.toString(b, h.pexp), node.get("price").asText());
                assertEquals(side.label(), node.get("aggressor").asText());
            }
            new Quote().wrap(buffer, body).set(a, b, c, d);
            Quote quote = new Quote().wrap(buffer, body);
            assertEquals(a, quote.bidPrice());
            assertEquals(b, quote.bidSize());
            assertEquals(c, quote.askPrice());
            assertEquals(d, quote.askSize());
            if (n % 100 == 0) {
                JsonNode node = json(MessageType.BBO, offset, EventHeader.LENGTH + Quote.LENGTH);
                assertEquals(Decimals.toString(c, h.pexp), node.get("ask").get(0).asText());
            }
            GapReason reason = any(GapReason.class);
            String note = "lost \"ids\" " + n;
            int length = new Gap().wrap(buffer, body).set(a, b, reason, note);
            Gap gap = new Gap().wrap(buffer, body);
            assertEquals(Gap.length(note.length()), length);
            assertEquals(a, gap.fromId());
            assertEquals(b, gap.toId());
            assertEquals(reason, GapReason.of(gap.reasonCode()));
            assertEquals(note, gap.note());
            if (n % 100 == 0) {
                JsonNode node = json(MessageType.GAP, offset, EventHeader.LENGTH + length);
                assertEquals(note, node.get("note").asText());
                assertEquals(reason.name(), node.get("reason").asText());
            }
            for (MessageType headerOnly : new MessageType[] {MessageType.HEARTBEAT, MessageType.RESET}) {
                JsonNode node = json(headerOnly, offset, EventHeader.LENGTH);
                assertEquals(h.venue, node.get("venue").asInt());
            }
        }
    }

    @Test
    void shouldRenderShortOrForeignRecordsWithoutThrowing() throws Exception {
        assertNull(ProtocolJson.render(0x9999, buffer, 0, 100), "not a market-data type");
        JsonNode shortOne = JSON.readTree(ProtocolJson.render(MessageType.TRADE.id(), buffer, 0, 10));
        assertTrue(shortOne.get("error").asText().contains("shorter than an event header"));
        new EventHeader().wrapForWrite(buffer, 0);
        new L2Levels().wrap(buffer, EventHeader.LENGTH).count(1000);
        JsonNode tooMany = JSON.readTree(ProtocolJson.render(MessageType.L2_DIFF.id(), buffer, 0, 100));
        assertTrue(tooMany.get("error").asText().contains("level count"));
    }

    @Test
    void shouldCoverEveryWireCodeBothWays() {
        for (MessageType t : MessageType.values()) {
            assertEquals(t, MessageType.of(t.id()));
        }
        for (EventType t : EventType.values()) {
            assertEquals(t, EventType.of(t.code()));
        }
        for (BookMode t : BookMode.values()) {
            assertEquals(t, BookMode.of(t.code()));
        }
        for (Side t : Side.values()) {
            assertEquals(t, Side.of(t.code()));
        }
        for (StreamKind t : StreamKind.values()) {
            assertEquals(t, StreamKind.of(t.code()));
        }
        for (L3Action t : L3Action.values()) {
            assertEquals(t, L3Action.of(t.code()));
        }
        for (GapReason t : GapReason.values()) {
            assertEquals(t, GapReason.of(t.code()));
        }
        assertNull(MessageType.of(0));
        assertNull(L3Action.of(0));
        assertNull(Side.of(9));
    }
}
