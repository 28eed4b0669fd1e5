package chronicle.sim.api;

import chronicle.api.spi.Strategies;
import chronicle.api.strategy.Strategy;
import chronicle.pluginhost.api.PluginHost;
import chronicle.replay.api.GapPolicy;
import chronicle.sim.internal.BacktestLauncher;
import chronicle.storage.api.Tiers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a strategy over archived market data against the simulated exchange:
 *
 * <pre>{@code
 * BacktestResult result = BacktestRunner.builder()
 *         .archive(Path.of("/data/archive")).venue("kraken").symbol("XBT/USD")
 *         .from(t1).to(t2)
 *         .latency(LatencyModel.constant(Duration.ofNanos(50_000)))
 *         .initialCash(100_000)
 *         .fees(new FeeModel(-0.0001, 0.0004, FeeModel.Basis.VALUE))
 *         .queueModel(QueueModel.power(2))
 *         .strategy("market-maker", parameters, strategy)
 *         .build().run();
 * }</pre>
 *
 * <p>Data: each symbol's {@code book} stream (and its {@code trades} stream where imported) of every day from
 * {@code from} to {@code to}, read across storage tiers as {@code chronicle book} reads them; the book at
 * {@code from} is built by a warm start (the newest snapshot record of the stream at or before it). Deterministic:
 * the same archive and settings give the same result, field for field.
 */
public final class BacktestRunner {

    private final Tiers tiers;
    private final String venue;
    private final List<String> symbols;
    private final long from;
    private final long to;
    private final LatencyModel latency;
    private final double initialCash;
    private final FeeModel fees;
    private final QueueModel queueModel;
    private final String strategyName;
    private final Map<String, String> parameters;
    private final Strategy strategy;
    private final Duration sampleInterval;
    private final GapPolicy gapPolicy;

    private BacktestRunner(Builder b) {
        this.tiers = b.tiers != null ? b.tiers : new Tiers(b.archive, Map.of(), PluginHost.forRuntimeImage());
        this.venue = b.venue;
        this.symbols = List.copyOf(b.symbols);
        this.from = b.from;
        this.to = b.to;
        this.latency = b.latency;
        this.initialCash = b.initialCash;
        this.fees = b.fees;
        this.queueModel = b.queueModel;
        this.strategyName = b.strategyName;
        this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        this.strategy = b.strategy;
        this.sampleInterval = b.sampleInterval;
        this.gapPolicy = b.gapPolicy;
    }

    /** @return a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the backtest (once: a strategy instance is used by one run).
     *
     * @return the result.
     * @throws BacktestException for a market or day missing from the archive, or a damaged record.
     */
    public BacktestResult run() {
        return BacktestLauncher.run(this);
    }

    /** @return the archive's storage tiers. */
    public Tiers tiers() {
        return tiers;
    }

    /** @return the venue. */
    public String venue() {
        return venue;
    }

    /** @return the symbols, in instrument index order. */
    public List<String> symbols() {
        return symbols;
    }

    /** @return start, epoch nanoseconds (journal time). */
    public long from() {
        return from;
    }

    /** @return end, epoch nanoseconds (journal time). */
    public long to() {
        return to;
    }

    /** @return the latency model. */
    public LatencyModel latency() {
        return latency;
    }

    /** @return cash at the start. */
    public double initialCash() {
        return initialCash;
    }

    /** @return the fee model. */
    public FeeModel fees() {
        return fees;
    }

    /** @return the queue-position model. */
    public QueueModel queueModel() {
        return queueModel;
    }

    /** @return the strategy's name. */
    public String strategyName() {
        return strategyName;
    }

    /** @return its parameters as text, in declaration order. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** @return the strategy. */
    public Strategy strategy() {
        return strategy;
    }

    /** @return the equity curve's sampling interval. */
    public Duration sampleInterval() {
        return sampleInterval;
    }

    /** @return what replay does at a gap. */
    public GapPolicy gapPolicy() {
        return gapPolicy;
    }

    /** Collects the settings of a run; {@link #build()} checks them. */
    public static final class Builder {
        private Path archive;
        private Tiers tiers;
        private String venue;
        private final List<String> symbols = new ArrayList<>();
        private long from = Long.MIN_VALUE;
        private long to = Long.MIN_VALUE;
        private LatencyModel latency = LatencyModel.none();
        private double initialCash = 100_000;
        private FeeModel fees = FeeModel.NONE;
        private QueueModel queueModel = QueueModel.riskAverse();
        private String strategyName;
        private Map<String, String> parameters = Map.of();
        private Strategy strategy;
        private Duration sampleInterval = Duration.ofSeconds(1);
        private GapPolicy gapPolicy = GapPolicy.RESET_AND_WAIT;

        private Builder() {
        }

        /** @param root an archive root of imports. @return this builder. */
        public Builder archive(Path root) {
            this.archive = root;
            return this;
        }

        /**
         * @param tiers the archive root's storage tiers, where segments moved (default: the root alone, hot).
         * @return this builder.
         */
        public Builder tiers(Tiers tiers) {
            this.tiers = tiers;
            return this;
        }

        /** @param venue the venue's name or registered id. @return this builder. */
        public Builder venue(String venue) {
            this.venue = venue;
            return this;
        }

        /** @param symbol a symbol (name or registered id); call again for more. @return this builder. */
        public Builder symbol(String symbol) {
            this.symbols.add(symbol);
            return this;
        }

        /** @param from start, epoch nanoseconds. @return this builder. */
        public Builder from(long from) {
            this.from = from;
            return this;
        }

        /** @param to end, epoch nanoseconds (inclusive). @return this builder. */
        public Builder to(long to) {
            this.to = to;
            return this;
        }

        /** @param model the latency model (default: none). @return this builder. */
        public Builder latency(LatencyModel model) {
            this.latency = Objects.requireNonNull(model, "latency");
            return this;
        }

        /** @param cash cash at the start (default 100000). @return this builder. */
        public Builder initialCash(double cash) {
            this.initialCash = cash;
            return this;
        }

        /** @param model the fee model (default: none). @return this builder. */
        public Builder fees(FeeModel model) {
            this.fees = Objects.requireNonNull(model, "fees");
            return this;
        }

        /** @param model the queue-position model (default: risk-averse). @return this builder. */
        public Builder queueModel(QueueModel model) {
            this.queueModel = Objects.requireNonNull(model, "queueModel");
            return this;
        }

        /**
         * @param name       the strategy's name (for the result).
         * @param parameters its parameters as text (for the result).
         * @param strategy   the instance.
         * @return this builder.
         */
        public Builder strategy(String name, Map<String, String> parameters, Strategy strategy) {
            this.strategyName = name;
            this.parameters = parameters;
            this.strategy = strategy;
            return this;
        }

        /** @param created a strategy made from plug-in settings. @return this builder. */
        public Builder strategy(Strategies.Created created) {
            return strategy(created.name(), created.parameters().asText(), created.strategy());
        }

        /** @param interval the equity curve's sampling interval of event time (default 1 s). @return this builder. */
        public Builder sampleInterval(Duration interval) {
            this.sampleInterval = interval;
            return this;
        }

        /** @param policy what replay does at a gap (default: reset and wait for a snapshot). @return this builder. */
        public Builder gapPolicy(GapPolicy policy) {
            this.gapPolicy = Objects.requireNonNull(policy, "gapPolicy");
            return this;
        }

        /**
         * @return the runner.
         * @throws IllegalArgumentException one line naming a missing or bad setting.
         */
        public BacktestRunner build() {
            if (archive == null && tiers == null) {
                throw new IllegalArgumentException("a backtest needs an archive root (archive)");
            }
            if (tiers != null) {
                archive = tiers.archiveRoot();
            }
            if (venue == null || symbols.isEmpty()) {
                throw new IllegalArgumentException("a backtest needs a venue and at least one symbol");
            }
            if (from == Long.MIN_VALUE || to == Long.MIN_VALUE || to < from) {
                throw new IllegalArgumentException("a backtest needs from and to, with from not after to");
            }
            if (strategy == null) {
                throw new IllegalArgumentException("a backtest needs a strategy");
            }
            if (!Double.isFinite(initialCash) || initialCash < 0) {
                throw new IllegalArgumentException("initial cash must be a number of at least 0, not " + initialCash);
            }
            if (sampleInterval == null || sampleInterval.isNegative() || sampleInterval.isZero()) {
                throw new IllegalArgumentException("the sample interval must be positive");
            }
            if (strategyName == null) {
                strategyName = strategy.getClass().getSimpleName();
            }
            return new BacktestRunner(this);
        }
    }
}
