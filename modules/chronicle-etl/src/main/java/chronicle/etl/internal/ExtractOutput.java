package chronicle.etl.internal;

import chronicle.etl.api.ExtractException;
import chronicle.storage.api.Tiers;
import chronicle.storage.spi.TierStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where completed extract files go: a local directory, or a configured storage tier ({@code s3://<tier>/<prefix>})
 * through its {@link TierStore}, so that a Spark cluster reads the extract from object storage.
 */
sealed interface ExtractOutput extends AutoCloseable permits ExtractOutput.LocalOutput, TierOutput {

    /** The scheme of tier output. */
    String TIER_SCHEME = "s3://";

    /**
     * @param relative a {@link HivePath}.
     * @return the local file to write it to (its folder is created by {@link PartitionFile#create}).
     */
    Path localFile(String relative);

    /**
     * Makes a committed local file part of the output.
     *
     * @param relative its {@link HivePath}.
     * @param file     the committed local file.
     * @return the file's size in bytes.
     * @throws IOException if it cannot be stored.
     */
    long publish(String relative, Path file) throws IOException;

    @Override
    void close();

    /**
     * @param output the user's {@code --out}.
     * @param tiers  the configured tiers (for {@code s3://}).
     * @return the output.
     * @throws ExtractException (usage) for a tier that is not configured or a path that is a file.
     */
    static ExtractOutput of(String output, Tiers tiers) {
        if (output.startsWith(TIER_SCHEME)) {
            String rest = output.substring(TIER_SCHEME.length());
            int slash = rest.indexOf('/');
            String tier = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
            if (tier.isEmpty()) {
                throw new ExtractException("--out: '" + output + "' names no tier; write s3://<tier>/<prefix> with a "
                        + "tier of the configuration's \"tiers\"", true);
            }
            TierStore store;
            try {
                store = tiers.store(tier);
            } catch (IOException e) {
                throw new ExtractException("--out " + output + ": " + e.getMessage() + " (give the configuration "
                        + "with --config)", true);
            }
            return TierOutput.open(store, prefix);
        }
        Path dir = Path.of(output);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExtractException("--out: " + dir + " is a file; give a directory (created if missing)", true);
        }
        return new LocalOutput(dir);
    }

    /** Files stay where they were written. */
    record LocalOutput(Path dir) implements ExtractOutput {
        @Override
        public Path localFile(String relative) {
            return dir.resolve(relative);
        }

        @Override
        public long publish(String relative, Path file) throws IOException {
            return Files.size(file);
        }

        @Override
        public void close() {
        }
    }
}
