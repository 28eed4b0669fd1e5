package chronicle.benchmarks.probes;

import chronicle.core.internal.journal.NativeIO;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the writer pays for its first stores into pages that another thread has prepared, and for streaming writes
 * after that (why {@code PageToucher.prepareForWriting} stores into every page after {@code MADV_POPULATE_WRITE}).
 * Each round: a fresh fallocated 128 MiB file, mapped shared (with {@code MADV_HUGEPAGE} if asked); its first 8 MiB
 * prepared on a helper thread (or on the main thread) in one of these modes:
 * <ul>
 *   <li>{@code none}: nothing;</li>
 *   <li>{@code write}: {@code MADV_POPULATE_WRITE};</li>
 *   <li>{@code read}: {@code MADV_POPULATE_READ};</li>
 *   <li>{@code stores}: an atomic add of zero into every 4 KiB page, no madvise;</li>
 *   <li>{@code wstores}: {@code write}, then {@code stores} (what the writer's helper does);</li>
 *   <li>{@code wfirst}: {@code write}, then one atomic add per 2 MiB.</li>
 * </ul>
 * Then the main thread, after an optional delay, times three single stores (offsets 0, 400 KiB, 800 KiB) and a
 * streaming write of 8-byte stores over 1-8 MiB (per MiB). Arguments: huge (true|false), rounds, mode, thread
 * (helper|same), delay in ms (0). Prints p50/p90 over the last 80% of the rounds and the mean preparation time.
 * Measured here (2026-12-06): with huge folios, the first store after {@code write} p50 8-48 us, after
 * {@code wstores} 0.1-0.6 us; with small folios every page costs about 5.6 us after {@code write} (streaming 1.4 ms
 * per MiB) and 0.35 us after {@code wstores} (0.09-0.14 ms per MiB).
 */
public final class StoreProbe {

    private static final long PREPARED = 8L << 20;

    private StoreProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean huge = Boolean.parseBoolean(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String mode = args[2];
        boolean sameThread = args.length > 3 && args[3].equals("same");
        long delayMillis = args.length > 4 ? Long.parseLong(args[4]) : 0;
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", "/tmp")), "store-probe-");
        long size = 128L << 20;
        long[][] t = new long[4][rounds];
        long prepareNanos = 0;
        try {
            for (int r = 0; r < rounds; r++) {
                Path f = dir.resolve("f" + r);
                Files.createFile(f);
                NativeIO.allocate(f, size);
                long addr = NativeIO.map(f, size, true);
                if (huge) {
                    NativeIO.adviseHugePages(addr, size);
                }
                UnsafeBuffer b = new UnsafeBuffer(addr, (int) size);
                long p0 = System.nanoTime();
                if (sameThread) {
                    prepare(mode, addr, b);
                } else {
                    Thread helper = new Thread(() -> prepare(mode, addr, b));
                    helper.start();
                    helper.join();
                }
                prepareNanos += System.nanoTime() - p0;
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                for (int k = 0; k < 3; k++) {
                    long t0 = System.nanoTime();
                    b.putLong(k * 4096 * 100 + 8, 1);
                    t[k][r] = System.nanoTime() - t0;
                }
                long t0 = System.nanoTime();
                for (int p = 1 << 20; p < PREPARED; p += 8) {
                    b.putLong(p, p);
                }
                t[3][r] = (System.nanoTime() - t0) / 7;
                NativeIO.unmap(addr, size);
                Files.delete(f);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        System.out.printf(Locale.ROOT, "huge %s, %s on the %s thread, delay %d ms: preparing 8 MiB %.1f us mean%n",
                huge, mode, sameThread ? "same" : "helper", delayMillis, prepareNanos / 1e3 / rounds);
        String[] names = {"first store", "store at 400 KiB", "store at 800 KiB", "streaming, per MiB"};
        for (int k = 0; k < 4; k++) {
            long[] v = Arrays.copyOfRange(t[k], rounds / 5, rounds);
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "  %s: p50 %.2f us, p90 %.2f us%n", names[k], v[v.length / 2] / 1e3,
                    v[(int) (v.length * 0.9)] / 1e3);
        }
    }

    private static void prepare(String mode, long addr, UnsafeBuffer b) {
        switch (mode) {
            case "none" -> { }
            case "write" -> NativeIO.populateWrite(addr, PREPARED);
            case "read" -> NativeIO.populateRead(addr, PREPARED);
            case "stores" -> storeEvery(b, 4096);
            case "wstores" -> {
                NativeIO.populateWrite(addr, PREPARED);
                storeEvery(b, 4096);
            }
            case "wfirst" -> {
                NativeIO.populateWrite(addr, PREPARED);
                storeEvery(b, 2 << 20);
            }
            default -> throw new IllegalArgumentException("mode: none, write, read, stores, wstores or wfirst");
        }
    }

    private static void storeEvery(UnsafeBuffer b, int stride) {
        for (int p = 0; p < PREPARED; p += stride) {
            b.getAndAddLong(p + 16, 0);
        }
    }
}
