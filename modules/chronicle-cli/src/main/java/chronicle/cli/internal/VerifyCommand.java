package chronicle.cli.internal;

import chronicle.core.api.QueueVerifier;
import chronicle.core.api.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code chronicle verify}: walks every record of a queue with CRC checks and checks headers and indexes. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Check every record (CRC32C), segment header and seek index entry of a queue.",
        description = {"Check a whole queue: segment headers, contiguous base sequences across segments, sealed "
                + "segments' record counts and timestamps, the CRC32C of every record, and every seek index entry "
                + "(it points at the record with its sequence; its max timestamp covers the records up to it).",
                "Exit code 0 and a summary if all hold; otherwise every problem on standard output and exit code 1 "
                        + "with one line on standard error naming the first one's file, offset and reason.",
                "Reads only; safe beside a live writer."})
final class VerifyCommand implements Callable<Integer> {

    /** Problems listed on standard output at most (all are counted). */
    private static final int MAX_LISTED = 50;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue directory.")
    Path queue;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Verification v = QueueVerifier.verify(queue);
        PrintWriter out = spec.commandLine().getOut();
        String range = v.records() == 0 ? "no records" : "sequences " + v.firstSequence() + ".." + v.lastSequence();
        for (Verification.Problem w : v.warnings()) {
            out.println("warning: " + w.toLine());
        }
        String summary = v.segments() + " segment(s), " + v.records() + " record(s), " + range + ", "
                + v.indexEntries() + " index entries";
        if (v.ok()) {
            out.println("OK: " + summary);
            return Main.OK;
        }
        out.println("FAILED: " + v.problems().size() + " problem(s); walked " + v.segments() + " segment(s), "
                + v.records() + " good record(s), " + v.indexEntries() + " index entries");
        v.problems().stream().limit(MAX_LISTED).forEach(p -> out.println("problem: " + p.toLine()));
        if (v.problems().size() > MAX_LISTED) {
            out.println("... and " + (v.problems().size() - MAX_LISTED) + " more");
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("chronicle verify: " + v.problems().getFirst().toLine());
        return Main.FAILURE;
    }
}
