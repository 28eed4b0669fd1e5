package chronicle.cli.internal;

import chronicle.ingest.api.ImportLedger;
import chronicle.ingest.api.LedgerEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code chronicle imports ROOT}: the import ledger of an archive, with gaps per symbol. */
@Command(name = "imports", mixinStandardHelpOptions = true,
        description = "List the imports recorded in an archive's ledger, with gaps per symbol.")
final class ImportsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ROOT", description = "The archive root.")
    Path root;

    @Option(names = "--json", description = "One JSON object per import.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<LedgerEntry> entries = new ImportLedger(root).entries();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            for (LedgerEntry e : entries) {
                out.println(mapper.writeValueAsString(e));
            }
            out.flush();
            return Main.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VENUE", "SYMBOL", "STREAM", "FROM", "TO", "ROWS", "EVENTS", "GAPS", "VENDOR", "QUEUE"});
        Map<String, Long> gaps = new TreeMap<>();
        for (LedgerEntry e : entries) {
            rows.add(new String[] {e.venue(), e.symbol(), e.stream(), Units.time(e.firstTimestamp()),
                Units.time(e.lastTimestamp()), Long.toString(e.rows()), Long.toString(e.events()),
                Long.toString(e.gaps()), e.vendor() + " " + e.adapterVersion(), e.queue()});
            gaps.merge(e.venue() + " " + e.symbol(), e.gaps(), Long::sum);
        }
        Table.print(out, rows);
        gaps.forEach((symbol, count) -> out.println("gaps " + symbol + ": " + count));
        out.println(entries.size() + " import(s) in " + new ImportLedger(root).file());
        out.flush();
        return Main.OK;
    }
}
