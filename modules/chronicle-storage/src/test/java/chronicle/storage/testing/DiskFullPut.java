package chronicle.storage.testing;

import chronicle.pluginhost.api.PluginHost;
import chronicle.storage.spi.TierBackend;
import chronicle.storage.spi.TierChecksums;
import chronicle.storage.spi.TierStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Child process of {@link TierStoreContract}'s full-disk test, run inside a private mount namespace where the tier
 * root is a 1 MiB tmpfs: puts a 2 MiB file (too big), then a small one, and prints what happened, one fact a line:
 * {@code failed <message>}, {@code files <names left in the root>}, {@code source <checksum before> <after>},
 * {@code small <checksum>}.
 */
public final class DiskFullPut {

    private DiskFullPut() {
    }

    /**
     * @param args backend name, tier root (the tmpfs), big source file, small source file, then settings as
     *             alternating names and JSON texts (the root is added).
     * @throws IOException if the small put fails.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[1]);
        Path big = Path.of(args[2]);
        Path small = Path.of(args[3]);
        Map<String, String> settings = new java.util.HashMap<>();
        for (int i = 4; i + 1 < args.length; i += 2) {
            settings.put(args[i], args[i + 1]);
        }
        TierBackend backend = PluginHost.of(root.resolve("no-plugins")).find(TierBackend.class, args[0])
                .orElseThrow().instance();
        String before = TierChecksums.of(big);
        try (TierStore store = backend.open("full", settings)) {
            try {
                store.put("v/2024-01-02/big.q", big, false);
                System.out.println("stored (the file system was not full)");
            } catch (IOException e) {
                System.out.println("failed " + e.getMessage());
            }
            try (Stream<Path> files = Files.walk(root)) {
                System.out.println("files " + files.filter(Files::isRegularFile).map(p -> root.relativize(p)
                        .toString()).sorted().toList());
            }
            System.out.println("source " + before + " " + TierChecksums.of(big));
            System.out.println("small " + store.put("v/2024-01-02/small.q", small, false).checksum());
        }
    }
}
