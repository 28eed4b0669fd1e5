package chronicle.cli.internal;

import chronicle.bus.api.Names;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.ArchivedSegment;
import chronicle.storage.api.RawArchiver;
import chronicle.storage.api.RawArchiverConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code chronicle raw-archiver} (also the {@code raw-archiver} launcher): copies the sealed segments of a raw queue
 * into {@code <archive-root>/raw/v1/<venue>/<date>/raw/}, once ({@code --once}) or every {@code --poll-ms} until
 * stopped (Ctrl-C, SIGTERM). Each segment is logged as {@code archived segment=<source> -> <dest>}.
 */
@Command(name = "raw-archiver", mixinStandardHelpOptions = true,
        description = "Copy the sealed segments of a raw queue into the raw archive, with meta.json per day.")
final class RawArchiverCommand implements Callable<Integer> {

    @Option(names = "--source", required = true, paramLabel = "DIR",
            description = "The raw queue (e.g. <bus>/streams/raw/<venue>/queue).")
    Path source;

    @Option(names = "--archive-root", required = true, paramLabel = "DIR",
            description = "The archive root; segments go to <archive-root>/raw/v1/<venue>/<date>/raw/.")
    Path archiveRoot;

    @Option(names = "--venue", required = true, paramLabel = "NAME|ID",
            description = "The venue the queue belongs to: a name, or an id registered in the archive root.")
    String venue;

    @Option(names = "--compress",
            description = "Also write each segment as <n>.q.zst in the Zstandard seekable format.")
    boolean compress;

    @Option(names = "--retain-q", arity = "0..1", defaultValue = "true", paramLabel = "true|false",
            description = "With --compress, keep the plain .q beside the .q.zst (default: ${DEFAULT-VALUE}).")
    boolean retainQ;

    @Option(names = "--once", description = "Archive what is sealed now, then exit.")
    boolean once;

    @Option(names = "--poll-ms", defaultValue = "1000", paramLabel = "N",
            description = "Pause between passes when not --once, in ms (default: ${DEFAULT-VALUE}).")
    long pollMs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String venue = ArchivedNames.venue(archiveRoot, this.venue);
        RawArchiverConfig config = new RawArchiverConfig(source, archiveRoot, venue, compress, retainQ, pollMs);
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignal stop = new StopSignal();
             RawArchiver archiver = new RawArchiver(config, PluginHost.forRuntimeImage())) {
            Path days = archiveRoot.resolve("raw").resolve("v1").resolve(Names.encode("venue", venue));
            out.println("raw-archiver: archiving sealed segments of " + source + " -> " + days
                    + (once ? "" : " every " + pollMs + " ms"));
            out.flush();
            long archived;
            if (once) {
                List<ArchivedSegment> done = archiver.runOnce(stop::running);
                archived = done.size();
            } else {
                archived = archiver.run(stop::running);
            }
            out.println("raw-archiver: " + archived + " segments archived; stopped");
            out.flush();
        }
        return Main.OK;
    }
}
