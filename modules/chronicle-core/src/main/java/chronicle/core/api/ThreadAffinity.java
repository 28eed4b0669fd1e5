package chronicle.core.api;

import chronicle.core.internal.journal.NativeIO;

import java.util.Arrays;

/**
 * Pins the calling thread to CPUs ({@code sched_setaffinity} through the Foreign Function and Memory API, no native
 * library of ours): for a latency-sensitive writer or reader that must not be moved between cores by the scheduler,
 * and for benchmarks whose comparison must not depend on where the scheduler put each thread.
 *
 * <p>Linux only. Pinning restricts where the thread may run; it reserves nothing: keep other busy threads off those
 * CPUs (for example with {@code isolcpus} or a cgroup cpuset) for the full effect.
 */
public final class ThreadAffinity {

    private ThreadAffinity() {
    }

    /**
     * Pins the calling thread to one CPU.
     *
     * @param cpu the CPU's number, from 0 to {@code Runtime.availableProcessors() - 1} on a machine without gaps.
     * @throws IllegalArgumentException naming the CPU if it is out of range or the kernel refuses it (not online, or
     *                                  outside this process's allowed set).
     */
    public static void pinCurrentThread(int cpu) {
        pinCurrentThread(new int[] {cpu});
    }

    /**
     * Restricts the calling thread to a set of CPUs.
     *
     * @param cpus the CPUs' numbers, at least one.
     * @throws IllegalArgumentException naming the CPUs if one is out of range or the kernel refuses the set.
     */
    public static void pinCurrentThread(int... cpus) {
        if (cpus.length == 0) {
            throw new IllegalArgumentException("no CPU given to pin the thread to");
        }
        for (int cpu : cpus) {
            if (cpu < 0 || cpu > 1023) {
                throw new IllegalArgumentException("CPU " + cpu + " is out of range (0-1023)");
            }
        }
        if (NativeIO.setAffinityOfThisThread(cpus) != 0) {
            throw new IllegalArgumentException("cannot pin thread '" + Thread.currentThread().getName()
                    + "' to CPU(s) " + Arrays.toString(cpus) + ": not online or not allowed to this process (allowed: "
                    + Arrays.toString(allowedCpus()) + ")");
        }
    }

    /** @return the CPUs the calling thread may run on now, ascending. */
    public static int[] allowedCpus() {
        return NativeIO.affinityOfThisThread();
    }
}
