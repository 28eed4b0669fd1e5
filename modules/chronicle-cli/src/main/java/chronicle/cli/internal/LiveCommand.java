package chronicle.cli.internal;

import chronicle.api.spi.Strategies;
import chronicle.bus.api.BusLayout;
import chronicle.framework.api.ChronicleApp;
import chronicle.framework.api.ClockMode;
import chronicle.framework.api.QueueAccess;
import chronicle.pluginhost.api.PluginHost;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code chronicle live}: runs a strategy plug-in live against the bus ({@link ChronicleApp}): market data from a
 * live queue, orders through {@code <bus>/strategies/<app>/orders} to the router. Stops cleanly on SIGTERM or
 * SIGINT (the current event finishes, the strategy's onStop runs, the queues are closed).
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Run a strategy live: market data from the bus, orders to the router (docs/LIVE.md).")
final class LiveCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = {"--bus", "--bus-root"}, paramLabel = "DIR",
            description = "Bus root (default: busRoot of the configuration).")
    Path bus;

    @Option(names = "--venue", required = true, paramLabel = "V", description = "Venue of the markets, as registered.")
    String venue;

    @Option(names = "--symbol", required = true, paramLabel = "S",
            description = "Symbol to trade (repeat for several: instruments 0, 1, ...).")
    List<String> symbols;

    @Option(names = "--strategy", required = true, paramLabel = "NAME",
            description = "Strategy plug-in (chronicle plugins lists them).")
    String strategy;

    @Option(names = "--param", paramLabel = "K=V", description = "A strategy parameter (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--app", paramLabel = "NAME",
            description = "Application name: its queues are <bus>/strategies/NAME (default: the strategy's name).")
    String app;

    @Option(names = "--pin-core", paramLabel = "N", description = "Pin the strategy thread to this CPU.")
    Integer core;

    @Option(names = "--stream", defaultValue = "market_data",
            description = "Stream of the market-data queue (default: ${DEFAULT-VALUE}).")
    String stream;

    @Option(names = "--queue", defaultValue = "demo_feed",
            description = "Name of the market-data queue (default: ${DEFAULT-VALUE}, the demo feed's).")
    String queue;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Let this group read and write the order queues too (0770/0660; default: owner only).")
    String group;

    @Option(names = "--heartbeat", defaultValue = "1s", paramLabel = "DURATION",
            description = "Heartbeat interval (default: ${DEFAULT-VALUE}).")
    String heartbeat;

    @Option(names = "--clock", defaultValue = "wall", paramLabel = "wall|market",
            description = "wall (now() is the time of day), or market: now() is the market data's time and the "
                    + "strategy runs in step with a router started with --venue paper --clock market, as in a "
                    + "backtest; it stops by itself when the replay ends (default: ${DEFAULT-VALUE}).")
    String clock;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClockMode mode;
        try {
            mode = ClockMode.parse(clock);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Strategies.Created created = Strategies.create(PluginHost.forRuntimeImage(), strategy, params);
        Path root = bus != null ? bus : config.load().busRoot();
        String name = app != null ? app : strategy;
        BusLayout layout = new BusLayout(root, root.resolve("archive"));
        ChronicleApp.Builder builder = ChronicleApp.builder(name).bus(root)
                .marketQueue(layout.liveQueue(stream, queue)).strategy(created.strategy())
                .heartbeatInterval(Units.parseDuration(heartbeat)).clock(mode)
                .access(group == null ? QueueAccess.ownerOnly() : QueueAccess.group(group))
                .log(line -> {
                    synchronized (err) {
                        err.println(line);
                        err.flush();
                    }
                });
        symbols.forEach(symbol -> builder.subscribe(venue, symbol));
        if (core != null) {
            builder.pinToCore(core);
        }
        // the JVM waits for the last line: the application's own hook stops it on a signal, this one lets the
        // command report the stop before the JVM ends
        try (StopSignal reported = new StopSignal()) {
            ChronicleApp running = builder.build().start();
            out.println("live: " + name + " runs strategy " + created.name() + " (" + created.parameters() + ") on "
                    + venue + " " + String.join(", ", symbols) + (core != null ? ", pinned to CPU " + core : "")
                    + "; orders: " + layout.strategyOrders(name));
            out.flush();
            while (!running.awaitStopped(Duration.ofSeconds(1))) {
                // until a signal (or a failing strategy) stops it
            }
            Throwable failure = running.failure();
            out.println("live: " + name + " stopped"
                    + (failure == null ? "" : " (the strategy failed: " + failure + ")"));
            out.flush();
            return failure == null ? Main.OK : Main.FAILURE;
        }
    }
}
