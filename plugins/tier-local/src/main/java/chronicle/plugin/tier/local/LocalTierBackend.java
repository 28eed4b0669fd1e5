package chronicle.plugin.tier.local;

import chronicle.storage.spi.FileTierStore;
import chronicle.storage.spi.TierBackend;
import chronicle.storage.spi.TierSettings;
import chronicle.storage.spi.TierStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Backend {@code local}: objects are files under a directory of this host ({@link FileTierStore}). A put of a
 * file on the same file system with {@code mayMove} is a rename (no copy); otherwise a copy to a temporary file,
 * forced, renamed into place, with the directory forced.
 * <pre>{@code
 * "tiers": { "warm": { "backend": "local", "root": "/data/chronicle-warm" } }
 * }</pre>
 */
public final class LocalTierBackend implements TierBackend {

    /** The tier's directory. */
    static final String ROOT = "root";

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String description() {
        return "tier in a local directory (rename when on the same file system, else copy + fsync + rename)";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of(ROOT, "the tier's directory (required; must exist and be writable)");
    }

    @Override
    public TierStore open(String tierName, Map<String, String> settings) throws IOException {
        TierSettings tier = new TierSettings(tierName, settings);
        tier.checkKnown(this);
        Path root = Path.of(tier.requiredText(ROOT));
        if (!Files.isDirectory(root)) {
            throw new IOException("tier \"" + tierName + "\": root " + root + (Files.exists(root)
                    ? " is not a directory" : " does not exist") + " (" + tier.path(ROOT) + ")");
        }
        if (!Files.isWritable(root)) {
            throw new IOException("tier \"" + tierName + "\": root " + root + " is not writable by this user ("
                    + tier.path(ROOT) + ")");
        }
        return new FileTierStore(tierName, root);
    }
}
