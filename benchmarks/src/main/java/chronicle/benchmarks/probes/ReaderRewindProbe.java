package chronicle.benchmarks.probes;

import chronicle.core.api.ChronicleQueue;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.QueueReader;
import chronicle.core.api.QueueWriter;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.StartPosition;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

/**
 * What a rewind costs our reader (TailReadBenchmark): the time of {@code seek(earliest)}, and the page faults and
 * time of the following pass over 8 Mi records of 64 bytes, against the cost of touching a fresh read-only mapping
 * of the same segment page by page and of opening and closing (unmapping) such a mapping. Run:
 * {@code java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -cp
 * benchmarks/target/benchmarks.jar chronicle.benchmarks.probes.ReaderRewindProbe}
 */
public final class ReaderRewindProbe {

    private static long sink;

    private ReaderRewindProbe() {
    }

    public static void main(String[] args) throws Exception {
        int records = 1 << 23;
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/tmp")), "rewind-probe-");
        try (ChronicleQueue queue = ChronicleQueue.open(dir, QueueOptions.hotIpc().withSegmentSize(1 << 30))) {
            UnsafeBuffer payload = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
            try (QueueWriter writer = queue.createWriter()) {
                for (int i = 0; i < records; i++) {
                    payload.putLong(0, i);
                    writer.append(1, i, payload, 0, 64);
                }
            }
            RecordHandler handler = (type, seq, ts, buffer, offset, length) -> sink += buffer.getLong(offset);
            try (QueueReader reader = queue.createReader(StartPosition.earliest())) {
                for (int pass = 0; pass < 25; pass++) {
                    long f0 = ProcStat.processMinorFaults();
                    long t0 = System.nanoTime();
                    reader.seek(StartPosition.earliest());
                    long t1 = System.nanoTime();
                    long f1 = ProcStat.processMinorFaults();
                    int n = 0;
                    int got;
                    while ((got = reader.poll(handler, 4096)) > 0) {
                        n += got;
                    }
                    long t2 = System.nanoTime();
                    long f2 = ProcStat.processMinorFaults();
                    if (pass >= 15) {
                        System.out.printf(Locale.ROOT, "pass %d: seek %.2f ms (%d faults); read %d records in %.1f ms"
                                + " = %.0f M/s (%d faults)%n", pass, (t1 - t0) / 1e6, f1 - f0, n, (t2 - t1) / 1e6,
                                n / ((t2 - t1) / 1e3), f2 - f1);
                    }
                }
            }
            Path segment;
            try (var files = Files.list(dir)) {
                segment = files.filter(p -> p.toString().endsWith(".q")).findFirst().orElseThrow();
            }
            long used = (long) records * 88;
            for (int k = 0; k < 5; k++) {
                Arena arena = Arena.ofShared();
                long t0 = System.nanoTime();
                MemorySegment map;
                try (FileChannel channel = FileChannel.open(segment)) {
                    map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
                }
                long t1 = System.nanoTime();
                long f0 = ProcStat.processMinorFaults();
                for (long off = 0; off < used; off += 4096) {
                    sink += map.get(ValueLayout.JAVA_BYTE, off);
                }
                long t2 = System.nanoTime();
                long faults = ProcStat.processMinorFaults() - f0;
                arena.close(); // what QueueReader's MappedFile.close() does: shared-arena handshake + munmap
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT, "fresh read-only mapping of the segment: open+map %.2f ms; one byte per"
                        + " 4 KiB page of %d MiB: %.2f ms, %d faults; close (unmap) %.2f ms%n", (t1 - t0) / 1e6,
                        used >> 20, (t2 - t1) / 1e6, faults, (t3 - t2) / 1e6);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
