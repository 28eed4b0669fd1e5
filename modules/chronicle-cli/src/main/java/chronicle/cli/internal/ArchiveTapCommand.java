package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.bus.api.Discovery;
import chronicle.core.api.QueueOptions;
import chronicle.core.api.ReaderIdleStrategy;
import chronicle.storage.api.ArchiveTap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code chronicle archive-tap} (also the {@code archive-tap} launcher): copies a live queue into an archive queue
 * in strict order, exactly once across crashes, until stopped (Ctrl-C, SIGTERM) or, with {@code --exit-when-idle},
 * once no new record has arrived for that long.
 */
@Command(name = "archive-tap", mixinStandardHelpOptions = true,
        description = "Copy a live queue into an archive queue, in order, exactly once across crashes.")
final class ArchiveTapCommand implements Callable<Integer> {

    @Option(names = "--live", required = true, paramLabel = "QUEUE", description = "The live queue to copy.")
    Path live;

    @Option(names = "--archive", required = true, paramLabel = "QUEUE", description = "The archive queue to write.")
    Path archive;

    @Option(names = "--start", defaultValue = "resume", paramLabel = "earliest|latest|resume",
            description = "Where an empty archive starts: the live queue's earliest record, its tail, or the tap's "
                    + "last committed position (default: ${DEFAULT-VALUE}). A non-empty archive always resumes "
                    + "at its own tail.")
    String start;

    @Option(names = "--reader-name", defaultValue = ArchiveTap.DEFAULT_READER,
            description = "The tap's named reader on the live queue (default: ${DEFAULT-VALUE}).")
    String readerName;

    @Option(names = "--exit-when-idle", paramLabel = "DURATION",
            description = "Exit once no record arrived for this long (e.g. 2s); default: run until stopped.")
    String exitWhenIdle;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ArchiveTap.Start mode = switch (start) {
            case "earliest" -> ArchiveTap.Start.EARLIEST;
            case "latest" -> ArchiveTap.Start.LATEST;
            case "resume" -> ArchiveTap.Start.RESUME;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--start must be earliest, latest or resume, not '" + start + "'");
        };
        long idleLimit = exitWhenIdle == null ? Long.MAX_VALUE : Units.parseDuration(exitWhenIdle).toNanos();
        PrintWriter out = spec.commandLine().getOut();
        Discovery discovery = busRootOf(live) == null ? null : new Discovery(new BusLayout(busRootOf(live),
                busRootOf(live).resolve("archive")));
        try (StopSignal stop = new StopSignal();
             ArchiveTap tap = new ArchiveTap(live, archive, mode, QueueOptions.archive(), readerName, discovery)) {
            out.println("archive-tap: copying " + live + " -> " + archive + " from live sequence " + tap.nextSequence());
            out.flush();
            ReaderIdleStrategy idle = ReaderIdleStrategy.forReader(tap.liveReader());
            long lastWork = System.nanoTime();
            while (stop.running()) {
                int copied = tap.poll(1024);
                if (copied > 0) {
                    lastWork = System.nanoTime();
                    idle.reset();
                } else if (System.nanoTime() - lastWork >= idleLimit) {
                    break;
                } else if (idleLimit != Long.MAX_VALUE) {
                    tap.liveReader().await(Math.min(100, TimeUnit.NANOSECONDS.toMillis(idleLimit) + 1),
                            TimeUnit.MILLISECONDS);
                } else {
                    idle.idle();
                }
            }
            out.println("archive-tap: copied " + tap.copied() + " records; next live sequence " + tap.nextSequence());
            out.flush();
        } finally {
            if (discovery != null) {
                discovery.close();
            }
        }
        return Main.OK;
    }

    /** The bus root of a queue laid out as {@code <bus-root>/live/<stream>/queue/<name>}, or null. */
    static Path busRootOf(Path liveQueue) {
        Path abs = liveQueue.toAbsolutePath().normalize();
        Path queueDir = abs.getParent();
        if (queueDir == null || !"queue".equals(String.valueOf(queueDir.getFileName()))) {
            return null;
        }
        Path streamDir = queueDir.getParent();
        Path liveDir = streamDir == null ? null : streamDir.getParent();
        return liveDir != null && "live".equals(String.valueOf(liveDir.getFileName())) ? liveDir.getParent() : null;
    }
}
