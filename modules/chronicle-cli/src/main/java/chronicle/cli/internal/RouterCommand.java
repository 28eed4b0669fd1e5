package chronicle.cli.internal;

import chronicle.bus.api.BusLayout;
import chronicle.framework.api.ClockMode;
import chronicle.framework.api.QueueAccess;
import chronicle.framework.api.Router;
import chronicle.framework.api.Venue;
import chronicle.framework.api.Venues;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code chronicle router}: fans in the orders queues of the strategies registered with it, in order of arrival,
 * hands each order to a venue and writes its answers to each strategy's responses queue ({@link Router}). Stops
 * cleanly on SIGTERM or SIGINT.
 */
@Command(name = "router", mixinStandardHelpOptions = true,
        description = "Route the orders of registered live strategies to a venue and their reports back "
                + "(docs/LIVE.md).")
final class RouterCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = {"--bus", "--bus-root"}, paramLabel = "DIR",
            description = "Bus root (default: busRoot of the configuration).")
    Path bus;

    @Option(names = "--strategies", required = true, split = ",", paramLabel = "A,B",
            description = "The applications whose orders are routed; any other's are refused.")
    List<String> strategies;

    @Option(names = "--venue", defaultValue = "reject", paramLabel = "NAME",
            description = "Where orders go (built in: reject; paper: the simulated exchange against --market-queue; "
                    + "default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--market-queue", paramLabel = "NAME|DIR",
            description = "For --venue paper: the market data to match against: a queue of <bus>/live/market_data "
                    + "by name (demo_feed) or a queue directory.")
    String marketQueue;

    @Option(names = "--clock", defaultValue = "wall", paramLabel = "wall|market",
            description = "For --venue paper: wall (orders reach the exchange when they arrive) or market (a "
                    + "replay in step with strategies run with --clock market, as in a backtest); default: "
                    + "${DEFAULT-VALUE}.")
    String clock;

    @Mixin
    SimModelOptions models;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Accept order queues this group may write (0770/0660); default: owner only.")
    String group;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path root = bus != null ? bus : config.load().busRoot();
        Router router = Router.builder(root).strategies(strategies).venue(venue(root))
                .access(group == null ? QueueAccess.ownerOnly() : QueueAccess.group(group))
                .log(line -> {
                    synchronized (err) {
                        err.println(line);
                        err.flush();
                    }
                }).build();
        try (StopSignal stop = new StopSignal()) {
            router.start();
            PrintWriter out = spec.commandLine().getOut();
            out.println("router: routing the orders of " + String.join(", ", strategies) + " under "
                    + root.resolve("strategies") + " to venue " + venue + (marketQueue == null ? ""
                    : " (market data " + marketQueue(root) + ", " + models.latencyModel().label() + ", queue model "
                    + models.queueModel().label() + ", clock " + clock + ")"));
            out.flush();
            while (stop.running() && !router.awaitStopped(Duration.ofMillis(200))) {
                // until a signal
            }
            router.close();
            Throwable failure = router.failure();
            out.println("router: stopped" + (failure == null ? "" : " (" + failure + ")"));
            out.flush();
            return failure == null ? Main.OK : Main.FAILURE;
        }
    }

    private Venue venue(Path root) {
        ClockMode mode;
        try {
            mode = ClockMode.parse(clock);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!Venues.PAPER.equals(venue)) {
            if (marketQueue != null || mode != ClockMode.WALL) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--market-queue and --clock are for "
                        + "--venue paper, not --venue " + venue);
            }
            return Venues.create(venue);
        }
        if (marketQueue == null) {
            return Venues.create(venue); // names the missing option
        }
        return Venues.paper(marketQueue(root), models.latencyModel(), models.queueModel(), models.fees(), mode,
                strategies);
    }

    /** @return the market-data queue: a live queue's name, or a directory. */
    private Path marketQueue(Path root) {
        if (!marketQueue.contains("/") && !marketQueue.contains(java.io.File.separator)) {
            return new BusLayout(root, root.resolve("archive")).liveQueue("market_data", marketQueue);
        }
        return Path.of(marketQueue);
    }
}
