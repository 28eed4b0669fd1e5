package chronicle.cli.internal;

import chronicle.api.spi.Strategies;
import chronicle.cli.internal.report.HtmlReport;
import chronicle.pluginhost.api.PluginHost;
import chronicle.sim.api.BacktestJson;
import chronicle.sim.api.BacktestResult;
import chronicle.sim.api.BacktestRunner;
import chronicle.sim.api.FeeModel;
import chronicle.sim.api.LatencyModel;
import chronicle.sim.api.QueueModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code chronicle backtest}: runs a strategy plug-in over an archived span of a market against the simulated
 * exchange and prints the summary statistics (a table, or JSON).
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run a strategy over archived market data against the simulated exchange (latency, queue "
                + "position, fees) and print PnL, fees, fills, fill ratio, drawdown, Sharpe and time in market.")
final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--archive", required = true, paramLabel = "ROOT", description = "Archive root of imports.")
    Path archive;

    @Option(names = "--venue", required = true, paramLabel = "NAME|ID", description = "Venue name or id.")
    String venue;

    @Option(names = {"--symbol", "--market"}, required = true, paramLabel = "NAME|ID",
            description = "Symbol (repeat for more instruments; the first is instrument 0).")
    List<String> symbols;

    @Option(names = "--from", required = true, paramLabel = "T1", converter = Units.TimeConverter.class,
            description = "Start: ISO-8601 (2026-11-22T10:00:00Z) or epoch nanoseconds (journal time).")
    long from;

    @Option(names = "--to", required = true, paramLabel = "T2", converter = Units.TimeConverter.class,
            description = "End (inclusive).")
    long to;

    @Option(names = "--strategy", required = true, paramLabel = "NAME",
            description = "The strategy plug-in (chronicle plugins lists them).")
    String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A strategy parameter (repeatable).")
    List<String> params = new ArrayList<>();

    @Mixin
    SimModelOptions models;

    @Option(names = "--initial-cash", defaultValue = "100000", paramLabel = "AMOUNT",
            description = "Cash at the start, in the quote currency (default: ${DEFAULT-VALUE}).")
    double initialCash;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration with the storage tiers of an archive root whose segments moved.")
    Path config;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write the HTML report (DIR/index.html: summary and charts, opens offline).")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LatencyModel latencyModel = models.latencyModel();
        QueueModel queue = models.queueModel();
        FeeModel fees = models.fees();
        PluginHost host = PluginHost.forRuntimeImage();
        Strategies.Created created = Strategies.create(host, strategy, params);
        BacktestRunner.Builder builder = BacktestRunner.builder()
                .tiers(ArchiveTiers.of(archive, config != null ? config : ArchiveTiers.defaultConfig()))
                .venue(venue).from(from).to(to).latency(latencyModel).queueModel(queue).fees(fees)
                .initialCash(initialCash).strategy(created);
        symbols.forEach(builder::symbol);
        BacktestResult result;
        try {
            result = builder.build().run();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(BacktestJson.summary(result));
        } else {
            print(out, result, latencyModel, queue, fees);
        }
        out.flush();
        if (report != null) {
            Path page = HtmlReport.write(result, report);
            // with --json, standard output stays one JSON document
            PrintWriter to = json ? spec.commandLine().getErr() : out;
            to.println("report: " + page.toAbsolutePath());
            to.flush();
        }
        return Main.OK;
    }

    private static void print(PrintWriter out, BacktestResult r, LatencyModel latency, QueueModel queue,
                              FeeModel fees) {
        StringBuilder on = new StringBuilder();
        r.instruments().forEach(i -> on.append(on.isEmpty() ? "" : ", ").append(i.label()));
        out.println("backtest of " + r.strategy() + (r.parameters().isEmpty() ? "" : " (" + String.join(" ",
                r.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + ")")
                + " on " + on);
        out.println(r.events() == 0 ? "no market event from " + Units.time(r.start()) + " on: check --from and --to "
                + "against the imported days (chronicle imports)"
                : r.events() + " events from " + Units.time(r.start()) + " to " + Units.time(r.end()));
        out.println("latency: " + latency.label() + "; queue model: " + queue.label() + "; fees: maker "
                + plain(fees.makerRate()) + ", taker " + plain(fees.takerRate()) + " per "
                + fees.basis().name().toLowerCase(Locale.ROOT));
        BacktestResult.Summary s = r.summary();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"METRIC", "VALUE"});
        rows.add(new String[] {"pnl", money(s.pnl())});
        rows.add(new String[] {"fees", money(s.fees())});
        rows.add(new String[] {"final equity", money(s.finalEquity())});
        rows.add(new String[] {"orders", Long.toString(s.orders())});
        rows.add(new String[] {"fills", Long.toString(s.fills())});
        rows.add(new String[] {"fill ratio", percent(s.fillRatio())});
        rows.add(new String[] {"volume", money(s.volume())});
        rows.add(new String[] {"max drawdown", money(s.maxDrawdown())});
        rows.add(new String[] {"sharpe (annualised)", String.format(Locale.ROOT, "%.2f", s.sharpe())});
        rows.add(new String[] {"time in market", percent(s.timeInMarket())});
        Table.print(out, rows);
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String money(double value) {
        return String.format(Locale.ROOT, "%,.4f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
