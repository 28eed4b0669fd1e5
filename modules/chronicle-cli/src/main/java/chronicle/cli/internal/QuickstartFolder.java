package chronicle.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder {@code chronicle quickstart} works in, and what it holds:
 *
 * <pre>
 * DIR/
 *   .chronicle-quickstart      marks the folder as the quickstart's own (a rerun may empty it)
 *   chronicle.json             bus root, archive root, a local cold tier and the rule "every sealed segment to cold, zstd"
 *   quickstart.log             every step's command line and complete output
 *   bus/live/...               the demo feed's raw (live) queue
 *   bus/archive/...            the archive tap's copy of it
 *   archive/                   the archive root: clean streams of the refinery, imports, raw/ of the raw archiver
 *   cold/                      the cold tier (Zstandard seekable segments)
 *   report/index.html          the backtest's HTML report
 *   extract/                   the Parquet extract (Hive-style folders)
 * </pre>
 */
record QuickstartFolder(Path root) {

    static final String MARKER = ".chronicle-quickstart";

    Path config() {
        return root.resolve("chronicle.json");
    }

    Path log() {
        return root.resolve("quickstart.log");
    }

    Path bus() {
        return root.resolve("bus");
    }

    Path liveQueue() {
        return bus().resolve("live/market_data/queue/demo_feed");
    }

    Path archiveQueue() {
        return bus().resolve("archive/market_data/queue/demo_feed");
    }

    Path archive() {
        return root.resolve("archive");
    }

    Path rawArchive() {
        return archive().resolve("raw/v1/demo");
    }

    Path cold() {
        return root.resolve("cold");
    }

    Path report() {
        return root.resolve("report");
    }

    Path extract() {
        return root.resolve("extract");
    }

    /**
     * Makes the folder ready for a run: creates it, or empties it if an earlier quickstart made it, and writes the
     * configuration.
     *
     * @param dir the folder.
     * @return it.
     * @throws IllegalArgumentException if it is a file, or a folder with other content (the user's data is never
     *                                  deleted).
     */
    static QuickstartFolder prepare(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new IllegalArgumentException("--dir " + dir + ": is a file; give a folder to create");
            }
            if (Files.isDirectory(root) && !isEmpty(root)) {
                if (!Files.exists(root.resolve(MARKER))) {
                    throw new IllegalArgumentException("--dir " + dir + ": the folder is not empty and was not made "
                            + "by chronicle quickstart; give a new or empty folder");
                }
                deleteContents(root);
            }
            Files.createDirectories(root);
            Files.writeString(root.resolve(MARKER), "made by chronicle quickstart; a rerun empties this folder\n");
            QuickstartFolder folder = new QuickstartFolder(root);
            Files.createDirectories(folder.cold());
            Files.writeString(folder.config(), configuration(folder), StandardCharsets.UTF_8);
            Files.writeString(folder.log(), "");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("--dir " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String configuration(QuickstartFolder folder) {
        return """
                {
                  "busRoot": %s,
                  "archiveRoot": %s,
                  "tiers": { "cold": { "backend": "local", "root": %s } },
                  "tiering": [ { "moves": [ { "to": "cold", "after": "0s", "compress": "zstd" } ] } ]
                }
                """.formatted(json(folder.bus()), json(folder.archive()), json(folder.cold()));
    }

    private static String json(Path path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** @return the bytes of every regular file under {@code dir} whose name ends with {@code suffix}. */
    static long bytes(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
