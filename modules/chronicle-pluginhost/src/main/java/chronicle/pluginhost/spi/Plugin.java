package chronicle.pluginhost.spi;

/**
 * The common face of every Chronicle extension point.
 *
 * <p>Each SPI of the platform is an interface that extends {@code Plugin}, exported from an {@code spi} package of
 * the module that owns the concept. These are all the SPIs there are:
 * <ul>
 *   <li>{@code chronicle.storage.spi.Compressor} ({@code chronicle.storage}): a streaming compression format for
 *       archive segments and compressed vendor files;</li>
 *   <li>{@code chronicle.storage.spi.SeekableCompressor} ({@code chronicle.storage}): a compression format with
 *       random access (independent frames and a seek table) for tiered segments;</li>
 *   <li>{@code chronicle.storage.spi.TierBackend} ({@code chronicle.storage}): a kind of storage tier (local
 *       disk, NFS, S3) that sealed segments move to;</li>
 *   <li>{@code chronicle.ingest.spi.VendorAdapter} ({@code chronicle.ingest}): a vendor's file format, read for
 *       import;</li>
 *   <li>{@code chronicle.replay.spi.SnapshotCodec} ({@code chronicle.replay}): the encoding of a book in a
 *       snapshot file;</li>
 *   <li>{@code chronicle.etl.spi.ExtractSink} ({@code chronicle.etl}): a file format of research extracts (CSV,
 *       Parquet);</li>
 *   <li>{@code chronicle.api.spi.StrategyFactory} ({@code chronicle.api}): a trading strategy, run by a backtest
 *       or live.</li>
 * </ul>
 *
 * <p>A provider is a public class with a public no-argument constructor, declared twice so that it works as an
 * explicit module, an automatic module or on the class path:
 * <pre>{@code
 * // module-info.java of the plug-in
 * provides chronicle.storage.spi.Compressor with my.plugin.LzmaCompressor;
 * // META-INF/services/chronicle.storage.spi.Compressor
 * my.plugin.LzmaCompressor
 * }</pre>
 *
 * <p>{@link chronicle.pluginhost.api.PluginHost} finds providers in the boot layer (the runtime image) and in the
 * image's {@code plugins/} folder, and sets the thread context class loader to the plug-in's loader around every
 * call made through {@link chronicle.pluginhost.api.PluginProvider#call}.
 */
public interface Plugin {

    /**
     * The short name a user types to select this provider, unique per SPI (for example {@code zstd}).
     *
     * @return a lower-case name without spaces.
     */
    String name();

    /**
     * One line a user reads in {@code chronicle plugins}.
     *
     * @return what this provider does; empty by default.
     */
    default String description() {
        return "";
    }
}
