package chronicle.cli.internal.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class DecimationTest {

    @Test
    void shouldKeepAShortSeriesWhole() {
        Decimation.Series series = series(100);

        assertSame(series, Decimation.thin(series, 100));
    }

    @Test
    void shouldKeepTheEndsAndEveryExtremeOfALongSeries() {
        Decimation.Series series = series(100_000);
        series.values()[31_337] = 1e9;
        series.values()[77_777] = -1e9;

        Decimation.Series thin = Decimation.thin(series, 400);

        assertTrue(thin.size() <= 400, "at most the limit: " + thin.size());
        assertEquals(0, thin.times()[0]);
        assertEquals(99_999, thin.times()[thin.size() - 1]);
        assertEquals(1e9, Arrays.stream(thin.values()).max().orElseThrow());
        assertEquals(-1e9, Arrays.stream(thin.values()).min().orElseThrow());
        for (int i = 1; i < thin.size(); i++) {
            assertTrue(thin.times()[i] > thin.times()[i - 1], "in time order, each point once");
        }
    }

    @Test
    void shouldTakeEachKeptPointFromTheSeries() {
        Decimation.Series series = series(10_000);

        Decimation.Series thin = Decimation.thin(series, 1_000);

        for (int i = 0; i < thin.size(); i++) {
            int index = (int) thin.times()[i];
            assertEquals(series.values()[index], thin.values()[i]);
        }
        // 250 runs of 40 points; the first run rises throughout, so its ends are its extremes and only they stay.
        assertArrayEquals(new double[]{0, 39, 40}, Arrays.copyOf(thin.times(), 3));
    }

    @Test
    void shouldRefuseALimitTooSmallForOneRun() {
        assertThrows(IllegalArgumentException.class, () -> Decimation.thin(series(10), 3));
    }

    private static Decimation.Series series(int n) {
        double[] times = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i;
            values[i] = Math.sin(i / 50.0) * 100;
        }
        return new Decimation.Series(times, values);
    }
}
