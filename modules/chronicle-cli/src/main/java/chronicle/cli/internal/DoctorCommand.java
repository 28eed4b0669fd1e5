package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.Discovery;
import chronicle.bus.api.LeaseInfo;
import chronicle.bus.api.Names;
import chronicle.core.api.QueueException;
import chronicle.core.api.QueueInfo;
import chronicle.core.api.QueueInspector;
import chronicle.core.api.QueueReader;
import chronicle.core.api.RetentionPlan;
import chronicle.core.api.RetentionPolicy;
import chronicle.framework.api.Heartbeat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * {@code chronicle doctor}: finds every queue under a directory and reports what needs attention. Never changes
 * anything.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        header = "Find the queues under a directory; report stale locks, dead or lagging readers, retention.",
        description = {"Find every queue under a directory (any directory holding queue.ctl) and report, for each: "
                + "a stale writer lock (the lock names a process that is gone), dead named readers, hopelessly "
                + "lagging readers, leftover temporary files (when no writer runs), and, with --max-segments/--max-age/--max-bytes, what "
                + "retention under that policy would delete and what a reader holds back (a dry run).",
                "Never changes anything.",
                "Exit code: 0 when the diagnosis ran, whatever it found (findings are printed as PROBLEM lines); "
                        + "with --strict, 1 if it found a problem. 1 also when the directory cannot be read."})
final class DoctorCommand implements Callable<Integer> {

    /** A live strategy not stopped and silent for longer is reported. */
    private static final Duration STRATEGY_STALE_AFTER = Duration.ofSeconds(10);

    /** The logger of retention's passes, which warns about the readers this command reports itself. */

    @Parameters(index = "0", paramLabel = "BUS_ROOT", description = "Directory to search for queues.")
    Path root;

    @Option(names = "--max-segments", paramLabel = "N", defaultValue = "0",
            description = "Retention to plan: keep at most N segments per queue (0: no limit).")
    int maxSegments;

    @Option(names = "--max-age", paramLabel = "DURATION", converter = Units.DurationConverter.class,
            description = "Retention to plan: delete segments sealed longer ago (7d, 12h, 1h30m, PT12H).")
    Duration maxAge;

    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "0", converter = Units.SizeConverter.class,
            description = "Retention to plan: keep at most SIZE of segments per queue (10GiB, 512MiB; 0: no limit).")
    long maxBytes;

    @Option(names = "--dead-reader-timeout", paramLabel = "DURATION", defaultValue = "5m",
            converter = Units.DurationConverter.class,
            description = "A reader whose process is gone is dead once its last heartbeat is older "
                    + "(default ${DEFAULT-VALUE}).")
    Duration deadReaderTimeout;

    @Option(names = "--max-reader-lag", paramLabel = "SEGMENTS", defaultValue = "10",
            description = "A live reader more segments behind the writer is hopelessly lagging "
                    + "(default ${DEFAULT-VALUE}; 0: never).")
    int maxReaderLag;

    @Option(names = "--strict", description = "Exit with code 1 if any problem was found (for scripts and cron).")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (maxSegments < 0 || maxBytes < 0 || maxReaderLag < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-segments, --max-bytes and --max-reader-lag must be >= 0");
        }
        if (!Files.isDirectory(root)) {
            throw new QueueException(root + (Files.exists(root) ? ": not a directory" : ": no such directory"));
        }
        RetentionPolicy policy = new RetentionPolicy(maxSegments, maxAge, maxBytes, deadReaderTimeout, maxReaderLag,
                RetentionPolicy.LaggingReaders.PROTECT);
        PrintWriter out = spec.commandLine().getOut();
        List<String> walkProblems = new ArrayList<>();
        List<Path> queues = findQueues(root, walkProblems);
        int problems = 0;
        int healthy = 0;
        for (String p : walkProblems) {
            out.println("PROBLEM  " + p);
            problems++;
        }
        problems += checkLeases(out, root);
        problems += checkStrategies(out, root);
        for (Path queue : queues) {
            int found = diagnose(out, queue, policy);
            problems += found;
            healthy += found == 0 ? 1 : 0;
        }
        out.println((queues.isEmpty() ? "no queue (no directory holding queue.ctl)" : queues.size() + " queue(s)")
                + " under " + root.toAbsolutePath().normalize() + ": " + healthy + " healthy, " + problems
                + " problem(s)");
        return strict && problems > 0 ? Main.FAILURE : Main.OK;
    }

    /**
     * The bus's leases ({@code <bus-root>/leases/}): who writes and reads which queue, and which leases are stale
     * (the process is gone or stopped heart-beating).
     *
     * @return the number of stale leases.
     */
    private static int checkLeases(PrintWriter out, Path root) {
        List<LeaseInfo> leases;
        try (Discovery discovery = new Discovery(new BusLayout(root, root.resolve("archive")))) {
            leases = discovery.list();
        }
        int stale = 0;
        for (LeaseInfo lease : leases) {
            String who = lease.role() + " '" + lease.name() + "' (pid " + lease.pid() + ") of " + lease.queue();
            if (lease.stale()) {
                stale++;
                out.println("PROBLEM  stale lease: " + who + ": the process is gone or stopped heart-beating; "
                        + "delete " + lease.file() + " once you are sure it is dead");
            } else {
                out.println("lease    " + who + (lease.role().equals("writer") ? (lease.ready() ? ", ready" : ", starting") : ""));
            }
        }
        return stale;
    }

    /**
     * The heartbeats of live strategies ({@code <bus-root>/strategies/<app>/heartbeat}, docs/LIVE.md): a strategy
     * that is not stopped and has not beaten for {@link #STRATEGY_STALE_AFTER} (or whose process is gone) is stuck
     * or dead.
     *
     * @return the number of stale strategies.
     */
    private static int checkStrategies(PrintWriter out, Path root) {
        Path dir = new BusLayout(root, root.resolve("archive")).strategies();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> beats;
        try (var apps = Files.list(dir)) {
            beats = apps.map(app -> app.resolve("heartbeat")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            out.println("PROBLEM  " + dir + ": cannot be listed: " + e.getMessage());
            return 1;
        }
        long now = System.currentTimeMillis() * 1_000_000L;
        int stale = 0;
        for (Path file : beats) {
            String app = Names.decode(file.getParent().getFileName().toString());
            try {
                Heartbeat beat = Heartbeat.read(file);
                String state = "strategy '" + app + "' (pid " + beat.pid() + ") " + beat.state().name()
                        .toLowerCase(java.util.Locale.ROOT) + ", last beat " + Units.millisTime(
                        beat.lastBeatNanos() / 1_000_000L) + ", " + beat.events() + " event(s), " + beat.ordersSent()
                        + " order message(s), " + beat.reportsReceived() + " report(s)";
                if (beat.isStale(now, STRATEGY_STALE_AFTER)) {
                    stale++;
                    out.println("PROBLEM  " + state + ": stuck or dead (no beat for "
                            + STRATEGY_STALE_AFTER.toSeconds() + " s, or the process is gone)");
                } else {
                    out.println("live     " + state);
                }
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                stale++;
                out.println("PROBLEM  " + e.getMessage());
            }
        }
        return stale;
    }

    /** @return the number of problems found in this queue. */
    private int diagnose(PrintWriter out, Path queue, RetentionPolicy policy) {
        String name = root.relativize(queue).toString();
        name = name.isEmpty() ? "." : name;
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        QueueInfo info;
        try {
            info = QueueInspector.inspect(queue, policy);
            checkWriter(info, problems);
            checkReaders(info, policy, problems, notes);
            checkFiles(info, problems, notes);
            if (policy.deletes()) {
                checkRetention(queue, policy, problems, notes);
            }
            out.println(name + "  " + info.segments().size() + " segment(s), " + info.records() + " record(s), "
                    + info.readers().size() + " reader(s), writer " + switch (info.writer().state()) {
                        case ALIVE -> "alive (pid " + info.writer().pid() + ")";
                        case DEAD -> "dead (pid " + info.writer().pid() + ", stale lock)";
                        case NONE -> "none";
                    });
        } catch (QueueException e) {
            out.println(name + "  cannot be read");
            problems.add(e.getMessage());
        }
        problems.forEach(p -> out.println("  PROBLEM  " + p));
        notes.forEach(n -> out.println("  note     " + n));
        if (problems.isEmpty()) {
            out.println("  ok");
        }
        return problems.size();
    }

    private static void checkWriter(QueueInfo info, List<String> problems) {
        if (info.writer().state() == QueueReader.WriterState.DEAD) {
            QueueInfo.Writer w = info.writer();
            problems.add("stale writer lock: pid " + w.pid() + " on " + w.host() + " (started "
                    + Units.millisTime(w.startMillis()) + ") is gone; the writer died without closing the queue "
                    + "(the next writer takes the lock over and recovers the tail)");
        }
    }

    private static void checkReaders(QueueInfo info, RetentionPolicy policy, List<String> problems,
                                     List<String> notes) {
        long newest = info.segments().isEmpty() ? -1 : info.segments().getLast().number();
        for (QueueInfo.Reader r : info.readers()) {
            if (!r.committed()) {
                notes.add(r.verdict());
            } else if (!r.alive()) {
                problems.add("dead reader '" + r.name() + "': pid " + r.pid() + " is gone, last heartbeat "
                        + Units.millisTime(r.heartbeatMillis()) + ", " + r.lag() + " record(s) behind; it no longer "
                        + "protects its segments (unregister it, or delete readers/" + r.name() + ".pos, if it is "
                        + "not coming back)");
            } else if (policy.maxReaderLagSegments() > 0 && newest - r.segment() > policy.maxReaderLagSegments()) {
                problems.add("lagging reader '" + r.name() + "' (pid " + r.pid() + "): " + (newest - r.segment())
                        + " segments (" + r.lag() + " records) behind the writer, more than "
                        + policy.maxReaderLagSegments() + "; it holds back retention");
            }
        }
    }

    private static void checkFiles(QueueInfo info, List<String> problems, List<String> notes) {
        List<QueueInfo.Segment> segments = info.segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            if (!segments.get(i).sealed()) {
                notes.add(segments.get(i).file().getFileName() + " is not sealed but is not the newest segment: a "
                        + "writer stopped without sealing it (the next writer seals it)");
            }
        }
        if (info.writer().state() == QueueReader.WriterState.ALIVE) {
            return; // a live writer prepares its next segment ahead of the roll: not a leftover
        }
        Set<Path> published = new HashSet<>();
        segments.forEach(segment -> published.add(segment.file().getFileName()));
        try (Stream<Path> files = Files.list(info.directory())) {
            files.sorted().forEach(p -> {
                if (isTemporary(p)) {
                    problems.add("leftover temporary file " + p.getFileName() + " from an interrupted segment or "
                            + "queue creation (the next writer deletes segment leftovers; safe to delete while no "
                            + "writer runs)");
                } else if (p.getFileName().toString().matches("\\d{9}\\.q\\.spare")) {
                    problems.add("leftover spare segment file " + p.getFileName() + ": kept for reuse (segment "
                            + "recycling) by a writer that is no longer running; it holds disk space (the next writer "
                            + "deletes it; safe to delete while no writer runs)");
                } else if (p.getFileName().toString().matches("\\d{9}\\.q")
                        && !published.contains(p.getFileName())) {
                    problems.add("leftover unpublished segment " + p.getFileName() + ": prepared ahead of a roll by "
                            + "a writer that is no longer running (the next writer deletes it; safe to delete, with "
                            + "its .idx, while no writer runs)");
                }
            });
        } catch (IOException e) {
            problems.add(info.directory() + ": cannot list: " + e.getMessage());
        }
    }

    /** Temporary names of segments being created or prepared ahead of a roll, and of a control file. */
    private static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".tmp") || name.matches("\\d{9}\\.q\\.prep-\\d+");
    }

    private static void checkRetention(Path queue, RetentionPolicy policy, List<String> problems,
                                       List<String> notes) {
        RetentionPlan plan = QueueInspector.planRetention(queue, policy);
        String what = describe(policy);
        if (plan.deletable().isEmpty() && plan.heldBack().isEmpty()) {
            notes.add("retention (" + what + "): nothing to delete");
        } else if (!plan.deletable().isEmpty()) {
            List<Path> d = plan.deletable();
            notes.add("retention (" + what + "): would delete " + d.size() + " segment(s), "
                    + Units.bytes(plan.deletableBytes()) + ": " + d.getFirst().getFileName()
                    + (d.size() > 1 ? " .. " + d.getLast().getFileName() : ""));
        }
        for (Path held : plan.heldBack()) {
            problems.add("retention (" + what + ") cannot delete " + held.getFileName() + ": "
                    + plan.heldBackReason());
        }
    }

    private static String describe(RetentionPolicy policy) {
        List<String> parts = new ArrayList<>();
        if (policy.maxSegments() > 0) {
            parts.add("max " + policy.maxSegments() + " segments");
        }
        if (policy.maxAge() != null) {
            parts.add("max age " + Units.duration(policy.maxAge()));
        }
        if (policy.maxBytes() > 0) {
            parts.add("max " + Units.bytes(policy.maxBytes()));
        }
        return String.join(", ", parts);
    }

    private static List<Path> findQueues(Path root, List<String> problems) throws IOException {
        List<Path> queues = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (Files.isRegularFile(dir.resolve("queue.ctl"))) {
                    queues.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(file + ": cannot read: " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        queues.sort(null);
        return queues;
    }
}
