package chronicle.benchmarks.probes;

import chronicle.core.internal.journal.MappedFile;
import chronicle.core.internal.journal.NativeIO;
import chronicle.core.internal.journal.SeekIndexWriter;
import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentLayout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * The steps of a roll one by one, with the same internal calls {@code QueueWriter.roll()} makes (RollBenchmark,
 * RollProbe): a segment is prepared as the writer's helper thread does it ({@code SegmentFiles.prepare}, then
 * {@code MADV_POPULATE_WRITE} of its first 32 MiB unless {@code populate=false}), then timed:
 * <ol>
 *   <li>{@code publish}: {@code SegmentFiles.publish} (writes the header into the mapping, renames the file);</li>
 *   <li>{@code seal}: a volatile store into the previous segment's data area and header (resident pages);</li>
 *   <li>{@code index}: {@code new SeekIndexWriter(...)} (creates the index file, writes its header) and closing the
 *       previous one;</li>
 *   <li>{@code firstWrite}: the first store into the data area of the new segment (offset 128, the first record).</li>
 * </ol>
 * Arguments: rounds (100), populate (true), sleep (false: busy-spin 5 ms before the timed steps; true: sleep 5 ms, the
 * CPU goes idle). Run like RollProbe.
 */
public final class RollStepsProbe {

    private RollStepsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        boolean populate = args.length <= 1 || Boolean.parseBoolean(args[1]);
        boolean sleep = args.length > 2 && Boolean.parseBoolean(args[2]);
        int size = 128 << 20;
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/tmp")), "roll-steps-");
        long[][] t = new long[5][rounds];
        MappedFile previous = null;
        SeekIndexWriter previousIndex = null;
        try {
            for (int r = 0; r < rounds; r++) {
                MappedFile prepared = SegmentFiles.prepare(dir, r, size);
                long p0 = System.nanoTime();
                if (populate) {
                    NativeIO.populateWrite(prepared.address(), 32L << 20);
                }
                t[4][r] = System.nanoTime() - p0;
                if (sleep) {
                    Thread.sleep(5); // the CPU goes idle
                } else {
                    for (long until = System.nanoTime() + 5_000_000; System.nanoTime() < until; ) {
                        Thread.onSpinWait(); // the CPU stays busy
                    }
                }
                long a = System.nanoTime();
                MappedFile next = SegmentFiles.publish(prepared, dir, r, r * 1000L);
                long b = System.nanoTime();
                if (previous != null) {
                    previous.buffer().putIntVolatile(SegmentLayout.HEADER_SIZE + 4096, -1);
                    previous.buffer().putIntVolatile(SegmentLayout.FLAGS_OFFSET, 1);
                }
                long c = System.nanoTime();
                if (previousIndex != null) {
                    previousIndex.close();
                }
                SeekIndexWriter index = new SeekIndexWriter(dir.resolve(SegmentLayout.indexFileName(r)), r, r * 1000L,
                        4096, 0, 16, 1_000_000_000L);
                long d = System.nanoTime();
                next.buffer().putLong(SegmentLayout.HEADER_SIZE + 8, 42);
                long e = System.nanoTime();
                t[0][r] = b - a;
                t[1][r] = c - b;
                t[2][r] = d - c;
                t[3][r] = e - d;
                if (previous != null) {
                    previous.close();
                    Files.deleteIfExists(SegmentFiles.path(dir, r - 1));
                }
                previous = next;
                previousIndex = index;
            }
        } finally {
            if (previous != null) {
                previous.close();
            }
            if (previousIndex != null) {
                previousIndex.close();
            }
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
            }
        }
        String[] names = {"publish (header + rename)", "seal (stores into old segment)", "index file (close old, "
                + "create new)", "first store into the new data area", "populate 32 MiB (helper's work)"};
        for (int i = 0; i < names.length; i++) {
            long[] v = Arrays.copyOfRange(t[i], rounds / 5, rounds);
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "populate=%s sleep=%s %-40s p50 %8.1f us  p90 %8.1f us  max %8.1f us%n", populate,
                    sleep, names[i], v[v.length / 2] / 1e3, v[(int) (v.length * 0.9)] / 1e3, v[v.length - 1] / 1e3);
        }
    }
}
