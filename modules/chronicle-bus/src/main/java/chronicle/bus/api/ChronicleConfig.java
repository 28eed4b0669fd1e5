package chronicle.bus.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The platform configuration, read from {@code config/chronicle.json} by {@link ConfigLoader}.
 *
 * <pre>{@code
 * {
 *   "busRoot": "demo_bus",             // required: live queues, leases and readers live under it
 *   "archiveRoot": "demo_bus/archive", // required: archive queues, raw archive, snapshots, the manifest
 *   "tiers": {                         // optional: where sealed archive segments may move
 *     "warm": { "backend": "nfs", "root": "/mnt/research/chronicle" },
 *     "cold": { "backend": "s3", "bucket": "md-archive", "region": "eu-west-1" }
 *   },
 *   "tiering": [                       // optional: which streams move when; the first matching rule applies
 *     { "venue": "*", "symbol": "*", "stream": "*",
 *       "moves": [ { "to": "warm", "after": "2h", "compress": "zstd" }, { "to": "cold", "after": "7d" } ] }
 *   ],
 *   "symbolMap": "config/symbols.json", // optional: ids pinned for names registered for the first time
 *   "feeds": {                         // optional: the live feeds' settings
 *     "binance": { "spot": { "wsUrl": "wss://stream.binance.com:9443", "restUrl": "https://api.binance.com" } }
 *   }
 * }
 * }</pre>
 * Relative paths are resolved against the working directory of the process that reads the file.
 *
 * @param busRoot     root of the bus: {@code <busRoot>/live/<stream>/queue/<name>}.
 * @param archiveRoot root of the archive: archive queues, {@code raw/v1/...}, {@code snapshots/...},
 *                    {@code manifest/...}.
 * @param tiers       the storage tiers by name (empty: none configured).
 * @param tiering     the tiering rules in order (empty: nothing moves).
 * @param symbolMap   the {@link SymbolMap} that {@code chronicle feed} and {@code chronicle import} pin ids with
 *                    unless given another ({@code --symbol-map}), or null for none.
 * @param feeds       the live feeds' settings ({@link FeedsConfig#DEFAULTS} when left out).
 */
public record ChronicleConfig(Path busRoot, Path archiveRoot, Map<String, TierConfig> tiers,
                              List<TieringRule> tiering, Path symbolMap, FeedsConfig feeds) {

    /** Normalizes the optional parts to empty collections and defaults. */
    public ChronicleConfig {
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        tiering = tiering == null ? List.of() : List.copyOf(tiering);
        feeds = feeds == null ? FeedsConfig.DEFAULTS : feeds;
    }

    /**
     * A configuration with the feeds' defaults.
     *
     * @param busRoot     root of the bus.
     * @param archiveRoot root of the archive.
     * @param tiers       the storage tiers by name.
     * @param tiering     the tiering rules in order.
     * @param symbolMap   the symbol map, or null.
     */
    public ChronicleConfig(Path busRoot, Path archiveRoot, Map<String, TierConfig> tiers, List<TieringRule> tiering,
                           Path symbolMap) {
        this(busRoot, archiveRoot, tiers, tiering, symbolMap, null);
    }

    /**
     * A configuration without a symbol map.
     *
     * @param busRoot     root of the bus.
     * @param archiveRoot root of the archive.
     * @param tiers       the storage tiers by name.
     * @param tiering     the tiering rules in order.
     */
    public ChronicleConfig(Path busRoot, Path archiveRoot, Map<String, TierConfig> tiers, List<TieringRule> tiering) {
        this(busRoot, archiveRoot, tiers, tiering, null, null);
    }

    /**
     * A configuration without tiers.
     *
     * @param busRoot     root of the bus.
     * @param archiveRoot root of the archive.
     */
    public ChronicleConfig(Path busRoot, Path archiveRoot) {
        this(busRoot, archiveRoot, Map.of(), List.of(), null, null);
    }
}
