package chronicle.protocol.api;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The order path's flyweights write what they read back, at any offset, and leave the bytes around them alone. */
@Timeout(30)
class OrderMessagesTest {

    private final Random random = new Random(20261207);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);

    @Test
    void shouldRoundTripEveryFieldOfANewOrder() {
        for (int i = 0; i < 2_000; i++) {
            int offset = random.nextInt(512);
            long id = random.nextLong(), strategy = random.nextLong(), time = random.nextLong();
            long market = random.nextLong() & 0xFFFF_FFFFL, price = random.nextLong(), qty = random.nextLong();
            long tag = random.nextLong();
            int venue = random.nextInt(65536);
            Side side = random.nextBoolean() ? Side.BID : Side.ASK;
            buffer.setMemory(0, buffer.capacity(), (byte) 0x5A);
            int length = new NewOrder().wrap(buffer, offset).set(id, strategy, time, venue, market, side,
                    OrderCodes.TYPE_MARKET, OrderCodes.TIF_FOK, price, qty, tag);
            assertEquals(NewOrder.LENGTH, length);
            NewOrder read = new NewOrder().wrap(buffer, offset);
            assertEquals(id, read.clientOrderId());
            assertEquals(strategy, read.strategyId());
            assertEquals(time, read.sendTime());
            assertEquals(venue, read.venueId());
            assertEquals(market, read.marketId());
            assertEquals(side.code(), read.sideCode());
            assertEquals(OrderCodes.TYPE_MARKET, read.typeCode());
            assertEquals(OrderCodes.TIF_FOK, read.timeInForceCode());
            assertEquals(price, read.price());
            assertEquals(qty, read.quantity());
            assertEquals(tag, read.tag());
            assertEquals((byte) 0x5A, buffer.getByte(offset + NewOrder.LENGTH), "nothing written past the body");
            assertEquals((byte) 0x5A, buffer.getByte(offset - 1 < 0 ? 1023 : offset - 1));
        }
    }

    @Test
    void shouldRoundTripCancelAndModify() {
        new CancelOrder().wrap(buffer, 3).set(42, -7, 1_000, 65535, 0xFFFF_FFFFL);
        CancelOrder cancel = new CancelOrder().wrap(buffer, 3);
        assertEquals(42, cancel.clientOrderId());
        assertEquals(-7, cancel.strategyId());
        assertEquals(1_000, cancel.sendTime());
        assertEquals(65535, cancel.venueId());
        assertEquals(0xFFFF_FFFFL, cancel.marketId());

        assertEquals(ModifyOrder.LENGTH, new ModifyOrder().wrap(buffer, 100).set(43, 8, 2_000, 1, 2, 1234, 5678));
        ModifyOrder modify = new ModifyOrder().wrap(buffer, 100);
        assertEquals(43, modify.clientOrderId());
        assertEquals(8, modify.strategyId());
        assertEquals(2_000, modify.sendTime());
        assertEquals(1, modify.venueId());
        assertEquals(2, modify.marketId());
        assertEquals(1234, modify.price());
        assertEquals(5678, modify.quantity());
    }

    @Test
    void shouldRoundTripAnExecutionReportWithItsText() {
        buffer.setMemory(0, buffer.capacity(), (byte) 0x33);
        ExecutionReport report = new ExecutionReport().wrap(buffer, 10)
                .begin(99, 5, OrderCodes.EVENT_PARTIALLY_FILLED, 3, 4, Side.ASK)
                .order(1000, 50, 20).fill(999, 20, OrderCodes.LIQUIDITY_TAKER, -0.25).exchangeTime(777);
        assertEquals(ExecutionReport.HEADER, report.length(), "no text yet");
        ExecutionReport read = new ExecutionReport().wrap(buffer, 10);
        assertEquals(99, read.clientOrderId());
        assertEquals(5, read.strategyId());
        assertEquals(OrderCodes.EVENT_PARTIALLY_FILLED, read.eventCode());
        assertEquals(3, read.venueId());
        assertEquals(4, read.marketId());
        assertEquals(Side.ASK.code(), read.sideCode());
        assertEquals(1000, read.price());
        assertEquals(50, read.quantity());
        assertEquals(20, read.filled());
        assertEquals(999, read.lastPrice());
        assertEquals(20, read.lastQuantity());
        assertEquals(OrderCodes.LIQUIDITY_TAKER, read.liquidityCode());
        assertEquals(-0.25, read.fee());
        assertEquals(777, read.exchangeTime());
        assertEquals(OrderCodes.REJECT_NONE, read.rejectCode());
        assertEquals("", read.text());

        read.reject(OrderCodes.REJECT_REFUSED, "strategy 'x' is not registered \u00e9");
        assertEquals(OrderCodes.REJECT_REFUSED, read.rejectCode());
        assertEquals("strategy 'x' is not registered ?", read.text());
        assertEquals(ExecutionReport.HEADER + read.textLength(), read.length());

        read.reject(OrderCodes.REJECT_INVALID, "y".repeat(500));
        assertEquals(ExecutionReport.MAX_TEXT, read.text().length(), "text is cut, never overflows");
        assertEquals((byte) 0x33, buffer.getByte(10 + ExecutionReport.MAX_LENGTH));
    }

    @Test
    void shouldKnowItsTypeIdsApartFromMarketData() {
        for (OrderMessageType type : OrderMessageType.values()) {
            assertEquals(type, OrderMessageType.of(type.id()));
            assertNull(MessageType.of(type.id()), "order ids never read as market data");
        }
        assertNull(OrderMessageType.of(MessageType.TRADE.id()));
    }

    @Test
    void shouldGiveStrategiesStableDistinctIds() {
        assertEquals(StrategyIds.of("alpha"), StrategyIds.of("alpha"));
        assertNotEquals(StrategyIds.of("alpha"), StrategyIds.of("alphb"));
        assertEquals(0xcbf29ce484222325L, StrategyIds.of(""), "FNV-1a offset basis for the empty name");
        assertEquals(0xaf63dc4c8601ec8cL, StrategyIds.of("a"), "FNV-1a 64 of 'a'");
    }
}
