package chronicle.framework.internal;

import chronicle.api.strategy.Liquidity;
import chronicle.api.strategy.OrderEventType;
import chronicle.api.strategy.OrderType;
import chronicle.api.strategy.RejectReason;
import chronicle.api.strategy.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every chronicle.api order enum has its own wire code and comes back from it unchanged. */
@Timeout(10)
class WireCodesTest {

    @Test
    void shouldRoundTripEveryConstantThroughADistinctCode() {
        Set<Integer> codes = new HashSet<>();
        for (OrderType t : OrderType.values()) {
            assertTrue(codes.add(WireCodes.of(t)));
            assertEquals(t, WireCodes.orderType(WireCodes.of(t)));
        }
        codes.clear();
        for (TimeInForce t : TimeInForce.values()) {
            assertTrue(codes.add(WireCodes.of(t)));
            assertEquals(t, WireCodes.timeInForce(WireCodes.of(t)));
        }
        codes.clear();
        for (OrderEventType t : OrderEventType.values()) {
            assertTrue(codes.add(WireCodes.of(t)));
            assertEquals(t, WireCodes.eventType(WireCodes.of(t)));
        }
        for (Liquidity l : Liquidity.values()) {
            assertEquals(l, WireCodes.liquidity(WireCodes.of(l)));
        }
        for (RejectReason r : RejectReason.values()) {
            assertEquals(r, WireCodes.rejectReason(WireCodes.of(r)));
        }
        assertNull(WireCodes.orderType(0), "zero is never a valid order type");
        assertNull(WireCodes.timeInForce(99));
        assertNull(WireCodes.eventType(0));
    }
}
