package chronicle.cli.internal;

import chronicle.protocol.api.Decimals;
import chronicle.protocol.api.Side;
import chronicle.replay.api.GapPolicy;
import chronicle.replay.api.LevelView;
import chronicle.replay.api.MarketBook;
import chronicle.replay.api.SnapshotStore;
import chronicle.replay.api.WarmStart;
import chronicle.replay.spi.SnapshotCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code chronicle book}: the book of a market at a time, by warm start (the newest snapshot at or before T, then
 * replay to T), or with {@code --every-event} the book after every event of a span, as JSON lines.
 */
@Command(name = "book", mixinStandardHelpOptions = true,
        description = "Print the book of a market at time T (warm start from the newest snapshot), or the book "
                + "after every event from T1 to T2 (--every-event).")
final class BookCommand implements Callable<Integer> {




    @Option(names = "--at", paramLabel = "T", converter = Units.TimeConverter.class,
            description = "Time T: ISO-8601 (2026-11-22T10:00:00Z) or epoch nanoseconds (journal time).")
    Long at;

    @Option(names = "--from", paramLabel = "T1", converter = Units.TimeConverter.class, description = "Span start.")
    Long from;

    @Option(names = "--to", paramLabel = "T2", converter = Units.TimeConverter.class, description = "Span end.")
    Long to;

    @Option(names = "--every-event", description = "One JSON line per applied event from T1 to T2, after an opening "
            + "line with the book at T1.")
    boolean everyEvent;

    @Option(names = "--depth", defaultValue = "10", description = "Levels per side to print (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;


    @Option(names = "--gap-policy", defaultValue = "fail", paramLabel = "fail|reset|flag",
            description = "On a gap: stop, reset and wait for a snapshot, or continue flagged (default: ${DEFAULT-VALUE}).")
    String gapPolicy;

    @Mixin
    MarketOptions target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        target.resolve(at != null ? at : from);
        GapPolicy policy = switch (gapPolicy) {
            case "fail" -> GapPolicy.FAIL;
            case "reset" -> GapPolicy.RESET_AND_WAIT;
            case "flag" -> GapPolicy.CONTINUE_FLAGGED;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--gap-policy must be fail, reset or flag, not '" + gapPolicy + "'");
        };
        PrintWriter out = spec.commandLine().getOut();
        SnapshotStore store = store();
        Function<String, SnapshotCodec> codecs = MarketOptions.codecs();
        if (everyEvent) {
            if (from == null || to == null || at != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--every-event needs --from and --to "
                        + "(and no --at)");
            }
            WarmStart.replay(target.source, store, codecs, target.venue, target.market, from, to, policy, 0,
                    book -> out.println(line(book, true)),
                    (book, type, sequence) -> out.println(line(book, false)));
            out.flush();
            return Main.OK;
        }
        if (at == null || from != null || to != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --at T (or --every-event with --from "
                    + "and --to)");
        }
        WarmStart.Result result = WarmStart.bookAt(target.source, store, codecs, target.venue, target.market, at,
                policy, 0, null);
        MarketBook book = result.book();
        if (book == null) {
            throw new chronicle.core.api.QueueException(target.archive + ": " + target.label()
                    + " has no book event at or before " + Units.time(at));
        }
        if (json) {
            out.println("{" + target.jsonFields() + ",\"at\":" + at + "," + line(book, false).substring(1));
        } else {
            printText(out, result, book);
        }
        out.flush();
        return Main.OK;
    }

    private SnapshotStore store() {
        Path root = target.snapshotRoot();
        return Files.isDirectory(root) ? SnapshotStore.of(root, target.venue, target.market) : null;
    }

    /** One JSON object: seq, exchange_ts, local_ts, bids and asks (best first, exact decimals). */
    private String line(MarketBook book, boolean opening) {
        StringBuilder s = new StringBuilder(256).append('{');
        if (opening) {
            s.append("\"opening\":true,");
        }
        if (book == null) {
            return s.append("\"seq\":null,\"exchange_ts\":null,\"local_ts\":null,\"bids\":[],\"asks\":[]}").toString();
        }
        s.append("\"seq\":").append(book.lastSequence())
                .append(",\"exchange_ts\":").append(book.lastExchangeTimestamp())
                .append(",\"local_ts\":").append(book.lastIngestTimestamp());
        levels(s.append(",\"bids\":"), book, Side.BID);
        levels(s.append(",\"asks\":"), book, Side.ASK);
        if (book.afterGap()) {
            s.append(",\"after_gap\":true");
        }
        return s.append('}').toString();
    }

    private void levels(StringBuilder s, MarketBook book, Side side) {
        LevelView levels = book.levels();
        int n = Math.min(depth, levels.depth(side));
        s.append('[');
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "[\"" : ",[\"").append(Decimals.toString(levels.price(side, i), book.priceExponent()))
                    .append("\",\"").append(Decimals.toString(levels.size(side, i), book.sizeExponent())).append("\"]");
        }
        s.append(']');
    }

    /** How the book was built: from a snapshot in the stream, from a snapshot file, or by a full replay. */
    static String warmStartLine(WarmStart.Result result) {
        if (result.inStream()) {
            return "warm start: snapshot record in the stream (seq " + result.replayFrom() + "), read "
                    + result.records() + " records";
        }
        return result.snapshot().map(h -> "warm start: snapshot " + h.file().getFileName() + " (seq "
                + h.sequence() + "), replayed " + result.records() + " records from seq " + result.replayFrom())
                .orElse("full replay: " + result.records() + " records from seq " + result.replayFrom()
                        + " (no snapshot)");
    }

    private void printText(PrintWriter out, WarmStart.Result result, MarketBook book) {
        out.println("book of " + target.label() + " at " + Units.time(at));
        out.println("last event: seq " + book.lastSequence() + ", exchange " + Units.time(book.lastExchangeTimestamp())
                + ", local " + Units.time(book.lastIngestTimestamp()) + (book.afterGap() ? " (after a gap)" : ""));
        out.println(warmStartLine(result));
        LevelView levels = book.levels();
        int rows = Math.max(Math.min(depth, levels.depth(Side.BID)), Math.min(depth, levels.depth(Side.ASK)));
        java.util.List<String[]> table = new java.util.ArrayList<>();
        table.add(new String[] {"BID SIZE", "BID", "ASK", "ASK SIZE"});
        for (int i = 0; i < rows; i++) {
            boolean bid = i < Math.min(depth, levels.depth(Side.BID));
            boolean ask = i < Math.min(depth, levels.depth(Side.ASK));
            table.add(new String[] {
                bid ? Decimals.toString(levels.size(Side.BID, i), book.sizeExponent()) : "",
                bid ? Decimals.toString(levels.price(Side.BID, i), book.priceExponent()) : "",
                ask ? Decimals.toString(levels.price(Side.ASK, i), book.priceExponent()) : "",
                ask ? Decimals.toString(levels.size(Side.ASK, i), book.sizeExponent()) : ""});
        }
        Table.print(out, table);
    }
}
