package chronicle.cli.internal;

import chronicle.storage.api.Manifest;
import chronicle.storage.api.SegmentLocation;
import chronicle.storage.api.StreamDay;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code chronicle manifest ROOT}: where every segment of every archived stream day is (hot or a tier, compressed
 * or not), with its size, checksum, sequence and time range, and any move under way.
 */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = "List the segments of an archive root's stream days: tier, location, size, checksum, "
                + "sequence and time range, and moves under way.")
final class ManifestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ROOT", description = "The archive root.")
    Path root;

    @Option(names = "--venue", paramLabel = "NAME|ID", description = "Only this venue (name or registered id).")
    String venue;

    @Option(names = "--symbol", paramLabel = "NAME|ID", description = "Only this symbol (name or registered market id).")
    String symbol;

    @Option(names = "--json", description = "One JSON object per segment, with its stream day.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + ": no such archive root");
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STREAM DAY", "SEG", "TIER", "COMPRESSION", "SIZE", "ORIGINAL", "CRC32C", "SEQUENCES",
            "FROM", "TO", "LOCATION"});
        int segments = 0;
        int moving = 0;
        List<StreamDay> days = StreamDay.discover(root);
        String venue = this.venue == null ? null : ArchivedNames.venue(root, this.venue);
        String symbol = this.symbol == null ? null : this.venue != null
                ? ArchivedNames.of(root, this.venue, this.symbol).symbol() : ArchivedNames.symbol(root, this.symbol);
        for (StreamDay day : days) {
            if ((venue != null && !venue.equals(day.venue())) || (symbol != null && !symbol.equals(day.symbol()))) {
                continue;
            }
            for (SegmentLocation s : Manifest.load(root, day).segments()) {
                segments++;
                moving += s.move() == null ? 0 : 1;
                if (json) {
                    ObjectNode node = mapper.valueToTree(s);
                    node.put("venue", day.venue()).put("symbol", day.symbol()).put("date", day.date().toString())
                            .put("stream", day.stream());
                    out.println(mapper.writeValueAsString(node));
                    continue;
                }
                rows.add(new String[] {day.toString(), Long.toString(s.segment()), s.tier()
                        + (s.move() == null ? "" : " -> " + s.move().to() + " (" + s.move().state() + ")"),
                    s.compression() == null ? "-" : s.compression(), Units.bytes(s.size()),
                    Units.bytes(s.originalSize()), s.checksum(),
                    s.firstSequence() + ".." + (s.endSequence() - 1),
                    s.firstTimestamp() == null ? "-" : Units.time(s.firstTimestamp()),
                    s.maxTimestamp() == null ? "-" : Units.time(s.maxTimestamp()), s.location()});
            }
        }
        if (!json) {
            if (rows.size() > 1) {
                Table.print(out, rows);
            }
            out.println(segments + " segment(s) of " + days.size() + " stream day(s) in " + root.resolve(Manifest.DIRECTORY)
                    + (moving > 0 ? "; " + moving + " move(s) under way (the next tier-manager run finishes them)"
                    : "") + (segments == 0 ? " (run `chronicle tier-manager --once` to register the hot segments)" : ""));
        }
        out.flush();
        return Main.OK;
    }
}
