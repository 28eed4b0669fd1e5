package chronicle.plugin.tier.s3;

import java.util.Random;

/** Reproducible incompressible bytes for objects in tests. */
final class SampleBytes {

    private SampleBytes() {
    }

    /** @param size how many. @param seed which. @return the bytes. */
    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
