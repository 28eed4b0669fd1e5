package chronicle.etl.internal;

import chronicle.storage.spi.ObjectStat;
import chronicle.storage.spi.TierStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Extract output to a storage tier: each file is written and committed in a local staging folder, then put under
 * {@code <prefix>/<hive path>} (a put is atomic for readers: no partial object is ever visible) and deleted locally.
 */
record TierOutput(TierStore store, String prefix, Path staging) implements ExtractOutput {

    static TierOutput open(TierStore store, String prefix) {
        try {
            return new TierOutput(store, prefix, Files.createTempDirectory("chronicle-extract-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder in " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path localFile(String relative) {
        return staging.resolve(relative);
    }

    @Override
    public long publish(String relative, Path file) throws IOException {
        String key = prefix.isEmpty() ? relative : prefix + "/" + relative;
        ObjectStat stat = store.put(key, file, true);
        Files.deleteIfExists(file);
        return stat.size();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(staging)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A staging folder left in the temporary directory holds no complete-looking output.
        }
    }
}
