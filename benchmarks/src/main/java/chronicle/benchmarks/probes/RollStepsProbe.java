package chronicle.benchmarks.probes;

import chronicle.core.api.IndexPolicy;
import chronicle.core.internal.journal.NativeIO;
import chronicle.core.internal.journal.PreparedSegment;
import chronicle.core.internal.journal.SegmentFiles;
import chronicle.core.internal.journal.SegmentLayout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * The steps of a roll one by one, with the same internal calls {@code QueueWriter.roll()} makes (RollBenchmark,
 * RollProbe). The helper thread's part, timed separately: {@code PreparedSegment.create} (the segment under its
 * final name with a zero header, allocated and mapped, and its index file) and {@code MADV_POPULATE_WRITE} of the
 * first 32 MiB (unless {@code populate=false}). Then the writer's part, timed:
 * <ol>
 *   <li>{@code publish}: {@code PreparedSegment.publish} (the index header written in place, the segment header
 *       stored into the mapping, magic last);</li>
 *   <li>{@code seal}: a volatile store into the previous segment's data area and header (resident pages);</li>
 *   <li>{@code firstWrite}: the first store into the data area of the new segment (offset 128, the first record).</li>
 * </ol>
 * Closing the previous index and unmapping the previous segment are the helper's, as in the writer. Arguments:
 * rounds (100), populate (true), sleep (false: busy-spin 5 ms before the timed steps; true: sleep 5 ms, the CPU goes
 * idle). Run like RollProbe.
 */
public final class RollStepsProbe {

    private RollStepsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        boolean populate = args.length <= 1 || Boolean.parseBoolean(args[1]);
        boolean sleep = args.length > 2 && Boolean.parseBoolean(args[2]);
        int size = 128 << 20;
        IndexPolicy policy = new IndexPolicy(4096, 16, 1000);
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/tmp")), "roll-steps-");
        long[][] t = new long[5][rounds];
        PreparedSegment previous = null;
        try {
            for (int r = 0; r < rounds; r++) {
                long p0 = System.nanoTime();
                PreparedSegment next = PreparedSegment.create(dir, r, size, policy, true);
                long p1 = System.nanoTime();
                if (populate) {
                    NativeIO.populateWrite(next.file().address(), 32L << 20);
                }
                t[3][r] = p1 - p0;
                t[4][r] = System.nanoTime() - p1;
                if (sleep) {
                    Thread.sleep(5); // the CPU goes idle
                } else {
                    for (long until = System.nanoTime() + 5_000_000; System.nanoTime() < until; ) {
                        Thread.onSpinWait(); // the CPU stays busy
                    }
                }
                long a = System.nanoTime();
                next.publish(r * 1000L, policy.interval());
                long b = System.nanoTime();
                if (previous != null) {
                    previous.file().buffer().putIntVolatile(SegmentLayout.HEADER_SIZE + 4096, -1);
                    previous.file().buffer().putIntVolatile(SegmentLayout.FLAGS_OFFSET, 1);
                }
                long c = System.nanoTime();
                next.file().buffer().putLong(SegmentLayout.HEADER_SIZE + 8, 42);
                long d = System.nanoTime();
                t[0][r] = b - a;
                t[1][r] = c - b;
                t[2][r] = d - c;
                if (previous != null) {
                    close(previous);
                    Files.deleteIfExists(SegmentFiles.path(dir, r - 1));
                }
                previous = next;
            }
        } finally {
            if (previous != null) {
                close(previous);
            }
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
            }
        }
        String[] names = {"publish (index header + segment header)", "seal (stores into old segment)",
                "first store into the new data area", "create segment + index (helper's work)",
                "populate 32 MiB (helper's work)"};
        for (int i = 0; i < names.length; i++) {
            long[] v = Arrays.copyOfRange(t[i], rounds / 5, rounds);
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "populate=%s sleep=%s %-40s p50 %8.1f us  p90 %8.1f us  max %8.1f us%n", populate,
                    sleep, names[i], v[v.length / 2] / 1e3, v[(int) (v.length * 0.9)] / 1e3, v[v.length - 1] / 1e3);
        }
    }

    private static void close(PreparedSegment segment) {
        segment.seekIndex().close();
        segment.file().close();
    }
}
