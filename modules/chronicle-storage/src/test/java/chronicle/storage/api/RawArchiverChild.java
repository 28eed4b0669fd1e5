package chronicle.storage.api;

import chronicle.pluginhost.api.PluginHost;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Child process of {@link RawArchiverCrashTest}: one archiver pass, printing {@code started} first and
 * {@code archived <n>} at the end (unless it is killed before).
 */
public final class RawArchiverChild {

    private RawArchiverChild() {
    }

    /**
     * @param args source queue, archive root, venue.
     * @throws IOException if the pass fails.
     */
    public static void main(String[] args) throws IOException {
        RawArchiverConfig config = RawArchiverConfig.of(Path.of(args[0]), Path.of(args[1]), args[2]);
        try (RawArchiver archiver = new RawArchiver(config, PluginHost.of(Path.of(args[1]).resolve("no-plugins")))) {
            System.out.println("started");
            System.out.flush();
            System.out.println("archived " + archiver.runOnce().size());
        }
    }
}
