package chronicle.cli.internal;

import chronicle.bus.api.BinanceEndpoints;
import chronicle.bus.api.ChronicleConfig;
import chronicle.feed.binance.api.BinanceFeed;
import chronicle.feed.binance.api.BinanceFeedOptions;
import chronicle.feed.binance.api.BinanceMarket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code chronicle feed-binance} (launcher {@code chronicle-feed-binance}): the live Binance feed into the venue's
 * raw queue, until SIGINT or SIGTERM (the message in hand is appended and committed first). Endpoints from
 * {@code feeds.binance} in the configuration, overridden by {@code --ws-url} and {@code --rest-url}.
 */
@Command(name = "feed-binance", mixinStandardHelpOptions = true,
        description = "Append Binance's live depth diffs, snapshots, trades and book tickers to the raw queue.")
final class FeedBinanceCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--symbols", required = true, split = ",", paramLabel = "SYMBOL",
            description = "Binance symbols, comma-separated, e.g. BTCUSDT,ETHUSDT.")
    List<String> symbols;

    @Option(names = "--market", defaultValue = "spot", paramLabel = "spot|usdm",
            description = "spot or usdm (USD-M futures) (default: ${DEFAULT-VALUE}).")
    String market;

    @Option(names = "--venue", paramLabel = "NAME",
            description = "Venue name the symbols are registered under (default: binance for spot, binance-futures "
                    + "for usdm).")
    String venue;

    @Option(names = "--bus-root", paramLabel = "DIR", description = "Bus root (default: busRoot of the configuration).")
    Path busRoot;

    @Option(names = "--ws-url", paramLabel = "URL",
            description = "Websocket base the feed appends /stream?streams=... to (default: the configuration's).")
    String wsUrl;

    @Option(names = "--rest-url", paramLabel = "URL",
            description = "REST base the feed appends the depth path to (default: the configuration's).")
    String restUrl;

    @Option(names = "--symbol-map", paramLabel = "FILE",
            description = "Symbol map pinning the ids of names registered for the first time (default: symbolMap "
                    + "of the configuration, if it is read).")
    Path symbolMap;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        BinanceMarket kind = BinanceMarket.of(market);
        if (kind == null) {
            throw new ParameterException(spec.commandLine(), "--market: '" + market + "' is not spot or usdm");
        }
        boolean needConfig = busRoot == null || wsUrl == null || restUrl == null;
        ChronicleConfig loaded = needConfig ? config.load() : null;
        BinanceEndpoints.Endpoints configured = loaded == null ? null
                : kind == BinanceMarket.SPOT ? loaded.feeds().binance().spot() : loaded.feeds().binance().usdm();
        BinanceFeedOptions options;
        try {
            options = new BinanceFeedOptions(kind, symbols, venue, busRoot != null ? busRoot : loaded.busRoot(),
                    uri("--ws-url", wsUrl != null ? wsUrl : configured.wsUrl()),
                    uri("--rest-url", restUrl != null ? restUrl : configured.restUrl()), null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignal stop = new StopSignal();
             BinanceFeed feed = BinanceFeed.open(options, config.symbolMap(symbolMap, busRoot == null), line -> {
                 out.println(line);
                 out.flush();
             })) {
            out.println("feed-binance: " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + options.symbols()
                    + " as venue " + options.venue() + " to " + feed.queuePath());
            out.flush();
            feed.run(stop::running);
            out.printf("feed-binance: stopped; %d records (%d gap markers) appended to %s%n",
                    feed.normalizer().appended(), feed.normalizer().gaps(), feed.queuePath());
            out.flush();
        }
        return Main.OK;
    }

    private URI uri(String option, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), option + ": '" + text + "' is not a URL: "
                    + e.getReason());
        }
    }
}
