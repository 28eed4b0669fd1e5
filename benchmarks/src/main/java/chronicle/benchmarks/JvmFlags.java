package chronicle.benchmarks;

import java.util.List;

/**
 * JVM flags of the forked benchmark JVMs, as compile-time constants for {@code @Fork(jvmArgsAppend = ...)}.
 *
 * <p>The benchmarks run from the class path (the uber jar), so the module-specific flags of the product
 * ({@code --add-exports java.base/jdk.internal.misc=org.agrona}, {@code --enable-native-access=chronicle.core})
 * become their {@code ALL-UNNAMED} equivalents. OpenHFT Chronicle Queue gets its own, longer list (see
 * /work/shared/BUILD-NOTES.md), and only in its own forks.
 */
final class JvmFlags {

    /** Same heap for every fork, sized up front so that heap growth never lands in a measurement. */
    static final String XMS = "-Xms2g";
    static final String XMX = "-Xmx2g";
    static final String PRETOUCH_HEAP = "-XX:+AlwaysPreTouch";

    /** JMH itself (org.openjdk.jmh.util.Utils) uses sun.misc.Unsafe: without this JDK 25 warns in every fork. */
    static final String JMH_UNSAFE = "--sun-misc-unsafe-memory-access=allow";

    // ---- ours ----
    static final String AGRONA_UNSAFE = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /**
     * The journal's rare paths (a roll, once per segment) compiled after a few calls instead of running interpreted
     * for hundreds of rolls: the launchers' flag (runtime-image/pom.xml), recommended in docs/JOURNAL.md.
     */
    static final String EARLY_JOURNAL_COMPILE = "-XX:CompileCommand=CompileThresholdScaling,chronicle.core.*::*,0.01";
    /** Without it the JVM prints a line for every CompileCommand. */
    static final String QUIET_COMPILE_COMMANDS = "-XX:CompileCommand=quiet";

    // ---- OpenHFT Chronicle Queue on JDK 25 ----
    static final String CQ_1 = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    static final String CQ_2 = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String CQ_3 = "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED";
    static final String CQ_4 = "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED";
    static final String CQ_5 = "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED";
    static final String CQ_6 = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    static final String CQ_7 = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    static final String CQ_8 = "--add-opens=java.base/java.io=ALL-UNNAMED";
    static final String CQ_9 = "--add-opens=java.base/java.util=ALL-UNNAMED";
    static final String CQ_10 = "--sun-misc-unsafe-memory-access=allow";
    static final String CQ_11 = "--enable-native-access=ALL-UNNAMED";
    static final String CQ_12 = "-Dchronicle.analytics.disable=true";
    /** Chronicle's disk-space monitor thread polls the file system; off so it adds no noise. */
    static final String CQ_13 = "-Dchronicle.disk.monitor.disable=true";
    /** SLF4J simple binding: warnings and errors only. */
    static final String CQ_14 = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";

    /** @return the flags of ours for a child JVM a benchmark starts itself (no heap sizing). */
    static List<String> oursChild() {
        return List.of(AGRONA_UNSAFE, NATIVE_ACCESS, QUIET_COMPILE_COMMANDS, EARLY_JOURNAL_COMPILE);
    }

    /** @return Chronicle Queue's flags for a child JVM a benchmark starts itself (no heap sizing). */
    static List<String> chronicleQueueChild() {
        return List.of(CQ_1, CQ_2, CQ_3, CQ_4, CQ_5, CQ_6, CQ_7, CQ_8, CQ_9, CQ_10, CQ_11, CQ_12, CQ_13, CQ_14);
    }

    private JvmFlags() {
    }
}
