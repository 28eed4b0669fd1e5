package chronicle.feed.binance.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed's hot path allocates nothing in steady state: captured depth diffs parsed, synchronised, normalized and
 * appended to a real queue ({@link HotPathProbe}), counted with the thread's allocation counter after a warm-up.
 * Allocation, not time: timings belong to the JMH benchmark.
 */
@Timeout(120)
class HotPathAllocationTest {

    private static final int MESSAGES = 200_000;

    private static void assertSteadyStateAllocatesLessThan64BytesPerMessage(byte[][] messages) throws IOException {
        try (HotPathProbe probe = new HotPathProbe(messages)) {
            probe.run(MESSAGES); // warm-up: the JIT compiles the path, buffers grow to the largest message
            HotPathProbe.Result result = probe.run(MESSAGES);
            assertEquals(0, result.badMessages());
            assertEquals(0, result.failures());
            assertTrue(result.bytesPerMessage() < 64, result.allocatedBytes() + " bytes allocated for " + MESSAGES
                    + " messages: " + result.bytesPerMessage() + " per message");
        }
    }

    @Test
    void shouldAllocateLessThan64BytesPerDiffInSteadyState() throws IOException {
        assertSteadyStateAllocatesLessThan64BytesPerMessage(
                CapturedMessages.chained(CapturedMessages.CAPTURE, HotPathProbe.PREPARED));
    }

    @Test
    void shouldAllocateLessThan64BytesPerTradeOrBookTickerInSteadyState() throws IOException {
        assertSteadyStateAllocatesLessThan64BytesPerMessage(
                CapturedMessages.tradesAndQuotes(CapturedMessages.CAPTURE, HotPathProbe.PREPARED));
    }
}
