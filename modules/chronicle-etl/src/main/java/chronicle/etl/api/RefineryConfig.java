package chronicle.etl.api;

import chronicle.replay.api.SnapshotInjector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Refinery} reads, writes and keeps.
 *
 * @param source           the raw multiplexed queue (for example {@code <bus>/streams/raw/<venue>/queue}); its
 *                         {@code ids.json} registry (of its root) names the markets.
 * @param sink             the root the clean streams go to, laid out as an archive root:
 *                         {@code <sink>/<venue>/<symbol>/<date>/<stream>/queue}.
 * @param symbols          symbol patterns ({@code *} any characters, {@code ?} one) this refinery takes; empty
 *                         for every symbol. Several refineries of one source take disjoint groups.
 * @param snapshotInterval exchange time between injected snapshots of a market.
 * @param readerName       the refinery's named reader of the source (its position survives restarts; one per
 *                         refinery of a source).
 */
public record RefineryConfig(Path source, Path sink, List<String> symbols, Duration snapshotInterval,
                             String readerName) {

    /** The named reader of a refinery that takes every symbol. */
    public static final String DEFAULT_READER = "refinery";

    /** Checks the fields. */
    public RefineryConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(snapshotInterval, "snapshotInterval");
        if (snapshotInterval.toMillis() < 1) {
            throw new IllegalArgumentException("--snapshot-interval " + snapshotInterval + ": give at least 1ms, "
                    + "for example 60s");
        }
        Objects.requireNonNull(readerName, "readerName");
    }

    /**
     * A refinery of every symbol with the default interval and reader.
     *
     * @param source the raw queue.
     * @param sink   the clean root.
     * @return the configuration.
     */
    public static RefineryConfig of(Path source, Path sink) {
        return new RefineryConfig(source, sink, List.of(), SnapshotInjector.DEFAULT_INTERVAL, DEFAULT_READER);
    }

    /**
     * The reader name of a refinery of some symbols: one per symbol group, so that two shards of a source keep
     * their own positions.
     *
     * @param symbols the patterns.
     * @return {@value #DEFAULT_READER} for every symbol, else {@code refinery-} and the patterns, each character a
     *         reader name may not hold made {@code _} (for example {@code refinery-BTC_} for {@code BTC*}), at most
     *         100 characters.
     */
    public static String readerNameFor(List<String> symbols) {
        if (symbols.isEmpty()) {
            return DEFAULT_READER;
        }
        String joined = String.join("_", symbols.stream().sorted().toList());
        String name = DEFAULT_READER + "-" + joined.replaceAll("[^A-Za-z0-9_.-]", "_");
        return name.length() <= 100 ? name : name.substring(0, 91) + "-" + Integer.toUnsignedString(joined.hashCode(), 36);
    }
}
