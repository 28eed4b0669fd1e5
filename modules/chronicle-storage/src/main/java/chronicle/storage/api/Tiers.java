package chronicle.storage.api;

import chronicle.bus.api.ChronicleConfig;
import chronicle.bus.api.TierConfig;
import chronicle.pluginhost.api.PluginHost;
import chronicle.pluginhost.api.PluginProvider;
import chronicle.storage.internal.tiering.PluginBoundStore;
import chronicle.storage.spi.SeekableCompressor;
import chronicle.storage.spi.TierBackend;
import chronicle.storage.spi.TierStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storage tiers of a configuration, opened on first use through their backend plug-ins, and the seekable
 * compressors. A tier that cannot be opened (a missing mount, a missing bucket) fails when it is first needed,
 * with one line naming the tier and the setting, so a stream day that never left the hot tier reads without it.
 *
 * <p>Thread-safe.
 */
public final class Tiers implements AutoCloseable {

    private final Path archiveRoot;
    private final Map<String, TierConfig> configured;
    private final PluginHost host;
    private final Map<String, TierStore> open = new LinkedHashMap<>();
    private final Map<String, SeekableCompressor> compressors = new ConcurrentHashMap<>();

    /**
     * @param archiveRoot the archive root (the {@value Manifest#HOT} tier).
     * @param configured  the configured tiers by name.
     * @param host        finds backends and compressors.
     */
    public Tiers(Path archiveRoot, Map<String, TierConfig> configured, PluginHost host) {
        this.archiveRoot = archiveRoot;
        this.configured = Map.copyOf(configured);
        this.host = host;
    }

    /**
     * @param config the platform configuration.
     * @param host   finds backends and compressors.
     * @return its tiers.
     */
    public static Tiers of(ChronicleConfig config, PluginHost host) {
        return new Tiers(config.archiveRoot(), config.tiers(), host);
    }

    /** @return the archive root. */
    public Path archiveRoot() {
        return archiveRoot;
    }

    /** @return the configured tier names. */
    public java.util.Set<String> names() {
        return new TreeSet<>(configured.keySet());
    }

    /**
     * The open store of a tier.
     *
     * @param name a configured tier's name.
     * @return its store.
     * @throws IOException with one line naming the tier and the setting to fix if it is unknown or cannot be opened.
     */
    public synchronized TierStore store(String name) throws IOException {
        TierStore store = open.get(name);
        if (store != null) {
            return store;
        }
        TierConfig config = configured.get(name);
        if (config == null) {
            throw new IOException("no tier named \"" + name + "\" in the configuration (\"tiers\" has "
                    + (configured.isEmpty() ? "none" : String.join(", ", names())) + ")");
        }
        PluginProvider<TierBackend> backend = host.find(TierBackend.class, config.backend())
                .orElseThrow(() -> new IOException("tier \"" + name + "\": no tier backend named \""
                        + config.backend() + "\" is installed (tiers." + name + ".backend; `chronicle plugins` lists "
                        + "the installed ones)"));
        Map<String, String> known = backend.call(TierBackend::settings);
        for (String setting : config.settings().keySet()) {
            if (!known.containsKey(setting)) {
                throw new IOException("tier \"" + name + "\": unknown setting \"" + setting + "\" (tiers." + name
                        + "." + setting + "); the " + config.backend() + " backend knows "
                        + String.join(", ", new TreeSet<>(known.keySet())));
            }
        }
        ClassLoader loader = backend.instance().getClass().getClassLoader();
        TierStore opened = PluginBoundStore.call(loader, () -> backend.instance().open(name, config.settings()));
        store = new PluginBoundStore(opened, loader);
        open.put(name, store);
        return store;
    }

    /**
     * A seekable compressor by name.
     *
     * @param name for example {@code zstd}.
     * @return the compressor.
     * @throws IOException naming the compressor if none of that name is installed.
     */
    public SeekableCompressor compressor(String name) throws IOException {
        SeekableCompressor found = compressors.get(name);
        if (found == null) {
            // Found once: a plug-in lookup reads service files, and every segment a reader opens asks again.
            found = host.find(SeekableCompressor.class, name).map(PluginProvider::instance)
                    .orElseThrow(() -> new IOException("no seekable compressor named \"" + name + "\" is "
                            + "installed (`chronicle plugins` lists them)"));
            compressors.putIfAbsent(name, found);
        }
        return found;
    }

    @Override
    public synchronized void close() {
        for (TierStore store : open.values()) {
            try {
                store.close();
            } catch (IOException e) {
                // closing releases clients and connections; nothing stored depends on it
            }
        }
        open.clear();
    }
}
