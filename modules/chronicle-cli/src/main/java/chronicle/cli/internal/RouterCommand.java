package chronicle.cli.internal;

import chronicle.framework.api.QueueAccess;
import chronicle.framework.api.Router;
import chronicle.framework.api.Venues;
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
            description = "Where orders go (built in: reject; default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Accept order queues this group may write (0770/0660); default: owner only.")
    String group;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path root = bus != null ? bus : config.load().busRoot();
        Router router = Router.builder(root).strategies(strategies).venue(Venues.create(venue))
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
                    + root.resolve("strategies") + " to venue " + venue);
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
}
