package chronicle.cli.internal;

import chronicle.bus.api.ConfigLoader;
import chronicle.bus.api.TierConfig;
import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.api.Tiers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The storage tiers a command reads an archive root through: the tiers of the configuration file when there is
 * one (a stream day whose segments moved needs them), none otherwise (every segment is still hot).
 */
final class ArchiveTiers {

    private ArchiveTiers() {
    }

    /**
     * @param root   the archive root the command was given.
     * @param config the configuration file in effect (may not exist).
     * @return the tiers over that root.
     */
    static Tiers of(Path root, Path config) {
        Map<String, TierConfig> tiers = Files.isRegularFile(config) ? ConfigLoader.load(config).tiers() : Map.of();
        return new Tiers(root, tiers, PluginHost.forRuntimeImage());
    }

    /** @return the configuration file a command without {@code --config} reads. */
    static Path defaultConfig() {
        return ConfigLoader.defaultLocation();
    }
}
