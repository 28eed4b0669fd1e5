package chronicle.benchmarks;

import chronicle.core.api.ThreadAffinity;

/**
 * Where the latency benchmarks put their two spinning threads: the writer (the JMH thread) on the first CPU the
 * process may use, the reader on the second, for both systems alike, so that a comparison stops depending on where
 * the scheduler put them (on 2 vCPUs, a writer and a reader sharing one CPU is a different benchmark). Off with
 * {@code -Dbench.pin=false}; printed as a {@code [pin]} line.
 */
final class Pinning {

    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("bench.pin", "true"));
    /**
     * The CPUs the process may use, read once before any pinning: a thread started by a pinned thread inherits its
     * single CPU.
     */
    private static final int[] ALLOWED = ThreadAffinity.allowedCpus();

    private Pinning() {
    }

    /** Pins the calling thread (the writer) to the first allowed CPU. */
    static void writer() {
        pin("writer", 0);
    }

    /** Pins the calling thread (the reader) to the second allowed CPU (the first if there is only one). */
    static void reader() {
        pin("reader", 1);
    }

    private static void pin(String role, int which) {
        if (!ENABLED) {
            return;
        }
        int[] allowed = ALLOWED;
        if (allowed.length == 0) {
            System.out.println("[pin] " + role + ": CPUs unknown, not pinned");
            return;
        }
        int cpu = allowed[Math.min(which, allowed.length - 1)];
        ThreadAffinity.pinCurrentThread(cpu);
        System.out.println("[pin] " + role + " thread '" + Thread.currentThread().getName() + "' on CPU " + cpu);
    }
}
