package chronicle.benchmarks.probes;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

/**
 * Does the writer's background pre-touch thread stay ahead of the writer? Appends as fast as possible for 2 s into
 * a fresh queue (pre-touch on, 1 GiB segment), three times per payload size, and prints the minor page faults taken
 * by the appending thread itself and by the pre-touch thread ({@code chronicle-writer-*}). Run:
 * {@code java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -cp
 * benchmarks/target/benchmarks.jar chronicle.benchmarks.probes.PretouchProbe}
 */
public final class PretouchProbe {

    private PretouchProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(System.getProperty("bench.dir", "/tmp"));
        for (int payloadSize : new int[] {64, 512, 64, 512, 64, 512}) {
            Path dir = Files.createTempDirectory(base, "pretouch-probe-");
            UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(payloadSize));
            try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(1 << 30)
                    .withPretouch(true));
                 QueueWriter writer = queue.createWriter()) {
                long writer0 = ProcStat.threadMinorFaults();
                long touch0 = ProcStat.namedThreadMinorFaults("chronicle-writ");
                long t0 = System.nanoTime();
                long n = 0;
                while (System.nanoTime() - t0 < 2_000_000_000L) {
                    for (int i = 0; i < 1000; i++) {
                        writer.append(1, n++, payload, 0, payloadSize);
                    }
                }
                long t1 = System.nanoTime();
                long writerFaults = ProcStat.threadMinorFaults() - writer0;
                long touchFaults = ProcStat.namedThreadMinorFaults("chronicle-writ") - touch0;
                double seconds = (t1 - t0) / 1e9;
                System.out.printf(Locale.ROOT, "payload %3d B: %5.1f M records/s, %5.0f MB/s; minor faults: appending "
                        + "thread %6d, pre-touch thread %6d (%.0f%% taken by the appender)%n", payloadSize,
                        n / seconds / 1e6, n * (24.0 + payloadSize) / seconds / 1e6, writerFaults, touchFaults,
                        100.0 * writerFaults / Math.max(1, writerFaults + touchFaults));
            } finally {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
