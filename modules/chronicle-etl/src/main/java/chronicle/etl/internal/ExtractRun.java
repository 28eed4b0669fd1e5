package chronicle.etl.internal;

import chronicle.bus.api.ConfigLoader;
import chronicle.bus.api.TierConfig;
import chronicle.core.api.QueueException;
import chronicle.core.api.RecordHandler;
import chronicle.core.api.RecordSource;
import chronicle.core.api.StartPosition;
import chronicle.etl.api.ExtractException;
import chronicle.etl.api.ExtractProgress;
import chronicle.etl.api.ExtractRequest;
import chronicle.etl.api.ExtractSummary;
import chronicle.etl.api.Sampling;
import chronicle.etl.spi.ExtractSink;
import chronicle.etl.spi.SinkOptions;
import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;
import chronicle.replay.api.ReplayException;
import chronicle.storage.api.StreamDay;
import chronicle.storage.api.Tiers;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One extract from start to end: checks the request, plans the market days, and writes each day's book and trades
 * partitions through the sink, one day at a time.
 */
public final class ExtractRun {

    private static final int POLL_BATCH = 4096;

    private final PluginHost host;
    private final ExtractRequest request;
    private final ExtractProgress progress;

    /**
     * @param host     finds sinks, tier backends and compressors.
     * @param request  what to extract.
     * @param progress told how the run advances.
     */
    public ExtractRun(PluginHost host, ExtractRequest request, ExtractProgress progress) {
        this.host = host;
        this.request = request;
        this.progress = progress;
    }

    /**
     * @return what was written.
     * @throws ExtractException naming the problem.
     */
    public ExtractSummary run() {
        long started = System.nanoTime();
        if (!request.features().hasBookTable() && !request.features().trades()) {
            throw new ExtractException("--features: nothing to extract; give at least one of mid, spread, "
                    + "microprice, imbalance, levels:N, trades", true);
        }
        PluginProvider<ExtractSink> sink = Sinks.find(host, request.format());
        SinkOptions options = new SinkOptions(Sinks.compression(sink, request.compression()),
                request.rowGroupRows(), SinkOptions.DEFAULT_ROW_GROUP_BYTES);
        try (Tiers tiers = new Tiers(request.archiveRoot(), configuredTiers(), host)) {
            DayStreams streams = new DayStreams(tiers);
            List<MarketDay> days = ExtractPlan.of(request, streams);
            try (ExtractOutput output = ExtractOutput.of(request.output(), tiers)) {
                RunCounters counters = new RunCounters(progress, days.size());
                // Every call into the sink runs with its own class loader as the context loader (a drop-in's
                // libraries find their resources through it); set once for the run instead of once per row.
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(sink.instance().getClass().getClassLoader());
                try {
                    for (MarketDay day : days) {
                        extract(day, streams, sink.instance(), options, output, counters);
                        counters.partDone();
                    }
                } finally {
                    thread.setContextClassLoader(previous);
                }
                return new ExtractSummary(counters.rows(), counters.files(), counters.bytes(),
                        System.nanoTime() - started);
            }
        }
    }

    private Map<String, TierConfig> configuredTiers() {
        if (request.config() == null || !Files.isRegularFile(request.config())) {
            return Map.of();
        }
        try {
            return ConfigLoader.load(request.config()).tiers();
        } catch (RuntimeException e) {
            throw new ExtractException("--config: " + e.getMessage(), true);
        }
    }

    private void extract(MarketDay day, DayStreams streams, ExtractSink sink, SinkOptions options,
                         ExtractOutput output, RunCounters counters) {
        long from = Math.max(request.from(), day.start());
        long to = Math.min(request.to(), day.end());
        if (day.book()) {
            String relative = HivePath.of("book", day.venue(), day.symbol(), day.date(), sink.fileExtension());
            try (TableWriter writer = new TableWriter(sink, options, output, relative, counters)) {
                long period = request.sampling() instanceof Sampling.Every every ? every.periodNanos() : 0;
                BookSampler sampler = new BookSampler(day.venueId(), day.marketId(), from, to, period,
                        request.gapPolicy(), request.features(), writer);
                read(day, "book", streams, sampler, sampler::done);
                writer.finish();
            }
        }
        if (day.trades()) {
            String relative = HivePath.of("trades", day.venue(), day.symbol(), day.date(), sink.fileExtension());
            try (TableWriter writer = new TableWriter(sink, options, output, relative, counters)) {
                read(day, "trades", streams, new TradeSampler(day.venueId(), day.marketId(), from, to, writer),
                        () -> false);
                writer.finish();
            }
        }
    }

    private static void read(MarketDay day, String stream, DayStreams streams, RecordHandler handler,
                             BooleanSupplier done) {
        StreamDay streamDay = new StreamDay(day.venue(), day.symbol(), day.date(), stream);
        try (RecordSource source = streams.opener(streamDay).open(StartPosition.earliest())) {
            while (!done.getAsBoolean()) {
                int n = source.poll(handler, POLL_BATCH);
                if (n == RecordSource.CORRUPT) {
                    throw new ExtractException(streamDay + ": damaged record: " + source.lastError()
                            + " (chronicle verify finds it)", false);
                }
                if (n == 0) {
                    return;
                }
            }
        } catch (ReplayException e) {
            throw new ExtractException(streamDay + ": " + e.getMessage() + " (--gap-policy reset or flag "
                    + "continues past gaps)", false);
        } catch (UncheckedIOException | QueueException e) {
            throw new ExtractException(streamDay + ": " + e.getMessage(), e);
        }
    }
}
