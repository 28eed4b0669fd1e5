package chronicle.plugin.compressor.zstd;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Test input: lines like a market-data feed, compressible but not trivially so; the same seed gives the same bytes. */
final class SampleBytes {

    private SampleBytes() {
    }

    static byte[] marketLines(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(length + 100);
        long price = 10_125_00;
        for (long ts = 1_795_305_600_000_000L; text.length() < length; ts += random.nextInt(5_000)) {
            price += random.nextInt(-3, 4);
            text.append(ts).append(random.nextBoolean() ? ",bid," : ",ask,").append(price / 100).append('.')
                    .append(price % 100).append(',').append(random.nextInt(1, 50_000)).append('\n');
        }
        return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }
}
