package chronicle.cli.internal.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class LatencyHistogramTest {

    @Test
    void shouldTakePercentilesByNearestRankInMicroseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[99 - i] = (i + 1) * 1_000L;
        }

        LatencyHistogram histogram = LatencyHistogram.of(nanos);

        assertEquals(100, histogram.count());
        assertEquals(1, histogram.min());
        assertEquals(50, histogram.p50());
        assertEquals(90, histogram.p90());
        assertEquals(99, histogram.p99());
        assertEquals(100, histogram.max());
        assertEquals(1_000L, nanos[99], "the caller's array is left as it was");
    }

    @Test
    void shouldCountEveryOrderInEqualBinsFromFastestToSlowest() {
        long[] nanos = {10_000, 10_000, 20_000, 50_000, 50_000, 50_000};

        LatencyHistogram histogram = LatencyHistogram.of(nanos);

        assertEquals(LatencyHistogram.BINS, histogram.counts().length);
        assertEquals(6, Arrays.stream(histogram.counts()).sum());
        assertEquals(1, histogram.binWidth());
        assertEquals(10.5, histogram.binCentres()[0]);
        assertEquals(2, histogram.counts()[0]);
        assertEquals(1, histogram.counts()[10]);
        assertEquals(3, histogram.counts()[LatencyHistogram.BINS - 1], "the slowest fall into the last bin");
    }

    @Test
    void shouldDrawOneBarWhenEveryOrderTookTheSameTime() {
        LatencyHistogram histogram = LatencyHistogram.of(new long[]{250_000, 250_000, 250_000});

        assertArrayEquals(new double[]{250}, histogram.binCentres());
        assertArrayEquals(new long[]{3}, histogram.counts());
        assertEquals(250, histogram.p99());
    }

    @Test
    void shouldBeEmptyWithoutOrders() {
        LatencyHistogram histogram = LatencyHistogram.of(new long[0]);

        assertEquals(0, histogram.count());
        assertEquals(0, histogram.counts().length);
    }
}
