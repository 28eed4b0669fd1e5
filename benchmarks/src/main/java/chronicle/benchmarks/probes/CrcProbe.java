package chronicle.benchmarks.probes;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * CPU cost of our per-record checksum in the writer: the same steps as
 * {@code chronicle.core.internal.journal.Crc.of} (CRC32C of 16 header bytes and the payload through a direct
 * {@link ByteBuffer} view, setting position and limit twice), on cache-resident memory. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar chronicle.benchmarks.probes.CrcProbe}
 */
public final class CrcProbe {

    private CrcProbe() {
    }

    public static void main(String[] args) {
        ByteBuffer view = ByteBuffer.allocateDirect(1 << 20);
        CRC32C crc = new CRC32C();
        long sink = 0;
        for (int payload : new int[] {64, 512}) {
            for (int round = 0; round < 6; round++) {
                int n = 20_000_000;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    int at = (i & 1023) * 8;
                    crc.reset();
                    view.limit(at + 4 + 16).position(at + 4);
                    crc.update(view);
                    view.limit(at + 24 + payload).position(at + 24);
                    crc.update(view);
                    view.clear();
                    sink += crc.getValue();
                }
                long t1 = System.nanoTime();
                if (round >= 3) {
                    System.out.printf(Locale.ROOT, "payload %3d B: checksum %.1f ns per record%n", payload,
                            (t1 - t0) / (double) n);
                }
            }
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
