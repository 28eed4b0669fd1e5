package chronicle.benchmarks.probes;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * What the two file-system operations of a roll cost from Java on this machine (RollBenchmark): the rename that
 * publishes a segment ({@code Files.move(..., ATOMIC_MOVE)}, as {@code SegmentFiles.publish} does) and the creation
 * of a seek-index file ({@code FileChannel.open(CREATE)}, a 64-byte header write, {@code truncate}, close, as the
 * {@code SeekIndexWriter} constructor does, plus closing the previous one). Each is timed back to back and after the
 * thread slept 5 ms and 20 ms (its vCPU idles). Arguments: rounds per case (400). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar chronicle.benchmarks.probes.FsOpsProbe}
 */
public final class FsOpsProbe {

    private FsOpsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/tmp")), "fs-ops-");
        try {
            for (long sleepMillis : new long[] {0, 5, 20}) {
                long[] move = new long[rounds];
                long[] create = new long[rounds];
                ByteBuffer header = ByteBuffer.allocate(64);
                for (int i = 0; i < rounds; i++) {
                    Path src = dir.resolve(i + ".q.prep");
                    Files.write(src, new byte[4096]);
                    if (sleepMillis > 0) {
                        Thread.sleep(sleepMillis);
                    }
                    long t0 = System.nanoTime();
                    Files.move(src, dir.resolve(String.format("%09d.q", i)), StandardCopyOption.ATOMIC_MOVE);
                    long t1 = System.nanoTime();
                    try (FileChannel channel = FileChannel.open(dir.resolve(String.format("%09d.idx", i)),
                            StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                        header.clear();
                        channel.write(header, 0);
                        channel.truncate(64);
                    }
                    long t2 = System.nanoTime();
                    move[i] = t1 - t0;
                    create[i] = t2 - t1;
                    Files.delete(dir.resolve(String.format("%09d.q", i)));
                    Files.delete(dir.resolve(String.format("%09d.idx", i)));
                }
                print("rename (Files.move ATOMIC_MOVE)", sleepMillis, move);
                print("index file (open CREATE, write, truncate, close)", sleepMillis, create);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void print(String what, long sleepMillis, long[] nanos) {
        long[] v = Arrays.copyOfRange(nanos, nanos.length / 2, nanos.length); // the second half: JIT-compiled
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%-50s after %2d ms sleep: p50 %7.1f us  p90 %7.1f us  max %8.1f us%n", what,
                sleepMillis, v[v.length / 2] / 1e3, v[(int) (v.length * 0.9)] / 1e3, v[v.length - 1] / 1e3);
    }
}
