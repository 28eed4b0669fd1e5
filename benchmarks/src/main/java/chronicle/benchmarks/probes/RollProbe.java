package chronicle.benchmarks.probes;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import chronicle.core.internal.journal.WriterHelper;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the time of {@link QueueWriter#roll()} goes (RollBenchmark): rolls a hot-profile queue (128 MiB segments)
 * {@code rolls} times, each after 10 000 appends and after the writer's helper thread has prepared the next segment,
 * and prints the distribution of roll times. Each roll is bracketed by a {@code stat} of a path that does not exist
 * ({@code /roll-begin-N}, {@code /roll-end-N}), so that under {@code strace -f -tt -T} the system calls of the roll
 * (on the writer's thread and on the helper thread) can be told apart:
 * {@code strace -f -tt -T -o roll.strace java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
 * --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar chronicle.benchmarks.probes.RollProbe 100 true}.
 * Arguments: rolls (300), markers (false), extra wait in ms after the segment is prepared (0: roll at once; e.g.
 * 50: the helper thread is idle when the roll happens), pre-touch (true), how the writer waits for the helper:
 * {@code park} (parkNanos 50 us: its CPU goes idle), {@code spin} (busy), {@code append} (keeps appending: a busy
 * writer), preread (false; true: just before each timed roll the writer's thread loads one word from the first page of
 * the next segment and of the current one, the two pages the roll stores into: measured 2026-12-06, p50 53 -> 31 us,
 * p99 150 -> 100-110 us, so about 11 us per page is the writer's first access to it, not the work). Also counts the
 * page faults the writer's thread takes inside the timed rolls ({@code /proc/thread-self/stat}).
 */
public final class RollProbe {

    private RollProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rolls = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        boolean markers = args.length > 1 && Boolean.parseBoolean(args[1]);
        long extraWaitMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
        boolean pretouch = args.length <= 3 || Boolean.parseBoolean(args[3]);
        String wait = args.length > 4 ? args[4] : "park";
        boolean preread = args.length > 5 && Boolean.parseBoolean(args[5]);
        Field bufferField = QueueWriter.class.getDeclaredField("buffer");
        bufferField.setAccessible(true);
        long sink = 0;
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/tmp")), "roll-probe-");
        long[] nanos = new long[rolls];
        long[] minor = new long[rolls];
        long[] major = new long[rolls];
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withPretouch(pretouch));
             QueueWriter writer = queue.createWriter()) {
            Field f = QueueWriter.class.getDeclaredField("helper");
            f.setAccessible(true);
            WriterHelper background = (WriterHelper) f.get(writer);
            UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
            long ts = 0;
            for (int r = 0; r < rolls; r++) {
                for (int i = 0; i < 10_000; i++) {
                    writer.append(1, ts++, payload, 0, 64);
                }
                while (!background.isPrepared(writer.segmentIndex() + 1)) {
                    switch (wait) {
                        case "park" -> LockSupport.parkNanos(50_000);
                        case "spin" -> Thread.onSpinWait();
                        case "append" -> writer.append(1, ts++, payload, 0, 64);
                        default -> throw new IllegalArgumentException("wait: park, spin or append");
                    }
                }
                for (long index = writer.segmentIndex() - 3; index >= 0; index--) {
                    if (!Files.deleteIfExists(dir.resolve(String.format("%09d.q", index)))) {
                        break;
                    }
                    Files.deleteIfExists(dir.resolve(String.format("%09d.idx", index)));
                }
                if (extraWaitMillis > 0) {
                    Thread.sleep(extraWaitMillis);
                }
                if (markers) {
                    Files.exists(Path.of("/roll-begin-" + r));
                }
                if (preread) {
                    // One load from the first page of the next segment and of the current one, outside the timing.
                    sink += background.prepared().file().buffer().getLong(0);
                    sink += ((UnsafeBuffer) bufferField.get(writer)).getLong(0);
                }
                long minor0 = ProcStat.threadMinorFaults();
                long major0 = ProcStat.threadMajorFaults();
                long t0 = System.nanoTime();
                writer.roll();
                nanos[r] = System.nanoTime() - t0;
                minor[r] = ProcStat.threadMinorFaults() - minor0;
                major[r] = ProcStat.threadMajorFaults() - major0;
                if (markers) {
                    Files.exists(Path.of("/roll-end-" + r));
                }
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
            }
        }
        StringBuilder faulted = new StringBuilder();
        int faultedRolls = 0;
        for (int r = rolls / 5; r < rolls; r++) {
            if (minor[r] + major[r] > 0) {
                faultedRolls++;
                faulted.append(String.format(Locale.ROOT, " %.0f", nanos[r] / 1e3));
            }
        }
        System.out.printf(Locale.ROOT, "rolls with page faults on the writer's thread (last %d): %d, minor %d, major %d;"
                + " their times (us):%s%n", rolls - rolls / 5, faultedRolls,
                Arrays.stream(minor, rolls / 5, rolls).sum(), Arrays.stream(major, rolls / 5, rolls).sum(), faulted);
        long[] warm = Arrays.copyOfRange(nanos, rolls / 5, rolls);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "wait %s, pretouch %s, extra wait %d ms, preread %s (%d): roll (last %d of %d): p50 %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us%n",
                wait, pretouch, extraWaitMillis, preread, sink & 1, warm.length, rolls, warm[warm.length / 2] / 1e3, warm[(int) (warm.length * 0.9)] / 1e3,
                warm[(int) (warm.length * 0.99)] / 1e3, warm[warm.length - 1] / 1e3);
    }
}
