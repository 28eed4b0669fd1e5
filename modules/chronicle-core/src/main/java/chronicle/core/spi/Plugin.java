package chronicle.core.spi;

/**
 * The common face of every Chronicle extension point.
 *
 * <p>Each SPI of the platform (compressor, tier backend, vendor import adapter, snapshot codec, ...) is an
 * interface that extends {@code Plugin}, exported from an {@code spi} package of the module that owns the concept.
 * A provider is a public class with a public no-argument constructor, declared twice so that it works as an
 * explicit module, an automatic module or on the class path:
 * <pre>{@code
 * // module-info.java of the plug-in
 * provides chronicle.storage.spi.Compressor with my.plugin.LzmaCompressor;
 * // META-INF/services/chronicle.storage.spi.Compressor
 * my.plugin.LzmaCompressor
 * }</pre>
 *
 * <p>{@link PluginHost} finds providers in the boot layer (the runtime image) and in the image's {@code plugins/}
 * folder, and sets the thread context class loader to the plug-in's loader around every call made through
 * {@link PluginProvider#call}.
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
