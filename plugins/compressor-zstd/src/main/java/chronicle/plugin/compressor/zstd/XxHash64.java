package chronicle.plugin.compressor.zstd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * XXH64 (seed 0) of a buffer's remaining bytes, as defined by the xxHash specification: the checksum of the
 * Zstandard frame format and of the seekable format's seek table entries (both keep its low 32 bits).
 *
 * <p>Written here rather than taken from a library: the libraries that have it (lz4-java, zero-allocation-hashing)
 * ship as automatic modules only, which jlink refuses, and zero-allocation-hashing reads memory through
 * {@code sun.misc.Unsafe}, which JDK 25 warns about. The tests check it against the checksums libzstd writes.
 * Stateless; allocates nothing.
 */
final class XxHash64 {

    private static final long PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME_3 = 0x165667B19E3779F9L;
    private static final long PRIME_4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME_5 = 0x27D4EB2F165667C5L;

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private XxHash64() {
    }

    /**
     * @param data hashed from its position to its limit; neither changes.
     * @return the 64-bit digest.
     */
    static long hash(ByteBuffer data) {
        int p = data.position();
        int end = data.limit();
        long h;
        if (end - p >= 32) {
            long v1 = PRIME_1 + PRIME_2;
            long v2 = PRIME_2;
            long v3 = 0;
            long v4 = -PRIME_1;
            for (int stripes = end - 31; p < stripes; p += 32) {
                v1 = round(v1, (long) LONGS.get(data, p));
                v2 = round(v2, (long) LONGS.get(data, p + 8));
                v3 = round(v3, (long) LONGS.get(data, p + 16));
                v4 = round(v4, (long) LONGS.get(data, p + 24));
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = PRIME_5;
        }
        h += end - data.position();
        for (; p + 8 <= end; p += 8) {
            h ^= round(0, (long) LONGS.get(data, p));
            h = Long.rotateLeft(h, 27) * PRIME_1 + PRIME_4;
        }
        if (p + 4 <= end) {
            h ^= Integer.toUnsignedLong((int) INTS.get(data, p)) * PRIME_1;
            h = Long.rotateLeft(h, 23) * PRIME_2 + PRIME_3;
            p += 4;
        }
        for (; p < end; p++) {
            h ^= (data.get(p) & 0xFFL) * PRIME_5;
            h = Long.rotateLeft(h, 11) * PRIME_1;
        }
        h ^= h >>> 33;
        h *= PRIME_2;
        h ^= h >>> 29;
        h *= PRIME_3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long accumulator, long lane) {
        return Long.rotateLeft(accumulator + lane * PRIME_2, 31) * PRIME_1;
    }

    private static long merge(long h, long v) {
        return (h ^ round(0, v)) * PRIME_1 + PRIME_4;
    }
}
