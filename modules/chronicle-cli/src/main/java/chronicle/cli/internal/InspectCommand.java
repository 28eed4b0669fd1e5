package chronicle.cli.internal;

import chronicle.core.api.QueueInfo;
import chronicle.core.api.QueueInspector;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code chronicle inspect}: a queue's segments, head and tail, named readers with their lag, and its writer lock.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "Show a queue: segments, head and tail, named readers and their lag, the writer lock.",
        description = {"Show a queue: segments (sealed or active, base sequence, records, first and max timestamp, "
                + "size), head and tail, named readers with their position and lag (records behind the tail), and "
                + "the writer lock (alive, stale: its process is gone, or none).",
                "Reads headers, index files and the active segment's tail only: cheap on any queue, safe beside a "
                        + "live writer. Use 'chronicle verify' to check every record."})
final class InspectCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue directory.")
    Path queue;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        QueueInfo info = QueueInspector.inspect(queue);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(info));
        } else {
            print(out, info);
        }
    }

    private static void print(PrintWriter out, QueueInfo info) {
        out.println("queue    " + info.directory().toAbsolutePath().normalize());
        out.println("created  " + Units.millisTime(info.createdNanos() / 1_000_000L) + "; segments of "
                + Units.bytes(info.segmentSize())
                + (info.rollDaily() ? ", rolled at UTC midnight too" : ""));
        out.println("writer   " + writer(info.writer()));
        if (info.records() == 0) {
            out.println("records  none (next sequence " + info.nextSequence() + ")");
        } else {
            out.println("records  " + info.records() + " in " + info.segments().size() + " segment(s)");
            out.println("head     sequence " + info.headSequence() + " at " + Units.time(info.headTimestamp()));
            out.println("tail     sequence " + info.tailSequence() + " at " + Units.time(info.tailTimestamp())
                    + " (next sequence " + info.nextSequence() + ")");
        }
        out.println();
        if (info.segments().isEmpty()) {
            out.println("no segments (no writer has written yet)");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SEGMENT", "STATE", "BASE SEQ", "RECORDS", "FIRST TIMESTAMP", "MAX TIMESTAMP",
                    "USED", "SIZE", "INDEX", "FILE"});
            for (QueueInfo.Segment s : info.segments()) {
                rows.add(new String[] {Long.toString(s.number()), s.sealed() ? "sealed" : "active",
                        Long.toString(s.baseSequence()), Long.toString(s.records()), Units.time(s.firstTimestamp()),
                        Units.time(s.maxTimestamp()), Units.bytes(s.usedBytes()), Units.bytes(s.fileBytes()),
                        Long.toString(s.indexEntries()), s.file().getFileName().toString()});
            }
            Table.print(out, rows);
        }
        out.println();
        if (info.readers().isEmpty()) {
            out.println("no named readers");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"READER", "STATE", "NEXT SEQ", "LAG", "SEGMENT", "OFFSET", "HEARTBEAT", "PID"});
        for (QueueInfo.Reader r : info.readers()) {
            rows.add(r.committed()
                    ? new String[] {r.name(), r.alive() ? "alive" : "dead", Long.toString(r.nextSequence()),
                    Long.toString(r.lag()), Long.toString(r.segment()), Long.toString(r.offset()),
                    Units.millisTime(r.heartbeatMillis()), Long.toString(r.pid())}
                    : new String[] {r.name(), "never committed", "-", "-", "-", "-", "-", "-"});
        }
        Table.print(out, rows);
    }

    static String writer(QueueInfo.Writer w) {
        return switch (w.state()) {
            case ALIVE -> "alive: pid " + w.pid() + " on " + w.host() + ", started "
                    + Units.millisTime(w.startMillis());
            case DEAD -> "STALE LOCK: pid " + w.pid() + " on " + w.host() + " (started "
                    + Units.millisTime(w.startMillis()) + ") is gone; it died without closing the queue, the next "
                    + "writer takes the lock over and recovers the tail";
            case NONE -> "none";
        };
    }

    private static String toJson(QueueInfo info) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("queue", info.directory().toAbsolutePath().normalize().toString());
        root.put("created", Units.millisTime(info.createdNanos() / 1_000_000L));
        root.put("segmentSize", info.segmentSize());
        root.put("rollDaily", info.rollDaily());
        ObjectNode writer = root.putObject("writer");
        writer.put("state", info.writer().state().name().toLowerCase(Locale.ROOT));
        if (info.writer().pid() >= 0) {
            writer.put("pid", info.writer().pid());
            writer.put("host", info.writer().host());
            writer.put("started", Units.millisTime(info.writer().startMillis()));
        }
        root.put("records", info.records());
        root.put("nextSequence", info.nextSequence());
        if (info.records() > 0) {
            position(root.putObject("head"), info.headSequence(), info.headTimestamp());
            position(root.putObject("tail"), info.tailSequence(), info.tailTimestamp());
        } else {
            root.putNull("head");
            root.putNull("tail");
        }
        ArrayNode segments = root.putArray("segments");
        for (QueueInfo.Segment s : info.segments()) {
            ObjectNode n = segments.addObject();
            n.put("number", s.number());
            n.put("file", s.file().getFileName().toString());
            n.put("state", s.sealed() ? "sealed" : "active");
            n.put("baseSequence", s.baseSequence());
            n.put("records", s.records());
            time(n, "first", s.firstTimestamp());
            time(n, "max", s.maxTimestamp());
            n.put("usedBytes", s.usedBytes());
            n.put("sizeBytes", s.fileBytes());
            n.put("indexEntries", s.indexEntries());
        }
        ArrayNode readers = root.putArray("readers");
        for (QueueInfo.Reader r : info.readers()) {
            ObjectNode n = readers.addObject();
            n.put("name", r.name());
            n.put("committed", r.committed());
            if (r.committed()) {
                n.put("state", r.alive() ? "alive" : "dead");
                n.put("nextSequence", r.nextSequence());
                n.put("lag", r.lag());
                n.put("segment", r.segment());
                n.put("offset", r.offset());
                n.put("heartbeat", Units.millisTime(r.heartbeatMillis()));
                n.put("pid", r.pid());
                n.put("protects", r.protects());
            }
            n.put("verdict", r.verdict());
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }

    private static void position(ObjectNode node, long sequence, long timestamp) {
        node.put("sequence", sequence);
        time(node, "", timestamp);
    }

    private static void time(ObjectNode node, String prefix, long timestamp) {
        String ts = prefix.isEmpty() ? "ts" : prefix + "Ts";
        String time = prefix.isEmpty() ? "time" : prefix + "Time";
        if (timestamp == Long.MIN_VALUE) {
            node.putNull(ts);
            node.putNull(time);
        } else {
            node.put(ts, timestamp);
            node.put(time, Units.time(timestamp));
        }
    }
}
