package chronicle.benchmarks.probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Page-fault counters from /proc (Linux): a profiler-free view of who takes the page faults. */
final class ProcStat {

    private ProcStat() {
    }

    /** @return minor faults of the whole process so far. */
    static long processMinorFaults() {
        return minorFaults(Path.of("/proc/self/stat"));
    }

    /** @return minor faults of the calling thread so far. */
    static long threadMinorFaults() {
        return minorFaults(Path.of("/proc/thread-self/stat"));
    }

    /** @return major faults (the page had to be read or waited for) of the calling thread so far. */
    static long threadMajorFaults() {
        return field(read(Path.of("/proc/thread-self/stat")), 12);
    }

    /** @return minor faults of the first thread of this process whose name starts with the prefix, or -1. */
    static long namedThreadMinorFaults(String prefix) {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat = read(task.resolve("stat"));
                if (stat != null && stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith(prefix)) {
                    return field(stat, 10);
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long minorFaults(Path stat) {
        return field(read(stat), 10);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return null; // a thread that ended meanwhile
        }
    }

    /** @param n a 1-based field number of proc(5) stat. */
    private static long field(String stat, int n) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(rest[n - 3]);
    }
}
